// The fast path for the bulk of a DigiTrack file: every report's `communes.units` array.
//
// simdjson's On-Demand API walks the file once, forward, without a tape: only its index of
// structural characters (4 bytes per token) is built, and strings are read where they are in the
// input, never unescaped. Each unit goes into compact buffers (code and name bytes, a kind byte,
// one key and one status byte per entry of its status map). Everything else of the file is copied
// into a small "skeleton" text in which each units array is replaced by `[k]`, k being its block;
// the precise decoder (DOM tape, every check and message) reads that skeleton.
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
// which every CPU runs, could get the AVX2 copy. In the release build of 1 December 2026 the only
// weak symbol shared with csimdjson.cpp.o is __clang_call_terminate, which has no AVX code; check
// again with `nm --defined-only` on both objects (`comm -12` of their "W" symbols) after any change.
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
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

using namespace simdjson;

struct dj_bulk {
  std::vector<char> skeleton;
  std::vector<uint32_t> blockStarts;
  std::vector<dj_bulk_unit> units;
  std::vector<uint8_t> statusKeys;
  std::vector<uint8_t> statusWords;
  std::vector<uint8_t> pool;
  std::vector<uint32_t> keyOffsets;  // into pool
  std::vector<uint32_t> keyLengths;
  dj_bulk_view view;
};

namespace {

// Thrown (and caught in dj_bulk_parse) when the walk meets anything it does not take.
struct Refused {};

inline void check(error_code code) {
  if (code != SUCCESS) throw Refused{};
}

class Walker {
 public:
  Walker(const char *input, dj_bulk &out, ondemand::document &doc) : input(input), out(out), doc(doc) {}

  void document() {
    ondemand::object root;
    check(doc.get_object().get(root));
    for (auto field : root) {
      ondemand::raw_json_string key;
      check(field.key().get(key));
      ondemand::value value;
      check(field.value().get(value));
      if (plain(key) == "snapshots") snapshots(value);
    }
    // Whatever follows the document goes into the skeleton, which the DOM parser checks whole.
    // Keys on the way to the units are taken only without escapes: the decoder compares keys
    // unescaped, so "snap\u0073hots" would otherwise be units the walk never saw.
  }

  // The text after the last units array.
  void finish(size_t length) { copyUpTo(input + length); }

 private:
  const char *input;
  dj_bulk &out;
  ondemand::document &doc;
  const char *copied = nullptr;  // the input up to here is in the skeleton already
  std::string_view knownKeys[256];
  size_t keyCount = 0;

  void copyUpTo(const char *end) {
    const char *start = copied ? copied : input;
    out.skeleton.insert(out.skeleton.end(), start, end);
    copied = end;
  }

  void snapshots(ondemand::value value) {
    ondemand::array list;
    check(value.get_array().get(list));
    for (auto element : list) {
      ondemand::object snapshot;
      check(element.get_object().get(snapshot));
      for (auto field : snapshot) {
        ondemand::raw_json_string key;
        check(field.key().get(key));
        if (plain(key) != "reports") continue;
        ondemand::array reports;
        check(field.value().get_array().get(reports));
        for (auto element : reports) {
          ondemand::value report;
          check(element.get(report));
          this->report(report);
        }
      }
    }
  }

  void report(ondemand::value value) {
    ondemand::object report;
    check(value.get_object().get(report));
    for (auto field : report) {
      ondemand::raw_json_string key;
      check(field.key().get(key));
      if (plain(key) != "communes") continue;
      ondemand::object communes;
      check(field.value().get_object().get(communes));
      for (auto part : communes) {
        ondemand::raw_json_string partKey;
        check(part.key().get(partKey));
        if (plain(partKey) != "units") continue;
        ondemand::value units;
        check(part.value().get(units));
        block(units);
      }
    }
  }

  // One units array: its units into the buffers, `[k]` into the skeleton in its place.
  void block(ondemand::value value) {
    const char *start;
    check(value.current_location().get(start));
    if (*start != '[') throw Refused{};
    copyUpTo(start);
    size_t number = out.blockStarts.size() - 1;
    std::string marker = "[" + std::to_string(number) + "]";
    out.skeleton.insert(out.skeleton.end(), marker.begin(), marker.end());
    ondemand::array list;
    check(value.get_array().get(list));
    for (auto element : list) {
      ondemand::object unit;
      check(element.get_object().get(unit));
      this->unit(unit);
    }
    out.blockStarts.push_back(static_cast<uint32_t>(out.units.size()));
    // The iterator now stands on what follows the array (`,` or `}` of the communes object):
    // the array and the white space after it are left out of the skeleton.
    const char *after;
    check(doc.current_location().get(after));
    if (*after != ',' && *after != '}') throw Refused{};
    copied = after;
  }

