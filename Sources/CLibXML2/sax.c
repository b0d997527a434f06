// libxml2's SAX2 parser, building no tree (see include/CLibXML2.h): a part up to
// DT_XML_WHOLE_LIMIT is parsed whole by the memory parser, a larger one pushed chunk by chunk.
// What keeps a hostile part out:
// - a document type declaration is refused outright: no part of a workbook has one, and it is
//   where entity expansion and external entities live, so no entity is ever declared; an
//   undeclared entity is a fatal error, and only the five predefined ones and character
//   references are read;
// - no entity substitution, no DTD loading, no network (XML_PARSE_NONET), and libxml2's own limits
//   stay on (no XML_PARSE_HUGE): 10 MB in one text node or name, 10 MB of lookahead;
// - at most DT_XML_MAX_DEPTH levels of nesting, counted here: libxml2 2.9's push parser does not
//   apply its own depth limit (256, in the memory parser), and each level costs memory.
// The part reader bounds the inflated size before any byte gets here.
#define _GNU_SOURCE  // memmem
#include "CLibXML2.h"
#include "direct_readers.h"

#include <dlfcn.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// libxml2 is loaded on first use, as libxlsxwriter is (CXLSXWriter/lazy.c): linked, it brought
// libicuuc, libicudata and liblzma into the start of every command (0.6 M instructions and 1.4 MB
// resident for `--version`), though only `import` and `--data DIR` read workbooks. The SONAME is
// Debian's libxml2 package's (release.sh names it in the .deb's Depends).
#define DT_LIBXML2_SONAME "libxml2.so.2"

// The functions used, each resolved by name into a pointer of its own declared type. With threads
// (Debian's build) xmlDefaultSAXHandler is a per-thread global behind its accessor; xmlFree is a
// plain global variable holding the deallocator.
#define DT_LIBXML2_FUNCTIONS(F)                                                                     \
  F(xmlInitParser)                                                                                  \
  F(xmlStopParser)                                                                                  \
  F(xmlCreateMemoryParserCtxt)                                                                      \
  F(xmlCreatePushParserCtxt)                                                                        \
  F(xmlCtxtUseOptions)                                                                              \
  F(xmlParseDocument)                                                                               \
  F(xmlParseChunk)                                                                                  \
  F(xmlFreeParserCtxt)                                                                              \
  F(__xmlDefaultSAXHandler)

static struct {
#define DT_FIELD(name) __typeof__(&name) name;
  DT_LIBXML2_FUNCTIONS(DT_FIELD)
#undef DT_FIELD
  xmlFreeFunc *free_function;
} libxml2;

static char load_error[512];

static void resolve(void *handle, void **slot, const char *name) {
  if (load_error[0] != 0) return;
  *slot = dlsym(handle, name);
  if (*slot == NULL) snprintf(load_error, sizeof load_error, "%s: %s", DT_LIBXML2_SONAME, dlerror());
}

static void load(void) {
  void *handle = dlopen(DT_LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    snprintf(load_error, sizeof load_error, "%s", dlerror());
    return;
  }
#define DT_RESOLVE(name) resolve(handle, (void **)&libxml2.name, #name);
  DT_LIBXML2_FUNCTIONS(DT_RESOLVE)
#undef DT_RESOLVE
  resolve(handle, (void **)&libxml2.free_function, "xmlFree");
}

// A worksheet nests 5 levels deep, an .ods content.xml about 10.
#define DT_XML_MAX_DEPTH 128

// A part up to this size is collected and parsed whole by the memory parser, 5% fewer instructions
// than the push parser's state machine (a form's parts are 1 to 100 KB); a larger one is pushed
// chunk by chunk from the moment it passes this size, so no part is ever held whole past it.
#define DT_XML_WHOLE_LIMIT (1 << 20)

struct dt_xml_parser {
  // The context parsing now: the memory parser's during a whole parse, else the push parser's.
  xmlParserCtxtPtr context;
  xmlParserCtxtPtr push;
  char *pending;
  size_t pending_count;
  size_t pending_capacity;
  void *user;
  dt_xml_start start;
  dt_xml_end end;
  dt_xml_text text;
  int depth;
  // dt_xml_parser_read_directly: the rows of <sheetData> or the strings of <sst>, read by
  // sheet_rows.c or shared_strings.c (parse_directly), where `region` says.
  int directly;
  const struct dt_region *region;
  dt_xml_reset reset;
  dt_xml_records records;
  const unsigned char *rows_begin;
  const unsigned char *rows_end;
  size_t rows_at;
  int rows_placed;
  int rows_read;
  int doctype;
  int broken;
  int line;
  int column;
  char message[256];
};

