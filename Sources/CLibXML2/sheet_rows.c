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
#include "direct_readers.h"

#include <pthread.h>
#include <string.h>

#define DT_ROWS_MAX_ATTRIBUTES 16
#define DT_ROWS_MAX_NAME 31

// What each byte may be, one table lookup per byte: the scans below stop at the first byte not of
// their kind, and the region always ends at the '<' of "</sheetData>", which is of none.
enum { DT_SPACE = 1, DT_LETTER = 2, DT_VALUE = 4, DT_TEXT = 8 };
static unsigned char kinds[256];

static void fill_kinds(void) {
  for (int c = 0x20; c < 0x80; c++) kinds[c] = DT_VALUE | DT_TEXT;
  kinds['<'] = kinds['&'] = 0;
  kinds['"'] &= ~DT_VALUE;
  kinds['>'] &= ~DT_TEXT;
  kinds[' '] |= DT_SPACE;
  kinds['\t'] = DT_SPACE | DT_TEXT;
  kinds['\n'] = DT_SPACE | DT_TEXT;
  for (int c = 'a'; c <= 'z'; c++) kinds[c] |= DT_LETTER;
  for (int c = 'A'; c <= 'Z'; c++) kinds[c] |= DT_LETTER;
}

// The attribute names the writers put on rows and cells, passed on as these NUL-terminated names
// and told apart by a bit each; any other name is copied.
static const char *const known_names[] = {"r",      "s",       "t",        "spans",    "ht",
                                          "customHeight", "customFormat", "hidden", "outlineLevel", "collapsed",
                                          "thickTop",     "thickBot",     "ph",     "cm",           "vm"};
enum { DT_KNOWN_NAMES = sizeof known_names / sizeof known_names[0] };

static int known(const unsigned char *name, size_t length) {
  if (length == 1) return name[0] == 'r' ? 0 : name[0] == 's' ? 1 : name[0] == 't' ? 2 : -1;
  for (int index = 3; index < DT_KNOWN_NAMES; index++) {
    if (strlen(known_names[index]) == length && memcmp(known_names[index], name, length) == 0) return index;
  }
  return -1;
}

// One tag's attributes as libxml2's SAX2 gives them: five pointers each (local name, prefix,
// namespace, start and end of the value), the names NUL-terminated.
typedef struct {
  const unsigned char *fields[DT_ROWS_MAX_ATTRIBUTES * 5];
  unsigned char names[DT_ROWS_MAX_ATTRIBUTES][DT_ROWS_MAX_NAME + 1];
  unsigned char lengths[DT_ROWS_MAX_ATTRIBUTES];
  int count;
} dt_rows_attributes;

static int starts(const unsigned char *p, const unsigned char *end, const char *literal, size_t length) {
  return (size_t)(end - p) >= length && memcmp(p, literal, length) == 0;
}

// The attributes after an element's name, through its '>' or "/>"; NULL outside the grammar.
static const unsigned char *attributes(const unsigned char *p, const unsigned char *end, dt_rows_attributes *found,
                                       int *empty) {
  int count = 0;
  unsigned seen = 0;  // the known names met, a bit each: an attribute twice is libxml2's to refuse
  for (;;) {
    if (*p == '>') {
      *empty = 0;
      found->count = count;
      return p + 1;
    }
    if (*p == '/') {
      if (end - p < 2 || p[1] != '>') return NULL;
      *empty = 1;
      found->count = count;
      return p + 2;
    }
    if (!(kinds[*p] & DT_SPACE)) return NULL;  // a name right after a value, or more of the tag's name
    while (kinds[*p] & DT_SPACE) p++;
    if (*p == '>' || *p == '/') continue;
    const unsigned char *name = p;
    while (kinds[*p] & DT_LETTER) p++;
    size_t length = (size_t)(p - name);
    if (length == 0 || length > DT_ROWS_MAX_NAME || end - p < 2 || p[0] != '=' || p[1] != '"') return NULL;
    if (count == DT_ROWS_MAX_ATTRIBUTES) return NULL;
    int index = known(name, length);
    const unsigned char *stored;
    if (index >= 0) {
      if (seen & (1u << index)) return NULL;
      seen |= 1u << index;
      stored = (const unsigned char *)known_names[index];
    } else {
      // Namespace declarations (xmlns) and the names reserved with them are libxml2's.
      if (length >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l') return NULL;
      for (int other = 0; other < count; other++) {
        if (found->lengths[other] == length && memcmp(found->names[other], name, length) == 0) return NULL;
      }
      memcpy(found->names[count], name, length);
      found->names[count][length] = 0;
      stored = found->names[count];
    }
    found->lengths[count] = index >= 0 ? 0 : (unsigned char)length;
    p += 2;
    const unsigned char *value = p;
    while (kinds[*p] & DT_VALUE) p++;
    if (*p != '"') return NULL;  // a byte to normalise, a reference, a '<', or not ASCII
    const unsigned char **fields = found->fields + count * 5;
    fields[0] = stored;
    fields[1] = NULL;
    fields[2] = NULL;
    fields[3] = value;
    fields[4] = p;
    count++;
    p++;  // the closing quote
  }
}

// White space between tags, sent as text as libxml2 sends it.
static const unsigned char *spaces(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  (void)end;
  const unsigned char *start = p;
  while (kinds[*p] & DT_SPACE) p++;
  if (sink != NULL && p > start) sink->text(sink->user, start, (int)(p - start));
  return p;
}

// A cell's <v>…</v>, from after "<v>"; NULL outside the grammar.
static const unsigned char *value(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  const unsigned char *start = p;
  while (kinds[*p] & DT_TEXT) p++;
  if (!starts(p, end, "</v>", 4)) return NULL;  // a reference, a '>', a control byte, or not ASCII
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
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, fill_kinds);
  if (*end != '<') return 0;  // the scans stop there
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
