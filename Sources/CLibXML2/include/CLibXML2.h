// Debian's libxml2 (libxml2-dev), seen from Swift through this small API of our own: its headers
// include ICU's, which clash with the copy of ICU that Foundation carries, so Swift never sees
// them. sax.c runs libxml2's SAX2 parser, building no tree, and hands the events on.
#ifndef CLIBXML2_H
#define CLIBXML2_H

typedef struct dt_xml_parser dt_xml_parser;

/// A start tag: its local name (NUL-terminated) and `count` attributes, five pointers each, as
/// libxml2 gives them: local name, prefix, namespace, start and end of the value (which is not
/// NUL-terminated). Everything is valid only during the call.
typedef void (*dt_xml_start)(void *user, const unsigned char *name, const unsigned char **attributes, int count);
typedef void (*dt_xml_end)(void *user, const unsigned char *name);
typedef void (*dt_xml_text)(void *user, const unsigned char *bytes, int length);

enum { DT_XML_OK = 0, DT_XML_DOCTYPE = 1, DT_XML_BROKEN = 2 };

/// Loads libxml2 (on first use, see sax.c) and says why it could not, or NULL when it is there.
const char *dt_xml_load_error(void);

/// A parser whose events go to the callbacks with `user`; NULL when libxml2 could not be loaded
/// (dt_xml_load_error says why) or when out of memory. A part of at
/// most 1 MiB is collected and parsed whole at the final chunk, a larger one as its chunks come.
dt_xml_parser *dt_xml_parser_new(void *user, dt_xml_start start, dt_xml_end end, dt_xml_text text);

/// Parses the next chunk (`final` for the last, which may be empty): DT_XML_OK, DT_XML_DOCTYPE
/// when the part has a document type declaration (refused, the parser stops), or DT_XML_BROKEN.
int dt_xml_parser_feed(dt_xml_parser *parser, const char *bytes, int length, int final);

/// After DT_XML_BROKEN: libxml2's message for the first fatal error, and where it was.
const char *dt_xml_parser_error(const dt_xml_parser *parser, int *line, int *column);

void dt_xml_parser_free(dt_xml_parser *parser);

// Has the handler forget every event it was sent, as if new.
typedef void (*dt_xml_reset)(void *user);

// A worksheet or shared-strings part: the rows of its <sheetData>, or the strings of its <sst>,
// when they are as regular as the writers write them, are read by a narrow recogniser instead of
// libxml2 (sheet_rows.c and shared_strings.c say what they accept), with the same events; the
// rest of the part goes to libxml2. Anything else in them is found out as they are read: `reset`
// is called and the part is parsed again by libxml2 alone. Only for a part parsed whole (up to
// 1 MiB).
void dt_xml_parser_read_directly(dt_xml_parser *parser, dt_xml_reset reset);

// What a worksheet's rows read directly come as when the handler takes them in bulk
// (dt_xml_parser_read_records): its row starts, cells and row ends, in document order, a batch at a
// time instead of an event per tag. Each pointer pair is an attribute's value or a <v>'s text, in
// the part, valid only during the call; NULL when the attribute, or the <v>, is absent.
enum { DT_ROW_START = 0, DT_CELL = 1, DT_ROW_END = 2 };

typedef struct {
  const unsigned char *reference;  // r, of the row or the cell
  const unsigned char *reference_end;
  const unsigned char *type;  // t, of a cell
  const unsigned char *type_end;
  const unsigned char *value;  // the text of a cell's <v>, which is there (maybe empty) when not NULL
  const unsigned char *value_end;
  int kind;
  // What `reference` names, zero-based, as SheetHandler reads a reference ("C5" is row 4,
  // column 2 of a cell; "5" is row 4 of a row); -1 when there is none or it names no place
  // within Excel's limits.
  int row;
  int column;
} dt_sheet_record;

typedef void (*dt_xml_records)(void *user, const dt_sheet_record *records, int count);

// With dt_xml_parser_read_directly: the regular rows of a worksheet go to `records`, not to the
// start, end and text callbacks (which still get the rest of the part, and a part libxml2 reads).
// What the records say is what those events would say: the same tags and values, nothing else in
// the rows but white space between tags.
void dt_xml_parser_read_records(dt_xml_parser *parser, dt_xml_records records);

// 1 when the rows or strings were read so (for tests).
int dt_xml_parser_rows_read(const dt_xml_parser *parser);

#endif
