// The rows of a worksheet, as the spreadsheet writers write them, read without libxml2: most of a
// form's bytes are `<row r=".."><c r=".." s=".." t=".."><v>..</v></c>...</row>`, and libxml2 spent
// about half of an import's instructions on them.
//
// This is a recogniser of a narrow subset of XML, not an XML parser: anything outside the grammar
// below makes it answer 0, and sax.c then gives the whole part to libxml2 as before. What it
// accepts is always well-formed XML whose SAX2 events it sends exactly as libxml2 would:
//
//   rows    := (ws | row)*
//   row     := "<row" attrs ("/>" | ">" (ws | cell)* "</row>")
//   cell    := "<c" attrs ("/>" | ">" ws* ["<v>" text "</v>"] ws* "</c>")
//   attrs   := (ws+ name "=\"" value "\"")* ws*      every attribute after white space
//   name    := 1 to 31 ASCII letters, not starting with "xml", none twice in a tag
//   value   := ASCII bytes 0x20-0x7F but < & "       (nothing to normalise, no reference)
//   text    := ASCII bytes 0x20-0x7F but < & >, tab, line feed
//   ws      := space, tab, line feed                 (a carriage return goes to libxml2)
//
// So no entity or character reference, no markup declaration, comment, CDATA or processing
// instruction, no namespace prefix or declaration, no non-ASCII byte (nothing to check as UTF-8),
// and a fixed depth of three levels under <sheetData>.
#include "sheet_rows.h"

#include <string.h>

#define DT_ROWS_MAX_ATTRIBUTES 16
#define DT_ROWS_MAX_NAME 31

// One tag's attributes as libxml2's SAX2 gives them: five pointers each (local name, prefix,
// namespace, start and end of the value), the names NUL-terminated copies.
typedef struct {
  const unsigned char *fields[DT_ROWS_MAX_ATTRIBUTES * 5];
  unsigned char names[DT_ROWS_MAX_ATTRIBUTES][DT_ROWS_MAX_NAME + 1];
  unsigned char lengths[DT_ROWS_MAX_ATTRIBUTES];
  int count;
} dt_rows_attributes;

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

static int is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int starts(const unsigned char *p, const unsigned char *end, const char *literal, size_t length) {
  return (size_t)(end - p) >= length && memcmp(p, literal, length) == 0;
}

// The attributes after an element's name, through its '>' or "/>"; NULL outside the grammar.
static const unsigned char *attributes(const unsigned char *p, const unsigned char *end, dt_rows_attributes *found,
                                       int *empty) {
  found->count = 0;
  for (;;) {
    if (p >= end) return NULL;
    if (*p == '>') {
      *empty = 0;
      return p + 1;
    }
    if (*p == '/') {
      if (end - p < 2 || p[1] != '>') return NULL;
      *empty = 1;
      return p + 2;
    }
    if (!is_space(*p)) return NULL;  // a name right after a value, or a byte of the element's name
    while (p < end && is_space(*p)) p++;
    if (p < end && (*p == '>' || *p == '/')) continue;
    const unsigned char *name = p;
    while (p < end && is_letter(*p)) p++;
    size_t length = (size_t)(p - name);
    if (length == 0 || length > DT_ROWS_MAX_NAME || end - p < 2 || p[0] != '=' || p[1] != '"') return NULL;
    if (length >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l') return NULL;
    if (found->count == DT_ROWS_MAX_ATTRIBUTES) return NULL;
    // An attribute twice is a fatal error for libxml2: let it say so.
    for (int index = 0; index < found->count; index++) {
      if (found->lengths[index] == length && memcmp(found->names[index], name, length) == 0) return NULL;
    }
    p += 2;
    const unsigned char *value = p;
    while (p < end && *p != '"') {
      unsigned char c = *p;
      if (c < 0x20 || c >= 0x80 || c == '<' || c == '&') return NULL;
      p++;
    }
    if (p >= end) return NULL;
    int index = found->count++;
    memcpy(found->names[index], name, length);
    found->names[index][length] = 0;
    found->lengths[index] = (unsigned char)length;
    found->fields[index * 5] = found->names[index];
    found->fields[index * 5 + 1] = NULL;
    found->fields[index * 5 + 2] = NULL;
    found->fields[index * 5 + 3] = value;
    found->fields[index * 5 + 4] = p;
    p++;  // the closing quote
  }
}

// White space between tags, sent as text as libxml2 sends it.
static const unsigned char *spaces(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  const unsigned char *start = p;
  while (p < end && is_space(*p)) p++;
  if (sink != NULL && p > start) sink->text(sink->user, start, (int)(p - start));
  return p;
}

// A cell's <v>…</v>, from after "<v>"; NULL outside the grammar.
static const unsigned char *value(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  const unsigned char *start = p;
  while (p < end && *p != '<') {
    unsigned char c = *p;
    if (c >= 0x80 || c == '&' || c == '>' || (c < 0x20 && c != '\t' && c != '\n')) return NULL;
    p++;
  }
  if (!starts(p, end, "</v>", 4)) return NULL;
  if (sink != NULL) {
    if (p > start) sink->text(sink->user, start, (int)(p - start));
    sink->end(sink->user, (const unsigned char *)"v");
  }
  return p + 4;
}

// One <c> from after "<c"; NULL outside the grammar.
static const unsigned char *cell(const unsigned char *p, const unsigned char *end, dt_rows_attributes *found,
                                 const dt_rows_sink *sink) {
  int empty = 0;
  p = attributes(p, end, found, &empty);
  if (p == NULL) return NULL;
  if (sink != NULL) sink->start(sink->user, (const unsigned char *)"c", found->fields, found->count);
  if (!empty) {
    p = spaces(p, end, sink);
    if (starts(p, end, "<v>", 3)) {
      if (sink != NULL) sink->start(sink->user, (const unsigned char *)"v", NULL, 0);
      p = value(p + 3, end, sink);
      if (p == NULL) return NULL;
      p = spaces(p, end, sink);
    }
    if (!starts(p, end, "</c>", 4)) return NULL;
    p += 4;
  }
  if (sink != NULL) sink->end(sink->user, (const unsigned char *)"c");
  return p;
}

int dt_sheet_rows(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  dt_rows_attributes found;
  while (p < end) {
    p = spaces(p, end, sink);
    if (p == end) break;
    if (!starts(p, end, "<row", 4)) return 0;
    int empty = 0;
    p = attributes(p + 4, end, &found, &empty);
    if (p == NULL) return 0;
    if (sink != NULL) sink->start(sink->user, (const unsigned char *)"row", found.fields, found.count);
    if (!empty) {
      for (;;) {
        p = spaces(p, end, sink);
        if (starts(p, end, "</row>", 6)) {
          p += 6;
          break;
        }
        if (!starts(p, end, "<c", 2)) return 0;
        p = cell(p + 2, end, &found, sink);
        if (p == NULL) return 0;
      }
    }
    if (sink != NULL) sink->end(sink->user, (const unsigned char *)"row");
  }
  return 1;
}
