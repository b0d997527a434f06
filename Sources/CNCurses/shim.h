// ncursesw as Swift can see it.
//
// The wide-character API needs these two macros before the header, or `cchar_t`, `add_wch` and
// `get_wch` are missing and Vietnamese text is garbled. Swift cannot import C macros or use the
// library's mutable globals under strict concurrency, so each one used is wrapped as a function.
// Plain integer #defines (KEY_UP, KEY_RESIZE, ERR, OK, CCHARW_MAX…) import as constants and need
// no wrapper.
#ifndef DIGITRACK_CNCURSES_SHIM_H
#define DIGITRACK_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <ncursesw/curses.h>
#include <stdio.h>
#include <wchar.h>

static inline WINDOW *dt_stdscr(void) { return stdscr; }
static inline int dt_colors(void) { return COLORS; }
static inline int dt_color_pairs(void) { return COLOR_PAIRS; }

/// The size of the standard screen as ncurses knows it (updated by resizeterm on KEY_RESIZE).
static inline int dt_screen_height(void) { return getmaxy(stdscr); }
static inline int dt_screen_width(void) { return getmaxx(stdscr); }

/// Starts curses on the process's own stdout/stdin. Unlike initscr, newterm returns NULL on an
/// unknown TERM instead of printing and exiting, so the caller can restore signals and report.
static inline SCREEN *dt_newterm(void) { return newterm(NULL, stdout, stdin); }

/// The same switches as `TRUE`/`FALSE` in the header, typed as ncurses' own `bool`.
static inline int dt_keypad(int enable) { return keypad(stdscr, enable ? TRUE : FALSE); }
static inline int dt_clearok_curscr(void) { return clearok(curscr, TRUE); }

static inline attr_t dt_a_normal(void) { return A_NORMAL; }
static inline attr_t dt_a_bold(void) { return A_BOLD; }
static inline attr_t dt_a_reverse(void) { return A_REVERSE; }
static inline attr_t dt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dt_a_dim(void) { return A_DIM; }

static inline mmask_t dt_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dt_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t dt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t dt_button5_pressed(void) { return BUTTON5_PRESSED; }

/// A terminfo string capability, or NULL when the terminal lacks it. tigetstr's other failure
/// value, (char *)-1 for "not a string capability", would crash a Swift String(cString:).
static inline const char *dt_terminfo_string(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/// Columns a wide character takes, as ncurses measures it when drawing (glibc declares wcwidth
/// only for _XOPEN_SOURCE, which Swift's Glibc module is not built with). -1 when unprintable.
extern int wcwidth(wchar_t);
static inline int dt_wcwidth(wchar_t character) { return wcwidth(character); }

/// Draws one cell: a grapheme of up to CCHARW_MAX (5) wide characters, NUL-terminated, with
/// attributes and a colour pair. The pair goes through setcchar's `opts` so that pairs above
/// 32767 work with ncurses' extended colours. Returns ERR for the bottom-right cell (the cursor
/// cannot advance past it), though the cell is stored and drawn on refresh.
static inline int dt_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attributes, (short)(pair > 32767 ? 0 : pair), &pair) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

/// Makes the cell `dt_put_cell` would draw, without drawing it: the painter keeps one per style
/// (with a space) and swaps in the character, so a run of cells costs no setcchar per cell.
static inline int dt_make_cell(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
  return setcchar(cell, text, attributes, (short)(pair > 32767 ? 0 : pair), &pair);
}

/// Blanks row y of stdscr (in the default style) without moving on: stdscr only, nothing is sent.
static inline int dt_clear_row(int y) {
  if (wmove(stdscr, y, 0) == ERR) return ERR;
  return wclrtoeol(stdscr);
}

/// Draws `count` ready-made cells from (y, x) in one call, without moving the cursor (so the
/// bottom-right cell is no error here).
static inline int dt_put_cells(int y, int x, const cchar_t *cells, int count) {
  return mvwadd_wchnstr(stdscr, y, x, cells, count);
}

#endif
