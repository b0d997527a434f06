// The fast path for the bulk of a DigiTrack file: every report's `communes.units` array.
//
// A scan (bulk_spans.h) finds each `"units": [...]` array; simdjson's On-Demand API then walks
// that span alone, forward and without a tape, with one parser reused from span to span, so its
// index of structural characters (4 bytes per token) is never larger than the largest array and
// the whole file is never indexed at once. Strings are read where they are in the input, never
// unescaped. Each unit goes into compact buffers (code and name bytes, a kind byte, one key and
// one status byte per entry of its status map). Everything else of the file is copied into a
// small "skeleton" text in which each units array is replaced by `[k]`, k being its block; the
// precise decoder (DOM tape, every check and message) reads that skeleton, and takes a block only
// where the format puts a commune units list: every block must be taken exactly once. A
// `"units": [` the scan finds anywhere else therefore sends the file the precise way.
//
// The walk accepts only what it knows: an escape in a string, a key it does not expect, a status
// given as an object, a number where a word belongs, a malformed document... anything else makes
// dj_bulk_parse return NULL, and the loader then reads the whole file the precise way. So the fast
// path never decides what an error message says.
//
// On-Demand in simdjson 3.0.1 runs the kernel the compiler targets (its "builtin" implementation).
// This file alone is compiled for haswell (AVX2, BMI1, PCLMUL, LZCNT) by a target region, and
// dj_bulk_parse refuses to run unless simdjson's runtime dispatch chose haswell or icelake, i.e.
// unless this CPU has those instructions.
//
// Keep in mind: inline and template functions this region instantiates are emitted as weak
// symbols compiled for haswell, and the linker keeps one copy of each name for the whole binary.
// If another C++ file instantiates the same function (csimdjson.cpp, or a new one), the DOM path,
// which every CPU runs, could get the AVX2 copy. In the release build of 1 December 2026 (checked
// again after the span walk and bulk_spans.h) the only weak symbol shared with csimdjson.cpp.o is
// __clang_call_terminate, which has no AVX code; check again with `nm --defined-only` on both
// objects (`comm -12` of their "W" symbols) after any change. bulk_spans.h keeps its helpers in an
// anonymous namespace, so they are never weak.
#include "csimdjson.h"

#if defined(__x86_64__) && defined(__clang__)
#define DJ_BULK_HASWELL 1
// The region covers the standard headers too: std::pair<raw_json_string, value> and the like must
// be instantiated for the same target as simdjson's always-inline members they call. (clang notes,
// harmlessly, that it cannot re-target functions csimdjson.h's C headers defined already.)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wignored-attributes"
#pragma clang attribute push(__attribute__((target("avx2,bmi,pclmul,lzcnt"))), apply_to = function)
#define SIMDJSON_BUILTIN_IMPLEMENTATION haswell
#endif
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#if DJ_BULK_HASWELL
#include "bulk_spans.h"
#include "bulk_window.h"
#endif

using namespace simdjson;

struct dj_bulk {
  std::vector<char> skeleton;
  std::vector<uint32_t> blockStarts;
  std::vector<dj_bulk_unit> units;
  std::vector<uint8_t> statusKeys;
  std::vector<uint8_t> statusWords;
  // Code, name and key bytes back to back: allocated once for the text's size and never grown
  // or cleared, so only the bytes written are touched; 32 spare bytes for whole-vector copies.
  std::unique_ptr<uint8_t[]> pool;
  size_t poolSize = 0;
  size_t poolCapacity = 0;
  std::vector<uint32_t> keyOffsets;  // into pool
  std::vector<uint32_t> keyLengths;
  dj_bulk_view view;
};

#if DJ_BULK_HASWELL
namespace {

inline void check(error_code code) {
  if (code != SUCCESS) throw Refused{};
}

// Reads one units array, parsed alone (see bulk_spans.h), into the buffers.
class UnitsReader {
 public:
  explicit UnitsReader(dj_bulk &out) : out(out) {}

