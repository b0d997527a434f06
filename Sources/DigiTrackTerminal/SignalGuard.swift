import CNCurses
import CTerminalGuard
import Glibc

/// The Swift side of `CTerminalGuard`: what to save before the screen starts and what to poll.
///
/// The handlers themselves are C (Swift must not run in a signal handler). SIGINT, SIGTERM and
/// SIGHUP only raise a flag, so the loop can leave through its normal path (`endwin`, exit status
/// 128+N); crashes restore the terminal in the handler and die from the same signal, and so does
/// every other signal whose default action ends the process (SIGQUIT, SIGUSR1, SIGPIPE, SIGALRM…,
/// see terminal_guard.h). SIGTSTP and SIGWINCH are left to ncurses, which suspends and resizes
/// correctly on its own.
enum SignalGuard {
  /// Saves the terminal modes as the shell left them and installs the handlers. Must run before
  /// newterm/initscr: afterwards the modes are curses' ones, and ncurses would install its own
  /// SIGINT/SIGTERM handlers (it only takes signals that still have their default action).
  static func armBeforeScreen() {
    tg_save(STDIN_FILENO, nil)
    tg_install()
  }

  /// Records what a crash must send to leave the full-screen mode, now that terminfo is loaded.
  /// `mouse` adds the sequence that stops xterm-style mouse reports, which would otherwise turn
  /// every click in the shell into garbage.
  static func setResetSequence(mouse: Bool) {
    var sequence = ""
    for capability in ["sgr0", "cnorm", "rmkx"] { sequence += terminfoString(capability) }
    if mouse, !terminfoString("kmous").isEmpty { sequence += "\u{1B}[?1006l\u{1B}[?1000l" }
    sequence += terminfoString("rmcup")
    tg_set_reset_sequence(STDOUT_FILENO, sequence)
  }

  /// SIGINT, SIGTERM or SIGHUP received since the handlers were installed.
  static var pendingSignal: Int32? {
    let signal = tg_pending_signal()
    return signal == 0 ? nil : signal
  }

  /// True once after the process was continued from a stop (Ctrl-Z, then `fg`).
  static func takeResumed() -> Bool { tg_take_resumed() != 0 }

  /// Puts the previous handlers back once the screen has ended.
  static func disarm() { tg_uninstall() }

  /// A terminfo string with its padding specifications (`$<5>`, `$<2*/>`) removed: those are
  /// instructions for tputs, and the handler writes raw bytes.
  static func terminfoString(_ name: String) -> String {
    guard let raw = dt_terminfo_string(name) else { return "" }
    return stripPadding(String(cString: raw))
  }

  static func stripPadding(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let start = rest.firstRange(of: "$<") {
      result += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
        rest = rest[start.lowerBound...]
        break
      }
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }
}
