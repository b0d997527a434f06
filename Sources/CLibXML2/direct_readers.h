// The rows of a worksheet's <sheetData> and the strings of a shared-strings part, read without
// libxml2 when they are as regular as a form's (sheet_rows.c, shared_strings.c). Private to this
// target: sax.c decides when they apply.
#ifndef DT_DIRECT_READERS_H
#define DT_DIRECT_READERS_H

#include "CLibXML2.h"

// Where the events of the rows go: the callbacks libxml2's would reach, with the same arguments.
typedef struct {
  void *user;
  dt_xml_start start;
  dt_xml_end end;
  dt_xml_text text;
  // When not NULL, sheet_rows.c sends a worksheet's rows here in batches, not as events.
  dt_xml_records records;
} dt_rows_sink;

// 1 when [begin, end) is a run of rows in the narrow grammar of sheet_rows.c, each event sent to
// `sink` (none when it is NULL: a check only); 0 at the first byte outside it. The byte at `end`
// is read, and must be the '<' of "</sheetData>": the scans stop at it without counting bytes.
int dt_sheet_rows(const unsigned char *begin, const unsigned char *end, const dt_rows_sink *sink);

// The same for the strings of a shared-strings part, between <sst …> and </sst>
// (shared_strings.c); `sink` may not be NULL.
int dt_shared_strings(const unsigned char *begin, const unsigned char *end, const dt_rows_sink *sink);

#endif
