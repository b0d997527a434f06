// A small C API over simdjson (Debian's libsimdjson-dev) for DigiTrackModel.
//
// simdjson is C++; Swift reads it through this header. `dj_parse` parses a whole document and
// flattens it into an array of nodes in document order, so Swift walks plain memory with indices
// instead of calling into C++ per value.
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  DJ_NULL = 0,
  DJ_FALSE = 1,
  DJ_TRUE = 2,
  DJ_INT = 3,     // fits in int64
  DJ_UINT = 4,    // above INT64_MAX, fits in uint64
  DJ_DOUBLE = 5,
  DJ_STRING = 6,
  DJ_ARRAY = 7,
  DJ_OBJECT = 8,
} dj_kind;

/// One value. An array's elements follow it; an object's members follow it as key, value, key,
/// value... (keys are DJ_STRING nodes). `next` is the index just past this node's subtree.
typedef struct {
  uint8_t kind;
  uint32_t count;  // elements (array), members (object), bytes (string)
  uint32_t next;
  union {
    int64_t i;
    uint64_t u;
    double d;
    uint64_t offset;  // string: start in the string buffer
  } value;
} dj_node;

typedef struct dj_document dj_document;

typedef struct {
  int code;            // simdjson's error code, 0 when there is none
  int64_t offset;      // byte offset of the error in the input, or -1 when unknown
  char message[192];   // simdjson's description of the error
} dj_error;

/// Parses `length` bytes. Returns NULL and fills `error` when the input is not valid JSON or nests
/// deeper than `max_depth`. The input needs no padding: the shim copies it into a padded buffer.
dj_document *dj_parse(const char *data, size_t length, size_t max_depth, dj_error *error);

const dj_node *dj_nodes(const dj_document *document);
size_t dj_node_count(const dj_document *document);
/// UTF-8 bytes of every string and key, back to back (not NUL-terminated).
const char *dj_strings(const dj_document *document);
void dj_free(dj_document *document);

#ifdef __cplusplus
}
#endif

#endif
