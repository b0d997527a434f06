#include "terminal_guard.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything a handler reads is written before the handlers are installed, or published by
// storing a length last (sig_atomic_t), so a handler never sees a half-copied sequence.
static struct termios saved_termios;
static volatile sig_atomic_t termios_fd = -1;
static volatile sig_atomic_t output_fd = -1;
static char reset_sequence[512];
static volatile sig_atomic_t reset_length;

static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t resumed;
static volatile sig_atomic_t installed;

static const int quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
// Signals whose default action dumps core: faults, and the ones a person or the kernel sends
// (Ctrl-\, a bad system call, CPU and file-size limits). Swift's backtracer may handle some: it
// is chained to.
static const int fatal_signals[] = {SIGSEGV, SIGBUS,  SIGILL,  SIGTRAP, SIGFPE,
                                    SIGABRT, SIGQUIT, SIGSYS,  SIGXCPU, SIGXFSZ};
// Signals whose default action ends the process without a core. Only taken over while they
// still have that default: a handler someone installed (a profiler's SIGPROF) is left alone.
static const int ending_signals[] = {SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM,
                                     SIGPROF, SIGIO,   SIGPWR,  SIGSTKFLT};
#define QUIT_COUNT (sizeof(quit_signals) / sizeof(quit_signals[0]))
#define FATAL_COUNT (sizeof(fatal_signals) / sizeof(fatal_signals[0]))
#define ENDING_FIXED_COUNT (sizeof(ending_signals) / sizeof(ending_signals[0]))
// The fixed list plus the real-time signals SIGRTMIN..SIGRTMAX (at most 33 on Linux).
#define ENDING_MAX (ENDING_FIXED_COUNT + 40)

// What each signal did before tg_install, to chain to and to put back.
static struct sigaction previous_quit[QUIT_COUNT];
static struct sigaction previous_fatal[FATAL_COUNT];
static struct sigaction previous_cont;
static int quit_caught[QUIT_COUNT];
static int fatal_caught[FATAL_COUNT];
static int ending_list[ENDING_MAX];
static struct sigaction previous_ending[ENDING_MAX];
static int ending_caught[ENDING_MAX];
static size_t ending_count;

// Big enough for the handler's few calls; a stack overflow cannot use the thread's own stack.
static char *alternate_stack;
static int alternate_stack_installed;

static void store_sequence(const char *sequence) {
  reset_length = 0;
  if (sequence == NULL) return;
  size_t length = strlen(sequence);
  if (length >= sizeof(reset_sequence)) length = sizeof(reset_sequence) - 1;
  memcpy(reset_sequence, sequence, length);
  reset_length = (sig_atomic_t)length;
}

void tg_save(int fd, const char *sequence) {
  termios_fd = -1;
  if (tcgetattr(fd, &saved_termios) == 0) termios_fd = fd;
  output_fd = fd;
  store_sequence(sequence);
}

void tg_set_reset_sequence(int fd, const char *sequence) {
  reset_length = 0;
  output_fd = fd;
  store_sequence(sequence);
}

void tg_restore(void) {
  int saved_errno = errno;
  // The sequence first, while output processing is still as ncurses set it; then the modes, with
  // TCSAFLUSH so keys typed at the dashboard do not spill into the shell.
  if (reset_length > 0 && output_fd >= 0) {
    size_t written = 0;
    size_t length = (size_t)reset_length;
    while (written < length) {
      ssize_t result = write(output_fd, reset_sequence + written, length - written);
      if (result < 0 && errno == EINTR) continue;
      if (result <= 0) break;
      written += (size_t)result;
    }
  }
  if (termios_fd >= 0) tcsetattr(termios_fd, TCSAFLUSH, &saved_termios);
  errno = saved_errno;
}

static int index_of(const int *signals, size_t count, int signal_number) {
  for (size_t i = 0; i < count; i++) {
    if (signals[i] == signal_number) return (int)i;
  }
  return -1;
}

// Sets the default action (terminate, or terminate with a core dump) and raises the signal. It is
// blocked while a handler for it runs, so it is delivered as soon as that handler returns, before
// a faulting instruction could run again.
static void die_by_default(int signal_number) {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, NULL);
  raise(signal_number);
}

static void on_quit_signal(int signal_number) {
  if (pending_signal != 0) {
    // The loop has not reacted to the first one within its 100 ms poll: it may be stuck.
    // Leave the way the user asked.
    tg_restore();
    die_by_default(signal_number);
    return;
  }
  pending_signal = signal_number;
}