  // The array `doc` holds: every unit into the buffers, then the block's end.
  void block(ondemand::document &doc) {
    ondemand::array list;
    check(doc.get_array().get(list));
    for (auto element : list) {
      ondemand::object unit;
      check(element.get_object().get(unit));
      this->unit(unit);
    }
    // The span is exactly the array: nothing may follow its `]`.
    const char *after;
    if (doc.current_location().get(after) != OUT_OF_BOUNDS) throw Refused{};
    out.blockStarts.push_back(static_cast<uint32_t>(out.units.size()));
  }

 private:
  dj_bulk &out;
  // The status keys met so far, copied: a span may be parsed in a buffer that the next one reuses.
  std::string knownKeys[256];
  Word knownWords[256];  // the same, as words when they fit
  size_t keyCount = 0;

  // A string without escapes, as it is in the input.
  std::string_view plain(ondemand::value value) {
    ondemand::raw_json_string raw;
    check(value.get_raw_json_string().get(raw));
    return plain(raw);
  }

  std::string_view plain(ondemand::raw_json_string raw) { return std::string_view(raw.raw(), plainLength(raw.raw())); }

  uint32_t pooled(std::string_view text) {
    // The text has 64 readable bytes after it (a span's padding): short ones are copied whole.
    if (text.size() > out.poolCapacity - out.poolSize) throw Refused{};
    uint32_t offset = static_cast<uint32_t>(out.poolSize);
    uint8_t *to = out.pool.get() + out.poolSize;
    if (text.size() <= 32) {
      _mm256_storeu_si256(reinterpret_cast<__m256i *>(to),
                          _mm256_loadu_si256(reinterpret_cast<const __m256i *>(text.data())));
    } else {
      std::memcpy(to, text.data(), text.size());
    }
    out.poolSize += text.size();
    return offset;
  }

  void unit(ondemand::object &unit) {
    dj_bulk_unit result{};
    unsigned seen = 0;
    for (auto field : unit) {
      ondemand::raw_json_string key;
      check(field.key().get(key));
      ondemand::value value;
      check(field.value().get(value));
      if (key == "code" && !(seen & 1)) {
        seen |= 1;
        std::string_view text = plain(value);
        result.code_offset = pooled(text);
        result.code_length = static_cast<uint32_t>(text.size());
      } else if (key == "name" && !(seen & 2)) {
        seen |= 2;
        std::string_view text = plain(value);
        result.name_offset = pooled(text);
        result.name_length = static_cast<uint32_t>(text.size());
      } else if (key == "kind" && !(seen & 4)) {
        seen |= 4;
        ondemand::raw_json_string word;
        check(value.get_raw_json_string().get(word));
        if (is(word.raw(), "ward")) {
          result.kind = 0;
        } else if (is(word.raw(), "commune")) {
          result.kind = 1;
        } else if (is(word.raw(), "special_zone")) {
          result.kind = 2;
        } else {
          throw Refused{};
        }
      } else if (key == "statuses" && !(seen & 8)) {
        seen |= 8;
        result.status_first = static_cast<uint32_t>(out.statusWords.size());
        statuses(value);
        result.status_count = static_cast<uint32_t>(out.statusWords.size()) - result.status_first;
      } else {
        throw Refused{};
      }
    }
    if (seen != 15) throw Refused{};
    out.units.push_back(result);
  }

  void statuses(ondemand::value value) {
    ondemand::object map;
    check(value.get_object().get(map));
    size_t position = 0;
    for (auto field : map) {
      ondemand::raw_json_string rawKey;
      check(field.key().get(rawKey));
      uint8_t key = keyIndex(rawKey, position);
      ondemand::value member;
      check(field.value().get(member));
      ondemand::raw_json_string rawWord;
      check(member.get_raw_json_string().get(rawWord));
      out.statusKeys.push_back(key);
      out.statusWords.push_back(status(rawWord.raw()));
      position += 1;
    }
  }

