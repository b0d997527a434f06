// Where the units arrays are, found without a structural index of the whole file (bulk_units.cpp).
//
// simdjson's On-Demand builds an index of every structural character of what it parses (about 4
// bytes per token, about one file's worth for DigiTrack data) before it walks. Parsing the whole
// file at once therefore holds the input and its index in memory together, and faults in the
// index's pages. Instead, these scans find each `"units": [...]` array, and bulk_units.cpp runs
// On-Demand on that span alone, with one parser whose index is reused from span to span: the index
// is never larger than the largest array, and stays in the cache.
//
// Included by bulk_units.cpp only, inside its haswell target region; everything here is in an
// anonymous namespace, so no weak symbol compiled for AVX2 can leak to other files.
#ifndef CSIMDJSON_BULK_SPANS_H
#define CSIMDJSON_BULK_SPANS_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <immintrin.h>

namespace {

// Thrown (and caught in dj_bulk_parse) when the walk meets anything it does not take.
struct Refused {};

constexpr size_t noSpan = static_cast<size_t>(-1);

inline bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

inline size_t skipSpaces(const char *input, size_t at, size_t length) {
  while (at < length && isSpace(input[at])) ++at;
  return at;
}

// What `nextUnits` found: the `[` of a units array, or noSpan and where to go on from once more
// of the text is there (the start of a string the text ends within, or its end).
struct Found {
  size_t open;
  size_t resume;
};

// From `at`, which is outside any string, the `[` of the next array whose key is the plain string
// `units`. Strings are skipped as JSON reads them (a backslash escapes the next byte), so a
// `"units"` inside a string is never taken. Byte by byte: what lies between the units arrays is a
// few kilobytes at any scale. `length` bytes are there; with `complete`, they are all there is,
// and a string they end within is refused.
inline Found nextUnits(const char *input, size_t at, size_t length, bool complete) {
  while (at < length) {
    if (input[at] != '"') {
      ++at;
      continue;
    }
    size_t quote = at;
    size_t start = at + 1;
    size_t end = start;
    while (end < length && input[end] != '"') end += input[end] == '\\' ? 2 : 1;
    if (end >= length) {
      if (complete) throw Refused{};
      return {noSpan, quote};
    }
    at = end + 1;
    if (end - start != 5 || std::memcmp(input + start, "units", 5) != 0) continue;
    size_t colon = skipSpaces(input, at, length);
    size_t open = colon < length && input[colon] == ':' ? skipSpaces(input, colon + 1, length) : colon;
    if (open >= length && !complete) return {noSpan, quote};
    if (open < length && input[colon] == ':' && input[open] == '[') return {open, open};
  }
  return {noSpan, length};
}

// Each bit i set where the bits 0...i of `bits` hold an odd number of ones: with quotes as
// bits, the bytes from an opening quote up to (not including) its closing one.
inline uint64_t prefixXor(uint64_t bits) {
  bits ^= bits << 1;
  bits ^= bits << 2;
  bits ^= bits << 4;
  bits ^= bits << 8;
  bits ^= bits << 16;
  bits ^= bits << 32;
  return bits;
}

// Bits of the 64 bytes at `bytes` equal to `c`, or (with `fold`) equal to it once 0x20 is set:
// '[' and '{' (0x5B, 0x7B) fold to '{', ']' and '}' to '}', and no other byte does.
inline uint64_t matches(__m256i low, __m256i high, char c) {
  __m256i wanted = _mm256_set1_epi8(c);
  uint64_t lowBits = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, wanted)));
  uint64_t highBits = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, wanted)));
  return lowBits | (highBits << 32);
}

