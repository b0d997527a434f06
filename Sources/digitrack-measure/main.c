// digitrack-measure [--] COMMAND ARGS...: runs COMMAND with stdin, stdout and stderr on
// /dev/null and prints "STATUS WALL_SECONDS PEAK_RSS_BYTES USER_SECONDS SYSTEM_SECONDS SOURCE".
//
// Used by `digitrack-tui bench`, not meant to be typed. Linux starts a child's ru_maxrss at the
// resident size of the process that exec'd it, so wait4 would charge a child started by the
// bench with the bench's own size (and one started by this program, which SwiftPM links with
// the Swift runtime, with about 4 MB). So the child is traced, stopping only at exec and at exit (PTRACE_O_TRACEEXIT):
// at the exit stop its memory still exists, and /proc/PID/status's VmHWM is the peak of its own
// address space since exec. SOURCE says which figure was printed: "hwm", or "rusage" when
// tracing is not allowed here.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec time;
  clock_gettime(CLOCK_MONOTONIC, &time);
  return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

// VmHWM of a process, in bytes, or -1.
static long peak_of(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *file = fopen(path, "r");
  if (file == NULL) return -1;
  char line[256];
  long kilobytes = -1;
  while (fgets(line, sizeof line, file) != NULL) {
    if (strncmp(line, "VmHWM:", 6) == 0) kilobytes = strtol(line + 6, NULL, 10);
  }
  fclose(file);
  return kilobytes < 0 ? -1 : kilobytes * 1024;
}

int main(int argc, char **argv) {
  int first = (argc > 1 && strcmp(argv[1], "--") == 0) ? 2 : 1;
  if (first >= argc) {
    fprintf(stderr, "usage: digitrack-measure [--] COMMAND ARGS...\n");
    return 2;
  }
  int traced = getenv("DIGITRACK_MEASURE_NO_TRACE") == NULL;
  double start = now();
  pid_t pid = fork();
  if (pid < 0) return 126;
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    if (traced) ptrace(PTRACE_TRACEME, 0, NULL, NULL);  // stops with SIGTRAP at exec
    execvp(argv[first], argv + first);
    _exit(127);
  }
  long peak = -1;
  int status = 0;
  struct rusage usage;
  for (;;) {
    if (wait4(pid, &status, 0, &usage) < 0) {
      if (errno == EINTR) continue;
      return 126;
    }
    if (!WIFSTOPPED(status)) break;
    int signal = WSTOPSIG(status);
    if (signal == SIGTRAP && (status >> 16) == 0) {
      // The exec stop: from now on, stop once more at exit.
      if (ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACEEXIT) != 0) traced = 0;
      signal = 0;
    } else if (signal == SIGTRAP && (status >> 16) == PTRACE_EVENT_EXIT) {
      peak = peak_of(pid);
      signal = 0;
    }
    ptrace(PTRACE_CONT, pid, NULL, (void *)(long)signal);
  }
  double wall = now() - start;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int from_hwm = traced && peak > 0;
  printf("%d %.9f %ld %.6f %.6f %s\n", code, wall, from_hwm ? peak : usage.ru_maxrss * 1024L,
         (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6,
         (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6, from_hwm ? "hwm" : "rusage");
  return 0;
}
