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
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

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

/// A terminfo boolean capability: 1 when the terminal has it, else 0.
static inline int dt_terminfo_flag(const char *name) { return tigetflag(name) > 0 ? 1 : 0; }

/// A terminfo numeric capability, or -1 when the terminal lacks it.
static inline int dt_terminfo_number(const char *name) {
  int value = tigetnum(name);
  return value < 0 ? -1 : value;
}

/// A parameterized terminfo string (`cap` from dt_terminfo_string) with its parameters filled
/// in, or NULL. tparm's own buffer: copy it before the next call.
static inline const char *dt_tparm(const char *cap, long p1, long p2, long p3, long p4, long p5, long p6, long p7,
                                   long p8, long p9) {
  char *value = tparm(cap, p1, p2, p3, p4, p5, p6, p7, p8, p9);
  if (value == NULL || value == (char *)-1) return NULL;
  return value;
}

/// Writes all of `count` bytes to `fd`, through EINTR and short writes, waiting when a
/// non-blocking descriptor is full. Returns 0, or -1 when the terminal is gone.
static inline int dt_write_all(int fd, const unsigned char *bytes, long count) {
  while (count > 0) {
    ssize_t written = write(fd, bytes, (size_t)count);
    if (written > 0) {
      bytes += written;
      count -= written;
    } else if (written < 0 && errno == EINTR) {
      continue;
    } else if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd wait = {fd, POLLOUT, 0};
      (void)poll(&wait, 1, 100);
    } else {
      return -1;
    }
  }
  return 0;
}

/// Multibyte form of a wide character in the current locale (for locales other than UTF-8):
/// the bytes written to `out` (room for 16), or -1 when it has none.
static inline int dt_wide_to_multibyte(char *out, wchar_t character) {
  mbstate_t state;
  memset(&state, 0, sizeof state);
  size_t count = wcrtomb(out, character, &state);
  return count == (size_t)-1 ? -1 : (int)count;
}

#endif
