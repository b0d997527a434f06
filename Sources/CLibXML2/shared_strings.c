// The strings of xl/sharedStrings.xml, as the spreadsheet writers write them, read without
// libxml2: `<si><t>…</t></si>`, one per string, are a form's second largest part. As
// sheet_rows.c does for rows, this recognises a narrow subset and answers 0 for anything else,
// when sax.c gives the whole part to libxml2:
//
//   strings := (ws | string)*
//   string  := "<si><t>" text "</t></si>" | "<si><t xml:space=\"preserve\">" text "</t></si>"
//   text    := UTF-8 of XML characters but < & > and the carriage return (nothing to normalise
//              or expand); a byte sequence that is not UTF-8, a surrogate, U+FFFE and U+FFFF are
//              libxml2's to refuse
//   ws      := space, tab, line feed
//
// Rich text runs (<r>), phonetic runs (<rPh>) and every other form go to libxml2.
#include <string.h>

#include "direct_readers.h"

static const unsigned char xml_namespace[] = "http://www.w3.org/XML/1998/namespace";

// The end of the text from `p`: the first byte that is not part of an allowed character.
static const unsigned char *text(const unsigned char *p, const unsigned char *end) {
  while (p < end) {
    unsigned char c = p[0];
    if (c < 0x80) {
      if (c == '<' || c == '&' || c == '>' || (c < 0x20 && c != '\t' && c != '\n')) return p;
      p++;
      continue;
    }
    size_t left = (size_t)(end - p);
    if (c >= 0xC2 && c <= 0xDF) {
      if (left < 2 || (p[1] & 0xC0) != 0x80) return p;
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return p;
      if (c == 0xE0 && p[1] < 0xA0) return p;                          // overlong
      if (c == 0xED && p[1] >= 0xA0) return p;                         // a surrogate
      if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return p;  // U+FFFE, U+FFFF
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return p;
      if (c == 0xF0 && p[1] < 0x90) return p;  // overlong
      if (c == 0xF4 && p[1] >= 0x90) return p;  // past U+10FFFF
      p += 4;
    } else {
      return p;
    }
  }
  return p;
}

static int starts(const unsigned char *p, const unsigned char *end, const char *literal, size_t length) {
  return (size_t)(end - p) >= length && memcmp(p, literal, length) == 0;
}

int dt_shared_strings(const unsigned char *p, const unsigned char *end, const dt_rows_sink *sink) {
  static const char preserve[] = "<t xml:space=\"preserve\">";
  while (p < end) {
    if (*p == ' ' || *p == '\t' || *p == '\n') {
      const unsigned char *start = p;
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n')) p++;
      sink->text(sink->user, start, (int)(p - start));
      continue;
    }
    if (!starts(p, end, "<si>", 4)) return 0;
    p += 4;
    const unsigned char *fields[5];
    int count = 0;
    if (starts(p, end, "<t>", 3)) {
      p += 3;
    } else if (starts(p, end, preserve, sizeof preserve - 1)) {
      fields[0] = (const unsigned char *)"space";
      fields[1] = (const unsigned char *)"xml";
      fields[2] = xml_namespace;
      fields[3] = p + 14;  // after <t xml:space="
      fields[4] = p + 22;
      count = 1;
      p += sizeof preserve - 1;
    } else {
      return 0;
    }
    const unsigned char *start = p;
    p = text(p, end);
    if (!starts(p, end, "</t></si>", 9)) return 0;
    sink->start(sink->user, (const unsigned char *)"si", NULL, 0);
    sink->start(sink->user, (const unsigned char *)"t", count > 0 ? fields : NULL, count);
    if (p > start) sink->text(sink->user, start, (int)(p - start));
    sink->end(sink->user, (const unsigned char *)"t");
    sink->end(sink->user, (const unsigned char *)"si");
    p += 9;
  }
  return 1;
}