  // Whether the string at `raw` (just past its opening quote) is exactly `text`, which has no
  // quote or backslash: its bytes, then the closing quote (which cannot be an escaped one, since
  // `text` does not end in a backslash). The input's padding makes reading past a short string safe.
  static bool is(const char *raw, std::string_view text) {
    return std::memcmp(raw, text.data(), text.size()) == 0 && raw[text.size()] == '"';
  }

  // A status word, compared in place: no scan for the string's end.
  static uint8_t status(const char *raw) {
    static constexpr Word green = wordOf("green"), yellow = wordOf("yellow"), red = wordOf("red");
    static constexpr Word notRe = wordOf("not_re", false), ported = wordOf("ported");
    if (matchesWord(raw, green)) return 0;
    if (matchesWord(raw, yellow)) return 1;
    if (matchesWord(raw, red)) return 2;
    if (matchesWord(raw, notRe) && matchesWord(raw + 6, ported)) return 3;
    throw Refused{};
  }

  // Maps list the same keys in the same order: the key at this position last time is tried
  // first, in place; a key seen before at another position is looked up; a new one is added.
  uint8_t keyIndex(ondemand::raw_json_string rawKey, size_t position) {
    const char *raw = rawKey.raw();
    if (position < keyCount) {
      const Word &word = knownWords[position];
      if (word.fits ? matchesWord(raw, word) : is(raw, knownKeys[position])) return static_cast<uint8_t>(position);
    }
    std::string_view key = plain(rawKey);
    for (size_t index = 0; index < keyCount; ++index) {
      if (knownKeys[index] == key) return static_cast<uint8_t>(index);
    }
    if (keyCount == 255) throw Refused{};
    knownKeys[keyCount] = std::string(key);
    knownWords[keyCount] = wordOf(key);
    out.keyOffsets.push_back(pooled(key));
    out.keyLengths.push_back(static_cast<uint32_t>(key.size()));
    return static_cast<uint8_t>(keyCount++);
  }
};


// Every units array of the text, each parsed alone by one reused parser, and the skeleton: the
// text with each array replaced by `[k]`. The skeleton is taken as the window moves on, so text
// without units arrays never needs a larger window.
void walk(Window &in, size_t from, dj_bulk &out) {
  UnitsReader reader(out);
  ondemand::parser parser;
  std::vector<char> copy;
  size_t copied = from;  // the text up to here is in the skeleton already (offsets in the text)
  auto take = [&](size_t upTo) {
    out.skeleton.insert(out.skeleton.end(), in.text + (copied - in.base), in.text + (upTo - in.base));
    copied = upTo;
  };
  while (true) {
    Found found = nextUnits(in.text, copied - in.base, in.size, in.complete);
    if (found.open == noSpan) {
      take(in.base + found.resume);
      if (in.complete) break;
      in.more(copied);
      continue;
    }
    size_t open = in.base + found.open;
    size_t end;
    while ((end = spanEnd(in.text, open - in.base, in.size)) == noSpan) {
      if (in.complete) throw Refused{};
      in.more(copied);
    }
    take(open);
    std::string marker = "[" + std::to_string(out.blockStarts.size() - 1) + "]";
    out.skeleton.insert(out.skeleton.end(), marker.begin(), marker.end());
    size_t size = end - (open - in.base);
    if (size > out.view.largest_span) out.view.largest_span = size;
    const char *span = in.text + (open - in.base);
    size_t room = in.readable - (open - in.base);
    if (room < size + SIMDJSON_PADDING) {
      copy.assign(span, span + size);
      copy.resize(size + SIMDJSON_PADDING, ' ');
      span = copy.data();
      room = copy.size();
    }
    // Room for a somewhat larger array than this one: the index is not reallocated at every span.
    if (parser.capacity() < size) check(parser.allocate(size + size / 4));
    ondemand::document doc;
    check(parser.iterate(span, size, room).get(doc));
    reader.block(doc);
    copied = open + size;
  }
}

bool kernelRuns() {
  const std::string name = get_active_implementation()->name();
  return name == "haswell" || name == "icelake";
}

}  // namespace
#endif

