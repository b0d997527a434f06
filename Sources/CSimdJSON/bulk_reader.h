// Reads one units array, parsed alone by On-Demand, into a dj_bulk's buffers (bulk_units.cpp).
//
// Included by bulk_units.cpp only, after dj_bulk, bulk_spans.h and simdjson, inside its haswell
// target region; everything here is in an anonymous namespace, so no weak symbol compiled for
// AVX2 can leak to other files.
#ifndef CSIMDJSON_BULK_READER_H
#define CSIMDJSON_BULK_READER_H

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

namespace {

using namespace simdjson;

inline void check(error_code code) {
  if (code != SUCCESS) throw Refused{};
}

// Reads one units array, parsed alone (see bulk_spans.h), into the buffers.
class UnitsReader {
 public:
  explicit UnitsReader(dj_bulk &out) : out(out) {}

  // The units array of `size` bytes at `span` (`room` bytes readable there) into the buffers,
  // parsed alone by this reader's parser (so each thread of the walk has its own), after a copy
  // when the text lacks simdjson's padding after it.
  void span(const char *span, size_t size, size_t room) {
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
    block(doc);
  }

  size_t unitCount() const { return out.units.size(); }

 private:
  dj_bulk &out;
  ondemand::parser parser;
  std::vector<char> copy;

  // The array `doc` holds: every unit into the buffers, the span exactly the array.
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
  }

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

}  // namespace

#endif