// The index just past the `]` that closes the array opening at `open`, 64 bytes at a time (AVX2),
// or noSpan when it does not close within the `length` bytes there are. Units arrays hold no
// escapes (the walk refuses them anyway), so a backslash before the end is refused, and quotes
// alone tell strings apart.
inline size_t spanEnd(const char *input, size_t open, size_t length) {
  const __m256i fold = _mm256_set1_epi8(0x20);
  size_t depth = 0;
  uint64_t inString = 0;  // all ones when the previous block ended inside a string
  for (size_t block = open; block < length; block += 64) {
    const char *bytes = input + block;
    alignas(32) char tail[64];
    if (length - block < 64) {
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, bytes, length - block);
      bytes = tail;
    }
    __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(bytes));
    __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(bytes + 32));
    uint64_t strings = prefixXor(matches(low, high, '"')) ^ inString;
    inString = static_cast<uint64_t>(static_cast<int64_t>(strings) >> 63);
    uint64_t backslashes = matches(low, high, '\\');
    __m256i lowFolded = _mm256_or_si256(low, fold);
    __m256i highFolded = _mm256_or_si256(high, fold);
    uint64_t opens = matches(lowFolded, highFolded, '{') & ~strings;
    uint64_t closes = matches(lowFolded, highFolded, '}') & ~strings;
    size_t closing = static_cast<size_t>(__builtin_popcountll(closes));
    if (depth > closing) {
      // The array cannot close in this block.
      if (backslashes != 0) throw Refused{};
      depth = depth + static_cast<size_t>(__builtin_popcountll(opens)) - closing;
      continue;
    }
    for (uint64_t marks = opens | closes; marks != 0; marks &= marks - 1) {
      unsigned bit = static_cast<unsigned>(__builtin_ctzll(marks));
      if ((opens >> bit) & 1) {
        ++depth;
        continue;
      }
      --depth;
      if (depth == 0) {
        uint64_t upToEnd = bit == 63 ? ~uint64_t(0) : (uint64_t(1) << (bit + 1)) - 1;
        if (backslashes & upToEnd) throw Refused{};
        return block + bit + 1;
      }
    }
    if (backslashes != 0) throw Refused{};
  }
  return noSpan;
}

// MARK: strings compared in place. Every string the walk reads lies in a span with simdjson's
// padding (64 readable bytes) after it, so reading a word or 32 bytes past a short string is safe.

// A string's text and its closing quote, when they fit in a word: its bytes and the mask of
// them, compared with one load (little-endian, as x86-64 is).
struct Word {
  uint64_t bits = 0;
  uint64_t mask = 0;
  bool fits = false;
};

// The word of `text` and its closing quote (or, without `quoted`, of its text alone).
constexpr Word wordOf(std::string_view text, bool quoted = true) {
  Word word;
  size_t size = text.size() + (quoted ? 1 : 0);
  if (size > 8) return word;
  for (size_t index = 0; index < size; ++index) {
    uint64_t byte = index < text.size() ? static_cast<unsigned char>(text[index]) : '"';
    word.bits |= byte << (8 * index);
    word.mask |= uint64_t(0xFF) << (8 * index);
  }
  word.fits = true;
  return word;
}

inline uint64_t load8(const char *raw) {
  uint64_t bits;
  std::memcpy(&bits, raw, sizeof bits);
  return bits;
}

// Whether the string at `raw` (just past its opening quote) is the word's text.
inline bool matchesWord(const char *raw, const Word &word) { return (load8(raw) & word.mask) == word.bits; }

// The length of the string at `raw` (just past its opening quote), 32 bytes at a time; a
// backslash in it is refused (the walk reads strings without escapes only).
inline size_t plainLength(const char *raw) {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i backslash = _mm256_set1_epi8('\\');
  for (size_t at = 0;; at += 32) {
    __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(raw + at));
    uint32_t quotes = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, quote)));
    uint32_t slashes = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(bytes, backslash)));
    if ((quotes | slashes) == 0) continue;
    unsigned end = quotes != 0 ? static_cast<unsigned>(__builtin_ctz(quotes)) : 32;
    if (slashes != 0 && static_cast<unsigned>(__builtin_ctz(slashes)) < end) throw Refused{};
    if (quotes != 0) return at + end;
  }
}

}  // namespace

#endif
