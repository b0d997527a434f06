#include "csimdjson.h"

#include <simdjson.h>

#include <cstring>
#include <new>
#include <string>
#include <vector>

using namespace simdjson;

struct dj_document {
  std::vector<dj_node> nodes;
  std::string strings;
};

namespace {

void fill_error(dj_error *error, error_code code, int64_t offset) {
  if (error == nullptr) return;
  error->code = static_cast<int>(code);
  error->offset = offset;
  std::strncpy(error->message, error_message(code), sizeof(error->message) - 1);
  error->message[sizeof(error->message) - 1] = '\0';
}

uint32_t append_string(dj_document &doc, std::string_view text, uint8_t kind) {
  dj_node node{};
  node.kind = kind;
  node.count = static_cast<uint32_t>(text.size());
  node.value.offset = doc.strings.size();
  doc.strings.append(text.data(), text.size());
  doc.nodes.push_back(node);
  return static_cast<uint32_t>(doc.nodes.size());
}

// Depth is bounded by the parser's max_depth, so the recursion is too.
void flatten(dj_document &doc, dom::element element) {
  dj_node node{};
  switch (element.type()) {
    case dom::element_type::ARRAY: {
      size_t at = doc.nodes.size();
      doc.nodes.push_back(node);
      uint32_t count = 0;
      for (dom::element child : dom::array(element)) {
        flatten(doc, child);
        count++;
      }
      doc.nodes[at].kind = DJ_ARRAY;
      doc.nodes[at].count = count;
      doc.nodes[at].next = static_cast<uint32_t>(doc.nodes.size());
      return;
    }
    case dom::element_type::OBJECT: {
      size_t at = doc.nodes.size();
      doc.nodes.push_back(node);
      uint32_t count = 0;
      for (dom::key_value_pair field : dom::object(element)) {
        uint32_t next = append_string(doc, field.key, DJ_STRING);
        doc.nodes.back().next = next;
        flatten(doc, field.value);
        count++;
      }
      doc.nodes[at].kind = DJ_OBJECT;
      doc.nodes[at].count = count;
      doc.nodes[at].next = static_cast<uint32_t>(doc.nodes.size());
      return;
    }
    case dom::element_type::STRING: {
      uint32_t next = append_string(doc, std::string_view(element), DJ_STRING);
      doc.nodes.back().next = next;
      return;
    }
    case dom::element_type::INT64:
      node.kind = DJ_INT;
      node.value.i = int64_t(element);
      break;
    case dom::element_type::UINT64:
      node.kind = DJ_UINT;
      node.value.u = uint64_t(element);
      break;
    case dom::element_type::DOUBLE:
      node.kind = DJ_DOUBLE;
      node.value.d = double(element);
      break;
    case dom::element_type::BOOL:
      node.kind = bool(element) ? DJ_TRUE : DJ_FALSE;
      break;
    case dom::element_type::NULL_VALUE:
      node.kind = DJ_NULL;
      break;
  }
  doc.nodes.push_back(node);
  doc.nodes.back().next = static_cast<uint32_t>(doc.nodes.size());
}

}  // namespace

extern "C" dj_document *dj_parse(const char *data, size_t length, size_t max_depth,
                                 dj_error *error) {
  fill_error(error, SUCCESS, -1);
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
    dom::element root;
    code = parser.parse(data, length).get(root);
    if (code != SUCCESS) {
      fill_error(error, code, -1);
      return nullptr;
    }
    auto *doc = new dj_document();
    doc->nodes.reserve(length / 8 + 16);
    flatten(*doc, root);
    doc->nodes.shrink_to_fit();
    return doc;
  } catch (const std::bad_alloc &) {
    fill_error(error, MEMALLOC, -1);
    return nullptr;
  } catch (...) {
    fill_error(error, UNEXPECTED_ERROR, -1);
    return nullptr;
  }
}

extern "C" const dj_node *dj_nodes(const dj_document *document) { return document->nodes.data(); }
extern "C" size_t dj_node_count(const dj_document *document) { return document->nodes.size(); }
extern "C" const char *dj_strings(const dj_document *document) { return document->strings.data(); }
extern "C" void dj_free(dj_document *document) { delete document; }