// What parse_directly cuts out of a part: what is inside `name`, which is at `depth`, read by `read`.
typedef struct dt_region {
  const char *name;
  int depth;
  int (*read)(const unsigned char *, const unsigned char *, const dt_rows_sink *);
} dt_region;

static const dt_region sheet_rows = {"sheetData", 2, dt_sheet_rows};
static const dt_region shared_strings = {"sst", 1, dt_shared_strings};

// What was cut out of a part (parse_directly) belongs where its start tag is: at the region's
// depth, with libxml2 on that tag's '>' at the offset of the cut. The element anywhere else means
// the cut is not what it seemed, and the part is parsed whole.
// The rows are read as they are sent: at their first byte outside the grammar the parse stops,
// and parse_sheet has the handler forget what it was sent.
static void place_rows(dt_xml_parser *parser) {
  xmlParserInputPtr input = parser->context->input;
  size_t offset = input != NULL ? input->consumed + (size_t)(input->cur - input->base) : 0;
  dt_rows_sink sink = {parser->user, parser->start, parser->end, parser->text, parser->records};
  if (parser->rows_placed != 0 || parser->depth != parser->region->depth || input == NULL ||
      offset != parser->rows_at || *input->cur != '>' ||
      !parser->region->read(parser->rows_begin, parser->rows_end, &sink)) {
    parser->rows_placed = -1;
    libxml2.xmlStopParser(parser->context);
    return;
  }
  parser->rows_placed = 1;
}

static void on_start(void *data, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int namespaces,
                     const xmlChar **declarations, int count, int defaulted, const xmlChar **attributes) {
  (void)prefix, (void)uri, (void)namespaces, (void)declarations, (void)defaulted;
  dt_xml_parser *parser = data;
  if (++parser->depth > DT_XML_MAX_DEPTH) {
    if (!parser->broken) {
      parser->broken = 1;
      parser->line = parser->context->input != NULL ? parser->context->input->line : 0;
      parser->column = parser->context->input != NULL ? parser->context->input->col : 0;
      snprintf(parser->message, sizeof parser->message, "elements nested more than %d levels deep", DT_XML_MAX_DEPTH);
    }
    libxml2.xmlStopParser(parser->context);
    return;
  }
  parser->start(parser->user, name, attributes, count);
  if (parser->rows_begin != NULL && strcmp((const char *)name, parser->region->name) == 0) place_rows(parser);
}

static void on_end(void *data, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
  (void)prefix, (void)uri;
  dt_xml_parser *parser = data;
  parser->depth--;
  parser->end(parser->user, name);
}

static void on_text(void *data, const xmlChar *bytes, int length) {
  dt_xml_parser *parser = data;
  parser->text(parser->user, bytes, length);
}

static void on_doctype(void *data, const xmlChar *name, const xmlChar *external, const xmlChar *system) {
  (void)name, (void)external, (void)system;
  dt_xml_parser *parser = data;
  parser->doctype = 1;
  libxml2.xmlStopParser(parser->context);
}

// Warnings and namespace errors (an undeclared prefix) do not stop a part: only fatal errors do.
static void on_error(void *data, xmlErrorPtr error) {
  dt_xml_parser *parser = data;
  if (error == NULL || error->level != XML_ERR_FATAL || parser->broken) return;
  parser->broken = 1;
  parser->line = error->line;
  parser->column = error->int2;
  const char *message = error->message != NULL ? error->message : "broken XML";
  size_t length = strlen(message);
  while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) length--;
  if (length >= sizeof parser->message) length = sizeof parser->message - 1;
  memcpy(parser->message, message, length);
  parser->message[length] = 0;
}

static xmlSAXHandler callbacks;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// libxml2 is loaded and sets up its globals once, before any thread parses (forms are read side by
// side).
static void setup(void) {
  load();
  if (load_error[0] != 0) return;
  libxml2.xmlInitParser();
  memset(&callbacks, 0, sizeof callbacks);
  callbacks.initialized = XML_SAX2_MAGIC;
  callbacks.startElementNs = on_start;
  callbacks.endElementNs = on_end;
  callbacks.characters = on_text;
  // White space and CDATA are text like any other (an .ods paragraph collapses spaces itself).
  callbacks.ignorableWhitespace = on_text;
  callbacks.cdataBlock = on_text;
  callbacks.internalSubset = on_doctype;
  callbacks.serror = on_error;
}