// Restores the terminal, then lets whatever handled the signal before (on Linux, Swift's
// backtracer, which now prints on a sane terminal) run, and makes sure the process dies from the
// signal afterwards: a handler that returns would otherwise resume a process whose screen is gone,
// and a signal sent with kill(1) rather than raised by a faulting instruction never recurs.
static void on_fatal_signal(int signal_number, siginfo_t *info, void *context) {
  tg_restore();
  int index = index_of(fatal_signals, FATAL_COUNT, signal_number);
  if (index >= 0) {
    const struct sigaction previous = previous_fatal[index];
    // If the previous handler raises the signal again or faults, the default action ends it all.
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    if (previous.sa_flags & SA_SIGINFO) {
      if (previous.sa_sigaction != NULL) previous.sa_sigaction(signal_number, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
      previous.sa_handler(signal_number);
    }
  }
  die_by_default(signal_number);
}

// A signal that would end the process anyway: leave the terminal as it was found, then end by
// that signal, so the parent sees the status it would have seen without DigiTrack's handlers.
static void on_ending_signal(int signal_number) {
  tg_restore();
  die_by_default(signal_number);
}

static void on_continue(int signal_number) {
  (void)signal_number;
  resumed = 1;
}

static void install_alternate_stack(void) {
  if (alternate_stack_installed) return;
  size_t size = 64 * 1024;
  if (alternate_stack == NULL) alternate_stack = malloc(size);
  if (alternate_stack == NULL) return;
  stack_t stack;
  memset(&stack, 0, sizeof(stack));
  stack.ss_sp = alternate_stack;
  stack.ss_size = size;
  if (sigaltstack(&stack, NULL) == 0) alternate_stack_installed = 1;
}

void tg_install(void) {
  if (installed) return;
  pending_signal = 0;
  resumed = 0;
  install_alternate_stack();

  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  // SA_RESTART keeps ncurses' writes from failing with EINTR; the input wait (poll/select) is
  // never restarted on Linux, and its 100 ms timeout bounds the delay anyway.
  action.sa_flags = SA_RESTART;
  action.sa_handler = on_quit_signal;
  for (size_t i = 0; i < QUIT_COUNT; i++) {
    sigaction(quit_signals[i], NULL, &previous_quit[i]);
    quit_caught[i] = previous_quit[i].sa_handler != SIG_IGN;
    if (quit_caught[i]) sigaction(quit_signals[i], &action, NULL);
  }

  action.sa_sigaction = on_fatal_signal;
  action.sa_flags = SA_ONSTACK | SA_SIGINFO;
  for (size_t i = 0; i < FATAL_COUNT; i++) {
    sigaction(fatal_signals[i], NULL, &previous_fatal[i]);
    // An ignored SIGQUIT (a background job of a script) stays ignored; the faults are always
    // caught, since the kernel delivers them even when ignored.
    int fault = fatal_signals[i] == SIGSEGV || fatal_signals[i] == SIGBUS || fatal_signals[i] == SIGILL ||
                fatal_signals[i] == SIGTRAP || fatal_signals[i] == SIGFPE || fatal_signals[i] == SIGABRT;
    fatal_caught[i] = fault || previous_fatal[i].sa_handler != SIG_IGN;
    if (fatal_caught[i]) sigaction(fatal_signals[i], &action, NULL);
  }

  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_ending_signal;
  action.sa_flags = SA_ONSTACK;
  ending_count = 0;
  for (size_t i = 0; i < ENDING_FIXED_COUNT; i++) ending_list[ending_count++] = ending_signals[i];
  for (int rt = SIGRTMIN; rt <= SIGRTMAX && ending_count < ENDING_MAX; rt++) ending_list[ending_count++] = rt;
  for (size_t i = 0; i < ending_count; i++) {
    sigaction(ending_list[i], NULL, &previous_ending[i]);
    ending_caught[i] = !(previous_ending[i].sa_flags & SA_SIGINFO) && previous_ending[i].sa_handler == SIG_DFL;
    if (ending_caught[i]) sigaction(ending_list[i], &action, NULL);
  }

  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_continue;
  action.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &action, &previous_cont);
  installed = 1;
}

int tg_pending_signal(void) { return pending_signal; }

int tg_take_resumed(void) {
  if (!resumed) return 0;
  resumed = 0;
  return 1;
}

void tg_uninstall(void) {
  if (!installed) return;
  for (size_t i = 0; i < QUIT_COUNT; i++) {
    if (quit_caught[i]) sigaction(quit_signals[i], &previous_quit[i], NULL);
  }
  for (size_t i = 0; i < FATAL_COUNT; i++) {
    if (fatal_caught[i]) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
  }
  for (size_t i = 0; i < ending_count; i++) {
    if (ending_caught[i]) sigaction(ending_list[i], &previous_ending[i], NULL);
  }
  sigaction(SIGCONT, &previous_cont, NULL);
  installed = 0;
  // The screen has ended: a later crash must not write rmcup or reset modes the shell now owns.
  reset_length = 0;
  termios_fd = -1;
}
