import CNCurses
import Glibc

/// One full-screen ncurses session: everything between taking the terminal and giving it back.
///
/// Start and end live together so the order is visible in one place: locale, saved modes and
/// signal handlers before curses starts; curses' modes; colours and mouse; and on the way out
/// `endwin` before the handlers are taken down.
struct TerminalSession {
  /// How long `get_wch` waits before the loop looks at its signal flags again.
  static let inputTimeoutMilliseconds: Int32 = 100

  private let screen: OpaquePointer
  let styles: StyleTable
  let mouseEnabled: Bool

  enum StartError: Error, CustomStringConvertible {
    case unknownTerminal(String)

    var description: String {
      switch self {
      case .unknownTerminal(let name):
        "cannot use the terminal \"\(name)\" (is TERM right, and its terminfo entry installed?)"
      }
    }
  }

  static func start(options: TerminalOptions) -> Result<TerminalSession, StartError> {
    // Without the user's locale ncursesw treats every byte above 0x7F as a separate character, and
    // Vietnamese text comes out as escape codes like M-a.
    setlocale(LC_ALL, "")
    // A launcher may start us with signals blocked (they are inherited); the dashboard needs
    // resize, suspend/resume and the quit signals delivered.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for signal in [SIGWINCH, SIGTSTP, SIGCONT, SIGINT, SIGTERM, SIGHUP] { sigaddset(&wanted, signal) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    SignalGuard.armBeforeScreen()
    guard let screen = dt_newterm() else {
      SignalGuard.disarm()
      return .failure(.unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "(unset)"))
    }

    cbreak()  // keys arrive one by one; Ctrl-C and Ctrl-Z still send their signals
    noecho()
    nonl()  // Enter arrives as \r, and the screen can use the newline for cursor moves
    _ = dt_keypad(1)
    curs_set(0)  // fails on terminals without civis: harmless
    set_escdelay(25)  // Esc is a key here; tmux and modern terminals send sequences at once
    wtimeout(dt_stdscr(), inputTimeoutMilliseconds)
    defineHomeAndEndSequences()

    let styles = StyleTable.install(theme: options.theme, colorEnabled: options.color)
    let mouse = MouseInput.enable(options.mouse)
    SignalGuard.setResetSequence(mouse: mouse)
    return .success(TerminalSession(screen: screen, styles: styles, mouseEnabled: mouse))
  }

  /// The screen's size now, as ncurses knows it.
  var size: (width: Int, height: Int) {
    (Int(dt_screen_width()), Int(dt_screen_height()))
  }

  /// Makes the next refresh clear the terminal and redraw every cell: after a resume from Ctrl-Z or
  /// a resize, what the terminal shows may no longer be what ncurses believes.
  func invalidateTerminal() {
    _ = dt_clearok_curscr()
  }

  /// Gives the terminal back. Every way out of `TerminalApp.run` passes here.
  func end() {
    endwin()
    delscreen(screen)
    SignalGuard.disarm()
  }

  /// Home and End sequences that terminfo entries often lack. With TERM=xterm-256color, ESC[1~ and
  /// ESC[4~ (what tmux sends) already mean Find and Select, which KeyDecoding maps to Home and End;
  /// the rxvt and "application mode" forms are added only when terminfo left them undefined.
  private static func defineHomeAndEndSequences() {
    let sequences: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
      ("\u{1B}OH", KEY_HOME),
      ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
    ]
    for (sequence, key) in sequences where key_defined(sequence) == 0 {
      define_key(sequence, key)
    }
  }
}
