#include "csimdjson.h"

#include <simdjson.h>

#include <cstring>
#include <new>
#include <string>

using namespace simdjson;

// Only the document (tape and strings) outlives dj_parse: the parser, with its index of structural
// characters (4 bytes per token) and its copy of unpadded input, is freed before returning.
struct dj_document {
  dom::document document;
};

namespace {

void fill_error(dj_error *error, error_code code, int64_t offset) {
  if (error == nullptr) return;
  error->code = static_cast<int>(code);
  error->offset = offset;
  std::strncpy(error->message, error_message(code), sizeof(error->message) - 1);
  error->message[sizeof(error->message) - 1] = '\0';
}

}  // namespace

extern "C" size_t dj_padding(void) { return SIMDJSON_PADDING; }

extern "C" dj_document *dj_parse(const char *data, size_t length, size_t readable, size_t max_depth,
                                 dj_error *error) {
  fill_error(error, SUCCESS, -1);
  // Tape indices are 32-bit.
  if (length > 0xFFFFFFF0u) {
    fill_error(error, CAPACITY, -1);
    return nullptr;
  }
  try {
    // simdjson refuses capacities below its minimum (32 bytes): a tiny document gets the minimum.
    size_t capacity = length + 1 < 64 ? 64 : length + 1;
    dom::parser parser(capacity);
    error_code code = parser.allocate(capacity, max_depth);
    if (code != SUCCESS) {
      fill_error(error, code, -1);
      return nullptr;
    }
    auto *doc = new dj_document();
    bool padded = readable >= length && readable - length >= SIMDJSON_PADDING;
    code = parser.parse_into_document(doc->document, data, length, !padded).error();
    if (code != SUCCESS) {
      delete doc;
      fill_error(error, code, -1);
      return nullptr;
    }
    return doc;
  } catch (const std::bad_alloc &) {
    fill_error(error, MEMALLOC, -1);
    return nullptr;
  } catch (...) {
    fill_error(error, UNEXPECTED_ERROR, -1);
    return nullptr;
  }
}

extern "C" const uint64_t *dj_tape(const dj_document *document) { return document->document.tape.get(); }
extern "C" const uint8_t *dj_string_buffer(const dj_document *document) {
  return document->document.string_buf.get();
}
extern "C" void dj_free(dj_document *document) { delete document; }

extern "C" const char *dj_implementation_name(void) {
  // name() returns a std::string; one static copy outlives every caller.
  static const std::string name = get_active_implementation()->name();
  return name.c_str();
}