  // A string without escapes, as it is in the input.
  std::string_view plain(ondemand::value value) {
    ondemand::raw_json_string raw;
    check(value.get_raw_json_string().get(raw));
    return plain(raw);
  }

  std::string_view plain(ondemand::raw_json_string raw) {
    const char *begin = raw.raw();
    const char *end = begin;
    while (*end != '"') {
      if (*end == '\\') throw Refused{};
      ++end;
    }
    return std::string_view(begin, static_cast<size_t>(end - begin));
  }

  uint32_t pooled(std::string_view text) {
    if (out.pool.size() + text.size() > 0xFFFFFFF0u) throw Refused{};
    uint32_t offset = static_cast<uint32_t>(out.pool.size());
    out.pool.insert(out.pool.end(), text.begin(), text.end());
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
    if (is(raw, "green")) return 0;
    if (is(raw, "yellow")) return 1;
    if (is(raw, "red")) return 2;
    if (is(raw, "not_reported")) return 3;
    throw Refused{};
  }

  // Maps list the same keys in the same order: the key at this position last time is tried
  // first, in place; a key seen before at another position is looked up; a new one is added.
  uint8_t keyIndex(ondemand::raw_json_string rawKey, size_t position) {
    const char *raw = rawKey.raw();
    if (position < keyCount && is(raw, knownKeys[position])) return static_cast<uint8_t>(position);
    std::string_view key = plain(rawKey);
    for (size_t index = 0; index < keyCount; ++index) {
      if (knownKeys[index] == key) return static_cast<uint8_t>(index);
    }
    if (keyCount == 255) throw Refused{};
    knownKeys[keyCount] = key;
    out.keyOffsets.push_back(pooled(key));
    out.keyLengths.push_back(static_cast<uint32_t>(key.size()));
    return static_cast<uint8_t>(keyCount++);
  }
};


bool kernelRuns() {
  const std::string name = get_active_implementation()->name();
  return name == "haswell" || name == "icelake";
}

}  // namespace

extern "C" dj_bulk *dj_bulk_parse(const char *data, size_t length, size_t readable) {
#if DJ_BULK_HASWELL
  static const bool runs = kernelRuns();
  if (!runs || length > 0xFFFFFFF0u) return nullptr;
  bool padded = readable >= length && readable - length >= SIMDJSON_PADDING;
  dj_bulk *out = nullptr;
  try {
    out = new dj_bulk();
    out->blockStarts.push_back(0);
    out->skeleton.reserve(64 << 10);
    // Bounds from the input's size (a status entry takes at least 8 bytes, `"k":"red"`; a unit at
    // least 48), reserved but not touched: no buffer grows by copying, and the pages it does not
    // use cost no memory.
    out->statusKeys.reserve(length / 8 + 1);
    out->statusWords.reserve(length / 8 + 1);
    out->units.reserve(length / 48 + 1);
    out->pool.reserve(length + 1);
    {
      // Input without padding (text already in memory, e.g. the demo) is walked in a padded copy.
      // The parser (its structural index) and that copy are freed before the skeleton is parsed.
      padded_string copy;
      const char *input = data;
      if (!padded) {
        copy = padded_string(data, length);
        input = copy.data();
      }
      ondemand::parser parser;
      ondemand::document doc;
      check(parser.iterate(input, length, padded ? readable : length + SIMDJSON_PADDING).get(doc));
      Walker walker(input, *out, doc);
      walker.document();
      walker.finish(length);
    }
    out->skeleton.insert(out->skeleton.end(), SIMDJSON_PADDING, '\0');
    out->skeleton.shrink_to_fit();
    // Room for one item in every buffer, so that none of the view's pointers is NULL.
    out->units.reserve(1);
    out->statusKeys.reserve(1);
    out->statusWords.reserve(1);
    out->pool.reserve(1);
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
    view.pool = out->pool.data();
    view.key_offsets = out->keyOffsets.data();
    view.key_lengths = out->keyLengths.data();
    view.key_count = out->keyOffsets.size();
    return out;
  } catch (...) {
    // Refused, simdjson_error, bad_alloc: the precise path reads the file.
    delete out;
    return nullptr;
  }
#else
  (void)data;
  (void)length;
  (void)readable;
  return nullptr;
#endif
}

extern "C" const dj_bulk_view *dj_bulk_get(const dj_bulk *bulk) { return &bulk->view; }
extern "C" void dj_bulk_free(dj_bulk *bulk) { delete bulk; }

#if DJ_BULK_HASWELL
#pragma clang attribute pop
#pragma clang diagnostic pop
#endif
