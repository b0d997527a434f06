// libxlsxwriter, loaded on first use. Each function below has the name and the prototype of the
// library's own (the compiler checks them against <xlsxwriter.h>) and calls the library's through
// a pointer resolved once, under pthread_once, for every function at the same time: either all
// of them are there or none is used.
#include "CXLSXWriter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The SONAME of Debian's libxlsxwriter4 package (the .deb's Depends names it, release.sh).
#define DT_XLSXWRITER_SONAME "libxlsxwriter.so.4"

// V(name, parameters, arguments): the functions that return nothing; R(return type, name,
// parameters, arguments): the others, but workbook_new (below, by hand).
#define DT_XLSXWRITER_VOID(V)                                                                       \
  V(format_set_bold, (lxw_format * format), (format))                                               \
  V(format_set_unlocked, (lxw_format * format), (format))                                           \
  V(format_set_text_wrap, (lxw_format * format), (format))                                          \
  V(format_set_bg_color, (lxw_format * format, lxw_color_t color), (format, color))                 \
  V(format_set_font_color, (lxw_format * format, lxw_color_t color), (format, color))               \
  V(format_set_font_size, (lxw_format * format, double size), (format, size))                       \
  V(format_set_border, (lxw_format * format, uint8_t style), (format, style))                       \
  V(format_set_num_format, (lxw_format * format, const char *num_format), (format, num_format))     \
  V(worksheet_protect, (lxw_worksheet * worksheet, const char *password, lxw_protection *options),  \
    (worksheet, password, options))                                                                 \
  V(worksheet_freeze_panes, (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col),              \
    (worksheet, row, col))                                                                          \
  V(worksheet_activate, (lxw_worksheet * worksheet), (worksheet))

#define DT_XLSXWRITER_RETURNING(R)                                                                  \
  R(lxw_error, workbook_close, (lxw_workbook * workbook), (workbook))                               \
  R(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook * workbook, const char *sheetname),      \
    (workbook, sheetname))                                                                          \
  R(lxw_format *, workbook_add_format, (lxw_workbook * workbook), (workbook))                       \
  R(char *, lxw_strerror, (lxw_error error_num), (error_num))                                       \
  R(lxw_error, worksheet_write_string,                                                              \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char *string,                   \
     lxw_format *format),                                                                           \
    (worksheet, row, col, string, format))                                                          \
  R(lxw_error, worksheet_write_number,                                                              \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),   \
    (worksheet, row, col, number, format))                                                          \
  R(lxw_error, worksheet_write_datetime,                                                            \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime *datetime,               \
     lxw_format *format),                                                                           \
    (worksheet, row, col, datetime, format))                                                        \
  R(lxw_error, worksheet_write_boolean,                                                             \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, int value, lxw_format *format),       \
    (worksheet, row, col, value, format))                                                           \
  R(lxw_error, worksheet_write_blank,                                                               \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format),                  \
    (worksheet, row, col, format))                                                                  \
  R(lxw_error, worksheet_write_comment,                                                             \
    (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char *string),                  \
    (worksheet, row, col, string))                                                                  \
  R(lxw_error, worksheet_set_column,                                                                \
    (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,              \
     lxw_format *format),                                                                           \
    (worksheet, first_col, last_col, width, format))                                                \
  R(lxw_error, worksheet_data_validation_range,                                                     \
    (lxw_worksheet * worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,       \
     lxw_col_t last_col, lxw_data_validation *validation),                                          \
    (worksheet, first_row, first_col, last_row, last_col, validation))

// The library's functions, as pointers.
static struct {
  lxw_workbook *(*workbook_new)(const char *filename);
#define DT_VOID_FIELD(name, params, args) void(*name) params;
#define DT_FIELD(ret, name, params, args) ret(*name) params;
  DT_XLSXWRITER_VOID(DT_VOID_FIELD)
  DT_XLSXWRITER_RETURNING(DT_FIELD)
#undef DT_VOID_FIELD
#undef DT_FIELD
} library;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[512];

static void resolve(void *handle, void **slot, const char *name) {
  if (load_error[0] != 0) return;
  *slot = dlsym(handle, name);
  if (*slot == NULL) snprintf(load_error, sizeof load_error, "%s: %s", DT_XLSXWRITER_SONAME, dlerror());
}

static void load(void) {
  void *handle = dlopen(DT_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    snprintf(load_error, sizeof load_error, "%s", dlerror());
    return;
  }
  resolve(handle, (void **)&library.workbook_new, "workbook_new");
#define DT_VOID_RESOLVE(name, params, args) resolve(handle, (void **)&library.name, #name);
#define DT_RESOLVE(ret, name, params, args) resolve(handle, (void **)&library.name, #name);
  DT_XLSXWRITER_VOID(DT_VOID_RESOLVE)
  DT_XLSXWRITER_RETURNING(DT_RESOLVE)
#undef DT_VOID_RESOLVE
#undef DT_RESOLVE
}

const char *dt_xlsxwriter_load_error(void) {
  pthread_once(&once, load);
  return load_error[0] == 0 ? NULL : load_error;
}

// Only workbook_new can be the first call: without the library it fails as the library's own does
// when it cannot create a workbook (NULL), and dt_xlsxwriter_load_error says why.
lxw_workbook *workbook_new(const char *filename) {
  if (dt_xlsxwriter_load_error() != NULL) return NULL;
  return library.workbook_new(filename);
}

// Every other call comes after a workbook was made, so the library is there; if not, this is a
// programming error and it stops here rather than jump to NULL.
static void require_loaded(const char *name) {
  if (dt_xlsxwriter_load_error() == NULL) return;
  fprintf(stderr, "digitrack-tui: %s called without libxlsxwriter: %s\n", name, load_error);
  abort();
}

#define DT_VOID_CALL(name, params, args)                                                            \
  void name params {                                                                                \
    require_loaded(#name);                                                                          \
    library.name args;                                                                              \
  }
#define DT_CALL(ret, name, params, args)                                                            \
  ret name params {                                                                                 \
    require_loaded(#name);                                                                          \
    return library.name args;                                                                       \
  }
DT_XLSXWRITER_VOID(DT_VOID_CALL)
DT_XLSXWRITER_RETURNING(DT_CALL)
