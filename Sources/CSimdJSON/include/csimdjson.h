// A small C API over simdjson (Debian's libsimdjson-dev) for DigiTrackModel.
//
// simdjson is C++; Swift reads it through this header. `dj_parse` parses a whole document with
// simdjson's DOM parser and keeps only the result: simdjson's own tape and string buffer. Swift
// walks that memory directly, with no call into C++ per value and no copy of the values.
//
// The tape (simdjson's documented format, doc/tape.md) is an array of 64-bit words. The top byte
// of a word is its type, the low 56 bits its payload:
//   '{' '['  low 32 bits: index just past the matching '}' or ']'; bits 32-55: element count
//            (members for an object), saturated at 0xFFFFFF
//   '}' ']'  index of the matching '{' or '['
//   '"'      offset in the string buffer, where a 32-bit little-endian length, the UTF-8 bytes
//            and a NUL follow
//   'l' 'u' 'd'  int64, uint64, double: the value is the next word
//   't' 'f' 'n'  true, false, null
//   'r'      the root, at index 0; the document's value starts at index 1
// An object's members follow its '{' as key, value, key, value... (keys are '"' words).
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dj_document dj_document;

typedef struct {
  int code;            // simdjson's error code, 0 when there is none
  int64_t offset;      // byte offset of the error in the input, or -1 when unknown
  char message[192];   // simdjson's description of the error
} dj_error;

/// Bytes that must be readable (any value) after the input to parse it in place.
size_t dj_padding(void);

/// Parses `length` bytes. `readable` is how many bytes may be read at `data` (at least `length`):
/// with `dj_padding()` bytes to spare the input is parsed where it is; otherwise simdjson copies it
/// into a padded buffer first. Returns NULL and fills `error` when the input is not valid JSON or
/// nests deeper than `max_depth`. The document does not refer to `data` once this returns.
dj_document *dj_parse(const char *data, size_t length, size_t readable, size_t max_depth, dj_error *error);

/// simdjson's tape (see above). Valid until `dj_free`.
const uint64_t *dj_tape(const dj_document *document);
/// simdjson's string buffer, which string words point into. Valid until `dj_free`.
const uint8_t *dj_string_buffer(const dj_document *document);
void dj_free(dj_document *document);

/// The kernel simdjson chose for this CPU at run time ("icelake", "haswell", "westmere",
/// "fallback"...), for `bench` to report. A static string.
const char *dj_implementation_name(void);

// MARK: the bulk of a file (bulk_units.cpp): every report's communes.units array, On-Demand

/// One unit of a units array. Code and name are bytes of `pool` (the input's, unescaped: a unit
/// with an escape is refused). `kind`: 0 ward, 1 commune, 2 special_zone. Its status map is
/// entries `status_first ..< status_first + status_count` of `status_keys` / `status_words`.
typedef struct {
  uint32_t code_offset, code_length;
  uint32_t name_offset, name_length;
  uint32_t status_first, status_count;
  uint8_t kind;
} dj_bulk_unit;

/// What the walk found. `skeleton` is the input with each units array replaced by `[k]` (k its
/// block), followed by `dj_padding()` zero bytes; block k is units `block_starts[k] ..<
/// block_starts[k + 1]`. A status entry is a key (an index into the key table: key i is
/// `key_lengths[i]` bytes of `pool` at `key_offsets[i]`) and a word: 0 green, 1 yellow, 2 red,
/// 3 not_reported.
typedef struct {
  const char *skeleton;
  size_t skeleton_length;
  const uint32_t *block_starts;
  size_t block_count;
  const dj_bulk_unit *units;
  size_t unit_count;
  const uint8_t *status_keys;
  const uint8_t *status_words;
  const uint8_t *pool;
  const uint32_t *key_offsets;
  const uint32_t *key_lengths;
  size_t key_count;
  /// The longest units array in bytes: the most text On-Demand indexed at once (see bulk_spans.h).
  size_t largest_span;
} dj_bulk_view;

typedef struct dj_bulk dj_bulk;

/// Walks `length` bytes (in place; a units array without `dj_padding()` readable bytes after it
/// in a copy) and returns the units and the skeleton; the result does not refer to `data`. Returns NULL
/// whenever it meets anything it does not take (see bulk_units.cpp), or on a CPU without AVX2:
/// the caller then reads the file the precise way. `threads`: the units arrays are parsed on 1 or
/// 2 threads, or with 0 on two for a text of 1 MiB or more when a second core is likely free (two
/// cores or more, 1-minute load average below the cores less one half); the result is the same
/// whatever the number.
dj_bulk *dj_bulk_parse(const char *data, size_t length, size_t readable, int threads);

/// Whether a second core is likely free: two cores or more, and a 1-minute load average below the
/// cores less one half. The rule for `threads` 0, in the walk and in the Swift decoder alike.
int dj_core_is_free(void);
/// The same for an open file, read from where it stands with read(2) a window at a time (a
/// UTF-8 byte-order mark skipped): only the part being walked is in memory, never the whole
/// file. `size` (from fstat) sizes the buffers; a file longer than `limit` bytes is refused, as is
/// an empty one. The descriptor is left open. `threads` as for `dj_bulk_parse`.
dj_bulk *dj_bulk_read(int descriptor, size_t size, size_t limit, int threads);
const dj_bulk_view *dj_bulk_get(const dj_bulk *bulk);
void dj_bulk_free(dj_bulk *bulk);

#ifdef __cplusplus
}
#endif

#endif
