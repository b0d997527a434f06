// Restores the terminal when DigiTrack dies from a signal or a Swift trap.
//
// Swift code must not run inside a signal handler, and a trap skips `defer`. So the terminal state
// is saved here in C before the screen starts, and the handlers below put it back using only
// async-signal-safe calls (tcsetattr, write), then re-raise the signal with its default action.
#ifndef DIGITRACK_TERMINAL_GUARD_H
#define DIGITRACK_TERMINAL_GUARD_H

#include <signal.h>

/// Saves the termios of `fd` and the byte sequence that leaves the full-screen mode
/// (e.g. terminfo's rmcup + cnorm + sgr0). Call before initscr.
void tg_save(int fd, const char *reset_sequence);

/// Installs handlers: SIGINT, SIGTERM and SIGHUP only set a flag that the event loop reads;
/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT restore the terminal and re-raise.
void tg_install(void);

/// The last SIGINT/SIGTERM/SIGHUP received, or 0.
int tg_pending_signal(void);

/// Restores the saved termios and writes the reset sequence (safe to call more than once).
void tg_restore(void);

/// Puts the default handlers back (after the screen has ended normally).
void tg_uninstall(void);

#endif
