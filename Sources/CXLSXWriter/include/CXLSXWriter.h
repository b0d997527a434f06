// Debian's libxlsxwriter (libxlsxwriter-dev), seen from Swift as it is: its API is plain functions.
//
// The library is not linked: lazy.c loads it with dlopen the first time a workbook is created.
// Linked, it brought libcrypto and libminizip into every start of digitrack-tui (21,000 of the
// loader's 27,000 relocations, about 2 MB of resident memory), though only `e` and `template`
// write workbooks (docs/PERFORMANCE.md, "Start-up").
#include <xlsxwriter.h>

/// Why libxlsxwriter could not be loaded (dlopen's or dlsym's message), or NULL when it was.
/// `workbook_new` returns NULL in that case; this says why.
const char *dt_xlsxwriter_load_error(void);