const char *dt_xml_load_error(void) {
  pthread_once(&once, setup);
  return load_error[0] == 0 ? NULL : load_error;
}

dt_xml_parser *dt_xml_parser_new(void *user, dt_xml_start start, dt_xml_end end, dt_xml_text text) {
  if (dt_xml_load_error() != NULL) return NULL;
  dt_xml_parser *parser = calloc(1, sizeof *parser);
  if (parser == NULL) return NULL;
  parser->user = user;
  parser->start = start;
  parser->end = end;
  parser->text = text;
  return parser;
}

static int status(dt_xml_parser *parser) {
  if (parser->doctype) return DT_XML_DOCTYPE;
  if (parser->broken) return DT_XML_BROKEN;
  if (parser->context != NULL && !parser->context->wellFormed) {
    parser->broken = 1;
    strcpy(parser->message, "broken XML");
    return DT_XML_BROKEN;
  }
  return DT_XML_OK;
}

// `count` bytes parsed whole: the memory parser with our callbacks, as xmlSAXUserParseMemory sets
// it up, but with the options set.
static int parse_memory(dt_xml_parser *parser, const char *bytes, size_t count) {
  xmlParserCtxtPtr context = libxml2.xmlCreateMemoryParserCtxt(bytes, (int)count);
  if (context == NULL) {
    parser->broken = 1;
    strcpy(parser->message, "out of memory");
    return DT_XML_BROKEN;
  }
  if (context->sax != (xmlSAXHandlerPtr)libxml2.__xmlDefaultSAXHandler()) (*libxml2.free_function)(context->sax);
  context->sax = &callbacks;
  context->userData = parser;
  libxml2.xmlCtxtUseOptions(context, XML_PARSE_NONET);
  parser->context = context;
  libxml2.xmlParseDocument(context);
  int result = status(parser);
  parser->context = NULL;
  context->sax = NULL;  // ours, static: not libxml2's to free
  libxml2.xmlFreeParserCtxt(context);
  return result;
}

// Whether the bytes before the cut hide nothing that could make that text other than a start
// tag, or its offset other than libxml2's: ASCII only, an XML declaration in UTF-8 if any, and no
// other '<!' or '<?' (comment, CDATA, document type, processing instruction).
static int plain_prefix(const unsigned char *p, const unsigned char *end) {
  const unsigned char *declared = p;
  if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
    const unsigned char *close = memmem(p, (size_t)(end - p), "?>", 2);
    if (close == NULL) return 0;
    const unsigned char *encoding = memmem(p, (size_t)(close - p), "encoding", 8);
    if (encoding != NULL) {
      const unsigned char *v = encoding + 8;
      int quoted = close - v >= 8 && v[0] == '=' && (v[1] == '"' || v[1] == '\'') && v[7] == v[1];
      if (!quoted || strncasecmp((const char *)v + 2, "utf-8", 5) != 0) return 0;
    }
    declared = close + 2;
  }
  for (const unsigned char *q = p; q < end; q++) {
    if (*q >= 0x80) return 0;
    if (*q == '<' && q >= declared && q + 1 < end && (q[1] == '!' || q[1] == '?')) return 0;
  }
  return 1;
}

