// ncursesw as Swift can see it.
//
// The wide-character API needs these two macros before the header, or `cchar_t`, `add_wch` and
// `get_wch` are missing and Vietnamese text is garbled. Swift cannot import C macros or use the
// library's mutable globals under strict concurrency, so each one used is wrapped as a function.
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
#include <wchar.h>

static inline WINDOW *dt_stdscr(void) { return stdscr; }
static inline int dt_lines(void) { return LINES; }
static inline int dt_cols(void) { return COLS; }
static inline int dt_colors(void) { return COLORS; }
static inline int dt_color_pairs(void) { return COLOR_PAIRS; }
static inline int dt_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

static inline attr_t dt_a_normal(void) { return A_NORMAL; }
static inline attr_t dt_a_bold(void) { return A_BOLD; }
static inline attr_t dt_a_reverse(void) { return A_REVERSE; }
static inline attr_t dt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dt_a_dim(void) { return A_DIM; }

static inline int dt_key_code_yes(void) { return KEY_CODE_YES; }
static inline int dt_err(void) { return ERR; }

static inline mmask_t dt_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t dt_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t dt_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t dt_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t dt_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t dt_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

/// Draws one cell: a grapheme of up to 8 code points with attributes and a colour pair.
static inline int dt_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attributes, pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

#endif
