#include "terminal_guard.h"

#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int saved_fd = -1;
static char reset_sequence[256];
static size_t reset_length;
static volatile sig_atomic_t pending_signal;

static const int quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};

void tg_save(int fd, const char *sequence) {
  if (tcgetattr(fd, &saved_termios) == 0) saved_fd = fd;
  reset_length = 0;
  if (sequence != NULL) {
    size_t length = strlen(sequence);
    if (length >= sizeof(reset_sequence)) length = sizeof(reset_sequence) - 1;
    memcpy(reset_sequence, sequence, length);
    reset_length = length;
  }
}

void tg_restore(void) {
  if (saved_fd >= 0) tcsetattr(saved_fd, TCSAFLUSH, &saved_termios);
  if (reset_length > 0 && saved_fd >= 0) {
    ssize_t ignored = write(saved_fd, reset_sequence, reset_length);
    (void)ignored;
  }
}

static void on_quit_signal(int signal_number) { pending_signal = signal_number; }

static void on_fatal_signal(int signal_number) {
  tg_restore();
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, NULL);
  raise(signal_number);
}

void tg_install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_quit_signal;
  for (size_t i = 0; i < sizeof(quit_signals) / sizeof(quit_signals[0]); i++) {
    sigaction(quit_signals[i], &action, NULL);
  }
  action.sa_handler = on_fatal_signal;
  action.sa_flags = SA_RESETHAND;
  for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
    sigaction(fatal_signals[i], &action, NULL);
  }
}

int tg_pending_signal(void) { return pending_signal; }

void tg_uninstall(void) {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_DFL;
  for (size_t i = 0; i < sizeof(quit_signals) / sizeof(quit_signals[0]); i++) {
    sigaction(quit_signals[i], &action, NULL);
  }
  for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
    sigaction(fatal_signals[i], &action, NULL);
  }
}
