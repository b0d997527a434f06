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

// The records of the rows for a sink that takes them in bulk (dt_xml_parser_read_records), sent a
// batch at a time: a cell is one record instead of five events.
#define DT_ROWS_BATCH 256

typedef struct {
  dt_sheet_record records[DT_ROWS_BATCH];
  int count;
} dt_rows_batch;

static dt_sheet_record *next_record(dt_rows_batch *batch, const dt_rows_sink *sink) {
  if (batch->count == DT_ROWS_BATCH) {
    sink->records(sink->user, batch->records, batch->count);
    batch->count = 0;
  }
  dt_sheet_record *record = &batch->records[batch->count++];
  memset(record, 0, sizeof *record);
  return record;
}

// Excel's limits, SheetHandler's: a reference past them names no place.
#define DT_ROWS_MAX_ROW 1048576
#define DT_ROWS_MAX_COLUMN 16384

// The place a cell's or a row's reference names, as SheetHandler.parse and .decimal read it.
static void place(dt_sheet_record *record) {
  record->row = record->column = -1;
  const unsigned char *p = record->reference, *end = record->reference_end;
  if (p == NULL) return;
  if (record->kind == DT_ROW_START) {
    // At most 9 decimal digits, at least 1.
    if (p == end || end - p > 9) return;
    int number = 0;
    for (; p < end; p++) {
      if (*p < '0' || *p > '9') return;
      number = number * 10 + (*p - '0');
    }
    if (number >= 1) record->row = number - 1;
    return;
  }
  int column = 0, row = 0;
  for (; p < end && *p >= 'A' && *p <= 'Z'; p++) {
    column = column * 26 + (*p - 'A' + 1);
    if (column > DT_ROWS_MAX_COLUMN) return;
  }
  for (; p < end && *p >= '0' && *p <= '9'; p++) {
    row = row * 10 + (*p - '0');
    if (row > DT_ROWS_MAX_ROW) return;
  }
  if (p != end || column == 0 || row == 0) return;
  record->row = row - 1;
  record->column = column - 1;
}

// The value of the known attribute `index` ("r" or "t") among those `attributes` found, if any.
static void known_value(const dt_rows_attributes *found, int index, const unsigned char **begin,
                        const unsigned char **end) {
  for (int at = 0; at < found->count; at++) {
    if (found->fields[at * 5] == (const unsigned char *)known_names[index]) {
      *begin = found->fields[at * 5 + 3];
      *end = found->fields[at * 5 + 4];
      return;
    }
  }
}

// A cell's attributes as the writers write them: only r, s and t, each at most once, each after a
// single space. What `attributes` accepts of such a tag, without storing what a SAX2 event needs;
// NULL for any other tag, which `attributes` then reads (and accepts or refuses) as always.
static const unsigned char *cell_attributes(const unsigned char *p, const unsigned char *end, dt_sheet_record *record,
                                            int *empty) {
  unsigned seen = 0;
  for (;;) {
    if (*p == '>') {
      *empty = 0;
      return p + 1;
    }
    if (*p == '/') {
      if (end - p < 2 || p[1] != '>') return NULL;
      *empty = 1;
      return p + 2;
    }
    // The region ends at a '<', so each byte read here is at most that one.
    if (*p != ' ') return NULL;
    unsigned bit = p[1] == 'r' ? 1 : p[1] == 's' ? 2 : p[1] == 't' ? 4 : 0;
    if (bit == 0 || (seen & bit) || p[2] != '=' || p[3] != '"') return NULL;
    seen |= bit;
    const unsigned char *value = p + 4;
    p = value;
    while (kinds[*p] & DT_VALUE) p++;
    if (*p != '"') return NULL;
    if (bit == 1) {
      record->reference = value;
      record->reference_end = p;
    } else if (bit == 4) {
      record->type = value;
      record->type_end = p;
    }
    p++;
  }
}

// One <c> from after "<c"; NULL outside the grammar. Into `batch` when the sink takes records.
static const unsigned char *cell(const unsigned char *p, const unsigned char *end, dt_rows_attributes *found,
                                 const dt_rows_sink *sink, dt_rows_batch *batch) {
  int empty = 0;
  dt_sheet_record *record = NULL;
  if (batch != NULL) {
    record = next_record(batch, sink);
    record->kind = DT_CELL;
    const unsigned char *after = cell_attributes(p, end, record, &empty);
    if (after == NULL) {
      after = attributes(p, end, found, &empty);
      if (after == NULL) return NULL;
      known_value(found, 0, &record->reference, &record->reference_end);
      known_value(found, 2, &record->type, &record->type_end);
    }
    place(record);
    p = after;
  } else {
    p = attributes(p, end, found, &empty);
    if (p == NULL) return NULL;
  }
  const dt_rows_sink *events = batch == NULL ? sink : NULL;
  if (events != NULL) events->start(events->user, (const unsigned char *)"c", found->fields, found->count);
  if (!empty) {
    p = spaces(p, end, events);
    if (starts(p, end, "<v>", 3)) {
      if (events != NULL) events->start(events->user, (const unsigned char *)"v", NULL, 0);
      const unsigned char *text = p + 3;
      p = value(text, end, events);
      if (p == NULL) return NULL;
      if (record != NULL) {
        record->value = text;
        record->value_end = p - 4;
      }
      p = spaces(p, end, events);
    }
    if (!starts(p, end, "</c>", 4)) return NULL;
    p += 4;
  }
  if (events != NULL) events->end(events->user, (const unsigned char *)"c");
  return p;
}

int dt_sheet_rows(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, fill_kinds);
  if (*end != '<') return 0;  // the scans stop there
  dt_rows_attributes found;
  // In bulk, white space between tags is not sent: a handler collects text only inside <v>.
  dt_rows_batch *batch = NULL;
  dt_rows_batch records;
  if (sink != NULL && sink->records != NULL) {
    records.count = 0;
    batch = &records;
  }
  const dt_rows_sink *events = batch == NULL ? sink : NULL;
  while (p < end) {
    p = spaces(p, end, events);
    if (p == end) break;
    if (!starts(p, end, "<row", 4)) return 0;
    int empty = 0;
    p = attributes(p + 4, end, &found, &empty);
    if (p == NULL) return 0;
    if (batch != NULL) {
      dt_sheet_record *record = next_record(batch, sink);
      record->kind = DT_ROW_START;
      known_value(&found, 0, &record->reference, &record->reference_end);
      place(record);
    } else if (sink != NULL) {
      sink->start(sink->user, (const unsigned char *)"row", found.fields, found.count);
    }
    if (!empty) {
      for (;;) {
        p = spaces(p, end, events);
        if (starts(p, end, "</row>", 6)) {
          p += 6;
          break;
        }
        if (!starts(p, end, "<c", 2)) return 0;
        p = cell(p + 2, end, &found, sink, batch);
        if (p == NULL) return 0;
      }
    }
    if (batch != NULL) {
      next_record(batch, sink)->kind = DT_ROW_END;
    } else if (sink != NULL) {
      sink->end(sink->user, (const unsigned char *)"row");
    }
  }
  if (batch != NULL && batch->count > 0) sink->records(sink->user, batch->records, batch->count);
  return 1;
}
