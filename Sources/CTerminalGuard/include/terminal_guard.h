// Restores the terminal when DigiTrack dies from a signal or a Swift trap.
//
// Swift code must not run inside a signal handler, and a trap skips `defer`. So the terminal state
// is saved here in C before the screen starts, and the handlers below put it back using only
// async-signal-safe calls (tcsetattr, write), then re-raise the signal so the process still dies
// from it (and any handler that was there before, such as Swift's backtracer, still runs).
#ifndef DIGITRACK_TERMINAL_GUARD_H
#define DIGITRACK_TERMINAL_GUARD_H

#include <signal.h>

/// Saves the termios of `fd` and the byte sequence that leaves the full-screen mode
/// (e.g. terminfo's rmcup + cnorm + sgr0), written to `fd` until tg_set_reset_sequence names
/// another descriptor. Call before initscr/newterm: they change the termios.
/// `reset_sequence` may be NULL when terminfo is not loaded yet.
void tg_save(int fd, const char *reset_sequence);

/// Replaces the reset sequence and the descriptor it is written to. For use right after
/// initscr/newterm, when terminfo can be asked for rmcup, cnorm and sgr0.
void tg_set_reset_sequence(int output_fd, const char *reset_sequence);

/// Installs handlers: SIGINT, SIGTERM and SIGHUP only set a flag that the event loop reads (a
/// second one before the loop has reacted restores the terminal and ends the process, so a hung
/// loop can still be interrupted); SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT restore the
/// terminal and re-raise, as do SIGQUIT (Ctrl-\), SIGSYS, SIGXCPU and SIGXFSZ; SIGUSR1, SIGUSR2,
/// SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT and the real-time signals, while
/// they have their default action, restore the terminal and end the process by the same signal.
/// SIGCONT notes that the process was resumed after Ctrl-Z.
/// A quit signal that was ignored when the program started (nohup) stays ignored.
/// Fatal handlers run on an alternate stack, so a stack overflow still restores the terminal.
/// Call before initscr/newterm, so that ncurses leaves SIGINT/SIGTERM to us.
void tg_install(void);

/// The last SIGINT/SIGTERM/SIGHUP received, or 0.
int tg_pending_signal(void);

/// 1 once after the process was continued (SIGCONT), then 0 until the next time.
int tg_take_resumed(void);

/// Restores the saved termios and writes the reset sequence (safe to call more than once).
void tg_restore(void);

/// Puts back the handlers that were there before tg_install (after the screen has ended normally)
/// and forgets the saved terminal state.
void tg_uninstall(void);

#endif