// A worksheet of regular rows, or shared strings: libxml2 parses the part with the rows cut out of
// its <sheetData> or the strings out of its <sst> (the envelope: declaration, namespaces, views,
// validations), sheet_rows.c or shared_strings.c reads what was cut, and its events go where the
// cut was. -1 when the part is not such a part (the envelope is not well-formed, or what was cut
// not regular): the handler is then reset, having forgotten every event, and the part is to be
// parsed whole. What the two give is the same (tests: SheetRowsTests, SharedStringsTests).
static int parse_directly(dt_xml_parser *parser) {
  const unsigned char *bytes = (const unsigned char *)parser->pending;
  const unsigned char *end = bytes + parser->pending_count;
  const unsigned char *open = memmem(bytes, parser->pending_count, "<sheetData>", 11);
  const unsigned char *rows, *close;
  if (open != NULL) {
    parser->region = &sheet_rows;
    rows = open + 11;
    close = memmem(rows, (size_t)(end - rows), "</sheetData>", 12);
  } else {
    // The start tag has attributes: cut after its first '>', which place_rows checks is libxml2's.
    open = memmem(bytes, parser->pending_count, "<sst", 4);
    const unsigned char *tag_end = open != NULL ? memchr(open, '>', (size_t)(end - open)) : NULL;
    if (tag_end == NULL) return -1;
    parser->region = &shared_strings;
    rows = tag_end + 1;
    close = memmem(rows, (size_t)(end - rows), "</sst>", 6);
  }
  if (close == NULL || !plain_prefix(bytes, open)) return -1;
  size_t head = (size_t)(rows - bytes), tail = (size_t)(end - close);
  char *envelope = malloc(head + tail);
  if (envelope == NULL) return -1;
  memcpy(envelope, bytes, head);
  memcpy(envelope + head, close, tail);
  parser->rows_begin = rows;
  parser->rows_end = close;
  parser->rows_at = head - 1;
  int result = parse_memory(parser, envelope, head + tail);
  if (result == DT_XML_OK && parser->rows_placed == 1) {
    parser->rows_read = 1;
  } else {
    result = -1;
    parser->reset(parser->user);
    parser->doctype = parser->broken = parser->line = parser->column = parser->depth = 0;
    parser->message[0] = 0;
  }
  parser->rows_placed = 0;
  parser->rows_begin = parser->rows_end = NULL;
  free(envelope);
  return result;
}

// The collected part, parsed whole (its regular rows or strings directly, when asked).
static int parse_whole(dt_xml_parser *parser) {
  if (parser->directly) {
    int result = parse_directly(parser);
    if (result >= 0) return result;
  }
  return parse_memory(parser, parser->pending, parser->pending_count);
}

// From now on the part is pushed: what was collected first, then each chunk as it comes.
static int start_pushing(dt_xml_parser *parser) {
  parser->push = libxml2.xmlCreatePushParserCtxt(&callbacks, parser, NULL, 0, NULL);
  if (parser->push == NULL) {
    parser->broken = 1;
    strcpy(parser->message, "out of memory");
    return DT_XML_BROKEN;
  }
  libxml2.xmlCtxtUseOptions(parser->push, XML_PARSE_NONET);
  parser->context = parser->push;
  if (parser->pending_count > 0) libxml2.xmlParseChunk(parser->push, parser->pending, (int)parser->pending_count, 0);
  free(parser->pending);
  parser->pending = NULL;
  parser->pending_count = parser->pending_capacity = 0;
  return status(parser);
}

int dt_xml_parser_feed(dt_xml_parser *parser, const char *bytes, int length, int final) {
  if (parser->doctype || parser->broken) return status(parser);
  size_t count = length > 0 ? (size_t)length : 0;
  if (parser->push == NULL) {
    if (parser->pending_count + count <= DT_XML_WHOLE_LIMIT) {
      if (parser->pending_count + count > parser->pending_capacity) {
        size_t capacity = parser->pending_capacity * 2;
        if (capacity < parser->pending_count + count) capacity = parser->pending_count + count;
        if (capacity < 4096) capacity = 4096;
        char *grown = realloc(parser->pending, capacity);
        if (grown == NULL) {
          parser->broken = 1;
          strcpy(parser->message, "out of memory");
          return DT_XML_BROKEN;
        }
        parser->pending = grown;
        parser->pending_capacity = capacity;
      }
      if (count > 0) memcpy(parser->pending + parser->pending_count, bytes, count);
      parser->pending_count += count;
      return final ? parse_whole(parser) : DT_XML_OK;
    }
    if (start_pushing(parser) != DT_XML_OK) return status(parser);
  }
  libxml2.xmlParseChunk(parser->push, bytes, length, final);
  return status(parser);
}

const char *dt_xml_parser_error(const dt_xml_parser *parser, int *line, int *column) {
  *line = parser->line;
  *column = parser->column;
  return parser->message;
}

void dt_xml_parser_free(dt_xml_parser *parser) {
  if (parser == NULL) return;
  if (parser->push != NULL) libxml2.xmlFreeParserCtxt(parser->push);
  free(parser->pending);
  free(parser);
}

void dt_xml_parser_read_directly(dt_xml_parser *parser, dt_xml_reset reset) {
  parser->directly = 1;
  parser->reset = reset;
}

void dt_xml_parser_read_records(dt_xml_parser *parser, dt_xml_records records) { parser->records = records; }

int dt_xml_parser_rows_read(const dt_xml_parser *parser) { return parser->rows_read; }
