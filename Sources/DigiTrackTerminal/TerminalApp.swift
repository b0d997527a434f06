import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

/// The interactive dashboard on a real terminal: the thin shell around `AppState`.
///
/// All behaviour lives in the terminal-free core (`update`, `render`); this only turns terminal
/// input into events, carries out effects, and copies each frame to the screen. Anything that can
/// be decided without a terminal belongs in the core, where key scripts test it.
public enum TerminalApp {
  /// Runs the dashboard full screen until the user quits, and returns the process exit status:
  /// 0 after `q`; 128+N after SIGINT, SIGTERM or SIGHUP (N the signal), as a shell reports a
  /// process killed by it, and 130 as well for a Ctrl-C that arrives as a byte rather than as
  /// SIGINT; 1 when the terminal cannot be used (the reason goes to stderr).
  ///
  /// The terminal is restored on every way out: `endwin` on return, the C signal guard on a crash.
  public static func run(state: AppState, options: TerminalOptions) -> Int32 {
    let session: TerminalSession
    switch TerminalSession.start(options: options) {
    case .success(let started): session = started
    case .failure(let error):
      let message = Array("digitrack: \(error)\n".utf8)
      _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      return 1
    }
    defer { session.end() }
    var loop = EventLoop(state: state, options: options, session: session)
    return loop.run()
  }

  /// Whether the full-screen dashboard can run: stdin and stdout are terminals and TERM names one
  /// that can address the screen. Otherwise the command line prints the view as text instead.
  public static func isInteractiveTerminal() -> Bool {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      return false
    }
    return term != "dumb"
  }
}

/// Reads input, updates the state, carries out effects and paints changed frames, until quit.
///
/// Painting copies only the cells that differ from the last frame painted (`CanvasPainter`), and
/// nothing at all for an identical frame, so the 100 ms input timeout costs nothing while idle.
private struct EventLoop {
  var state: AppState
  let options: TerminalOptions
  let session: TerminalSession
  var painter: CanvasPainter
  let input = InputReader(timeoutMilliseconds: TerminalSession.inputTimeoutMilliseconds)
  var needsRender = true
  /// Watches the data file for changes; nil for the built-in demo.
  var watcher: FileWatcher?
  /// Results of exports written on another thread, waiting to be fed to the state.
  let finished = Mailbox()

  init(state: AppState, options: TerminalOptions, session: TerminalSession) {
    self.state = state
    self.options = options
    self.session = session
    painter = CanvasPainter(styles: session.styles)
    watcher = state.dataPath.map {
      var watcher = FileWatcher(path: $0)
      watcher.language = state.options.language
      return watcher
    }
  }

  mutating func run() -> Int32 {
    // The state was built with a guessed size; the first frame must use the real one.
    let size = session.size
    if let status = apply(.resize(width: size.width, height: size.height)) { return status }
    while true {
      if let signal = SignalGuard.pendingSignal { return 128 + signal }
      if SignalGuard.takeResumed() {
        // Back from Ctrl-Z: the shell has used the screen meanwhile.
        session.invalidateTerminal()
        painter.forget()
        needsRender = true
      }
      for event in finished.take() {
        if let status = apply(event) { return status }
      }
      switch watcher?.poll() {
      case .changed?:
        if let path = state.dataPath {
          for event in reloadEvents(path) {
            if let status = apply(event) { return status }
          }
        }
      case .unreadable(let problem)?:
        // Said at once: a deleted file or a link loop must not look like the last good reload.
        if let status = apply(.reloadFailed(problem)) { return status }
      case nil:
        break
      }
      if needsRender { paint() }
      switch input.next() {
      case .none:
        break
      case .resized(let width, let height):
        session.invalidateTerminal()
        painter.forget()
        if let status = apply(.resize(width: width, height: height)) { return status }
      case .event(let event):
        if let status = apply(event) { return status }
      }
    }
  }

  /// The data file, or the `--data DIR` folder and its bad files, read again.
  private func reloadEvents(_ path: String) -> [Event] {
    DataReload.events(
      path: path, maxBytes: options.maxDataBytes, prefer: options.preferPart, language: state.options.language)
  }

  private mutating func paint() {
    needsRender = false
    painter.paint(state.render())
  }

  /// Feeds `event` and the events its effects produce into the state. Returns the exit status
  /// when an effect asks to quit.
  private mutating func apply(_ event: Event) -> Int32? {
    var queue = [event]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      needsRender = true
      for effect in state.update(next) {
        switch effect {
        case .quit:
          // Ctrl-C that reached us as a byte ends the program as the signal would have.
          if case .key(.interrupt) = next { return 128 + SIGINT }
          // `q` right after `e`: the export asked for is finished, not left as a temporary file.
          finished.waitUntilIdle()
          return 0
        case .export(let request):
          // The document is built and written on another thread, so a large view never freezes
          // the keys; the result comes back through the mailbox as `.exportFinished`.
          let directory = options.exportDirectory
          let theme = options.theme
          let mailbox = finished
          mailbox.begin()
          let language = state.options.language
          DetachedThread.start {
            let result = ExportFiles.write(request, directory: directory, theme: theme, language: language)
            mailbox.post(.exportFinished(result))
          }
        case .reload(let path):
          watcher?.markLoaded()
          queue += reloadEvents(path)
        }
      }
    }
    return nil
  }
}

/// Events posted from other threads (finished exports) for the input loop to pick up, and how many
/// of those threads are still at work.
final class Mailbox: @unchecked Sendable {
  private let condition = Condition()
  private var events: [Event] = []
  private var running = 0

  /// Called before starting a thread that will `post` once.
  func begin() {
    condition.lock()
    running += 1
    condition.unlock()
  }

  func post(_ event: Event) {
    condition.lock()
    events.append(event)
    running -= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Every event posted since the last call, oldest first.
  func take() -> [Event] {
    condition.lock()
    defer { condition.unlock() }
    let taken = events
    events = []
    return taken
  }

  /// Waits until every thread begun has posted.
  func waitUntilIdle() {
    condition.lock()
    while running > 0 { condition.wait() }
    condition.unlock()
  }
}