#if DJ_BULK_HASWELL
namespace {

// Walks the text `open` gives (a Window) into a new dj_bulk, or NULL for anything refused.
// `size` (the text's, or the file's from fstat) bounds the buffers, which are reserved but not
// touched: no buffer grows by copying, and the pages it does not use cost no memory.
template <typename Open>
dj_bulk *bulk(size_t size, Open open) {
  static const bool runs = kernelRuns();
  if (!runs || size > 0xFFFFFFF0u) return nullptr;
  dj_bulk *out = nullptr;
  try {
    out = new dj_bulk();
    out->blockStarts.push_back(0);
    out->skeleton.reserve(64 << 10);
    // A status entry takes at least 8 bytes (`"k":"red"`), a unit at least 48.
    out->statusKeys.reserve(size / 8 + 1);
    out->statusWords.reserve(size / 8 + 1);
    out->units.reserve(size / 48 + 1);
    out->poolCapacity = size + 1;
    out->pool.reset(new uint8_t[out->poolCapacity + 32]);
    open(*out);
    out->skeleton.insert(out->skeleton.end(), SIMDJSON_PADDING, '\0');
    out->skeleton.shrink_to_fit();
    // Room for one item in every buffer, so that none of the view's pointers is NULL.
    out->units.reserve(1);
    out->statusKeys.reserve(1);
    out->statusWords.reserve(1);
    out->keyOffsets.reserve(1);
    out->keyLengths.reserve(1);
    auto &view = out->view;
    view.skeleton = out->skeleton.data();
    view.skeleton_length = out->skeleton.size() - SIMDJSON_PADDING;
    view.block_starts = out->blockStarts.data();
    view.block_count = out->blockStarts.size() - 1;
    view.units = out->units.data();
    view.unit_count = out->units.size();
    view.status_keys = out->statusKeys.data();
    view.status_words = out->statusWords.data();
    view.pool = out->pool.get();
    view.key_offsets = out->keyOffsets.data();
    view.key_lengths = out->keyLengths.data();
    view.key_count = out->keyOffsets.size();
    return out;
  } catch (...) {
    // Refused, simdjson_error, bad_alloc: the precise path reads the file.
    delete out;
    return nullptr;
  }
}

}  // namespace
#endif

extern "C" dj_bulk *dj_bulk_parse(const char *data, size_t length, size_t readable) {
#if DJ_BULK_HASWELL
  bool padded = readable >= length && readable - length >= SIMDJSON_PADDING;
  return bulk(length, [&](dj_bulk &out) {
    Window input(data, length, padded ? readable : length);
    walk(input, 0, out);
  });
#else
  (void)data;
  (void)length;
  (void)readable;
  return nullptr;
#endif
}

extern "C" dj_bulk *dj_bulk_read(int descriptor, size_t size, size_t limit) {
#if DJ_BULK_HASWELL
  return bulk(size, [&](dj_bulk &out) {
    Window input(descriptor, limit < 0xFFFFFFF0u ? limit : 0xFFFFFFF0u);
    // An empty file, and one that is only a byte-order mark, are the precise path's to name.
    bool mark = input.size >= 3 && std::memcmp(input.text, "\xEF\xBB\xBF", 3) == 0;
    if (input.size == (mark ? 3 : 0)) throw Refused{};
    walk(input, mark ? 3 : 0, out);
  });
#else
  (void)descriptor;
  (void)size;
  (void)limit;
  return nullptr;
#endif
}

extern "C" const dj_bulk_view *dj_bulk_get(const dj_bulk *bulk) { return &bulk->view; }
extern "C" void dj_bulk_free(dj_bulk *bulk) { delete bulk; }

#if DJ_BULK_HASWELL
#pragma clang attribute pop
#pragma clang diagnostic pop
#endif
