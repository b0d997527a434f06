import CNCurses
import ChildProcess
import DigiTrackTerminal
import DigiTrackUI
import FoundationEssentials
import Glibc

/// Key to frame through the real terminal path: an ncurses screen on a pseudo-terminal of
/// 200×60, and the dashboard's own painter (`ScreenPainter`: style table, the changed rows'
/// bytes made from terminfo and written to the pseudo-terminal, skipping a frame identical to the
/// one on screen).
///
/// Each key is typed into the pseudo-terminal's master side, as a terminal emulator would send it,
/// and read back by `wget_wch` in the dashboard's key modes. A sample runs from `wget_wch`
/// returning the key, through its decoding (`TerminalInput`, as the event loop decodes it),
/// `AppState.update` and `render`, to the painter's write to the terminal returning. The wait
/// inside `wget_wch` for the byte to arrive (and, for Esc, ncurses' 25 ms Esc delay) is not
/// included. The master side is read by a thread, so writes never block.
struct KeyResult {
  static let width = 200
  static let height = 60

  var label: String
  var move: Percentiles
  var enter: Percentiles
  var escape: Percentiles
  var tab: Percentiles
  /// Median seconds of the paint alone (compare, make the bytes, write) for move, Enter, Esc, Tab.
  var paint: [Double]
  /// Bytes written to the terminal per painted frame, on average.
  var bytesPerFrame: Int
  var frames: Int

  static func measure(_ data: DashboardData, label: String, keys: Int) throws -> KeyResult {
    let (presser, bytes) = try session(data) { presser in
      let provinces = presser.state.order.count
      var goingDown = true
      for index in 0..<keys {
        // Down to the last province, then back up, so that every key moves the selection.
        if presser.state.selection >= provinces - 1 { goingDown = false }
        if presser.state.selection <= 0 { goingDown = true }
        try presser.move(down: goingDown)
        if index % 4 == 0 {
          try presser.enter()
          try presser.escape()
          // Overview to matrix and back.
          try presser.tab()
          try presser.tab()
        }
      }
    }
    let samples = presser.samples
    return KeyResult(
      label: label, move: Percentiles(samples["move"] ?? []), enter: Percentiles(samples["enter"] ?? []),
      escape: Percentiles(samples["escape"] ?? []), tab: Percentiles(samples["tab"] ?? []),
      paint: ["move", "enter", "escape", "tab"].map { Timing.median(samples[$0 + " paint"] ?? []) },
      bytesPerFrame: bytes / max(1, presser.frames), frames: presser.frames)
  }

  /// Runs `keys` on a dashboard on an ncurses screen on a fresh pseudo-terminal of 200×60 (the
  /// first frame drawn), and returns the presser with its samples and the bytes written to it.
  static func session(
    _ data: DashboardData, keys: (inout KeyPresser) throws -> Void
  ) throws -> (presser: KeyPresser, bytes: Int) {
    TerminalLocale.ensureUTF8()
    let terminal = try PseudoTerminal(width: width, height: height)
    terminal.startDraining()
    guard let output = fdopen(dup(terminal.slave), "w"), let input = fdopen(dup(terminal.slave), "r") else {
      throw BenchError.terminal("fdopen on the pseudo-terminal failed")
    }
    // newterm installs its own handlers for the signals still at their defaults (SIGINT, SIGTERM,
    // SIGTSTP, SIGWINCH); the bench puts the old ones back so that Ctrl-C later still just stops it.
    let signals = [SIGINT, SIGTERM, SIGTSTP, SIGWINCH]
    var saved: [sigaction] = []
    for signal in signals {
      var old = sigaction()
      sigaction(signal, nil, &old)
      saved.append(old)
    }
    defer { for (index, signal) in signals.enumerated() { sigaction(signal, &saved[index], nil) } }
    guard let screen = newterm("xterm-256color", output, input) else {
      throw BenchError.terminal("newterm: no terminfo entry for xterm-256color")
    }
    // The modes TerminalSession sets that change what a refresh writes or how keys are read.
    cbreak()
    noecho()
    nonl()
    curs_set(0)
    TerminalInput.useDashboardKeyModes()
    // A key that never arrives fails the run instead of hanging it.
    wtimeout(dt_stdscr(), 5000)

    var presser = KeyPresser(
      terminal: terminal,
      state: AppState(
        data: data, options: DisplayOptions(language: .vi, unicode: true), width: width, height: height),
      output: fileno(output))
    try presser.start()
    try keys(&presser)
    endwin()
    delscreen(screen)
    fclose(output)
    fclose(input)
    let bytes = terminal.finishDraining()
    return (presser, bytes)
  }

  static func table(_ results: [KeyResult]) -> TextTable {
    var table = TextTable([
      "data", "move", "move p99", "Enter", "Enter p99", "Esc", "Esc p99", "Tab", "Tab p99", "bytes/frame",
    ])
    for result in results {
      let columns = [result.move, result.enter, result.escape, result.tab].flatMap {
        [Format.duration($0.median), Format.duration($0.p99)]
      }
      table.add([result.label] + columns + ["\(result.bytesPerFrame)"])
    }
    return table
  }

  /// Of each key's time, the median of the paint alone: compare, make the bytes, write them.
  static func paintTable(_ results: [KeyResult]) -> TextTable {
    var table = TextTable(["data", "move paint", "Enter paint", "Esc paint", "Tab paint"])
    for result in results {
      table.add([result.label] + result.paint.map(Format.duration))
    }
    return table
  }
}

/// ncursesw draws Vietnamese only in a UTF-8 locale: the user's, or C.UTF-8 when that is not one.
enum TerminalLocale {
  static func ensureUTF8() {
    setlocale(LC_ALL, "")
    if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }
}
