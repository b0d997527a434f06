import CNCurses
import ChildProcess
import DigiTrackTerminal
import DigiTrackUI

/// Types keys into the bench's pseudo-terminal and times each one from `wget_wch` returning it to
/// the frame's write to the terminal returning (see `KeyResult`).
///
/// Each kind of key ends in a function of its own (`frameAfterMove`, `frameAfterEnter`,
/// `frameAfterEscape`, `frameAfterTab`) that holds exactly the timed work, so that a profiler can
/// count it by name: `valgrind --tool=callgrind --collect-atstart=no
/// --toggle-collect='*frameAfter*' digitrack-tui bench --keys-only` (docs/PERFORMANCE.md).
struct KeyPresser {
  let terminal: PseudoTerminal
  var state: AppState
  var painter: ScreenPainter
  var samples: [String: [Double]] = [:]
  var frames = 0

  /// Call after `newterm`; `output` is the descriptor ncurses writes to.
  init(terminal: PseudoTerminal, state: AppState, output: Int32) {
    self.terminal = terminal
    self.state = state
    painter = ScreenPainter(theme: .standard, color: true, output: output)
  }

  /// The first frame, at the pseudo-terminal's size.
  mutating func start() throws {
    _ = state.update(.resize(width: KeyResult.width, height: KeyResult.height))
    if painter.paint(state.render()) { frames += 1 }
  }

  mutating func move(down: Bool) throws {
    let (status, value, start) = try type(down ? "kcud1" : "kcuu1", fallback: down ? "\u{1B}OB" : "\u{1B}OA")
    frameAfterMove(status: status, value: value, start: start)
  }

  mutating func enter() throws {
    let (status, value, start) = try type(nil, fallback: "\r")
    frameAfterEnter(status: status, value: value, start: start)
  }

  mutating func escape() throws {
    let (status, value, start) = try type(nil, fallback: "\u{1B}")
    frameAfterEscape(status: status, value: value, start: start)
  }

  mutating func tab() throws {
    let (status, value, start) = try type(nil, fallback: "\t")
    frameAfterTab(status: status, value: value, start: start)
  }

  /// Any other key, sent as `sequence` and timed under `name` (the timeline bench's `[`, `]`, `t`).
  mutating func press(_ name: String, sequence: String) throws {
    let (status, value, start) = try type(nil, fallback: sequence)
    frameAfterOther(name, status: status, value: value, start: start)
  }

  @inline(never) private mutating func frameAfterOther(_ name: String, status: Int32, value: wint_t, start: Double) {
    frame(name, status: status, value: value, start: start)
  }

  @inline(never) private mutating func frameAfterMove(status: Int32, value: wint_t, start: Double) {
    frame("move", status: status, value: value, start: start)
  }

  @inline(never) private mutating func frameAfterEnter(status: Int32, value: wint_t, start: Double) {
    frame("enter", status: status, value: value, start: start)
  }

  @inline(never) private mutating func frameAfterEscape(status: Int32, value: wint_t, start: Double) {
    frame("escape", status: status, value: value, start: start)
  }

  @inline(never) private mutating func frameAfterTab(status: Int32, value: wint_t, start: Double) {
    frame("tab", status: status, value: value, start: start)
  }

  /// Sends the terminfo capability's sequence (or `fallback`) as the terminal would, and reads it
  /// back with `wget_wch`. Returns the read and the moment it returned.
  private func type(_ capability: String?, fallback: String) throws -> (Int32, wint_t, Double) {
    let sequence = capability.flatMap { dt_terminfo_string($0).map { String(cString: $0) } } ?? fallback
    terminal.type(Array(sequence.utf8))
    var value: wint_t = 0
    let status = wget_wch(dt_stdscr(), &value)
    let start = monotonicSeconds()
    guard status != ERR else { throw BenchError.terminal("the key \(sequence.debugDescription) never arrived") }
    return (status, value, start)
  }

  /// Decodes the key as the event loop does, updates, renders and paints; records the times.
  /// Not inlined: four `frameAfter…` holding the same large body would be merged by the optimizer
  /// into one behind tail-jumping thunks, which callgrind's --toggle-collect cannot tell apart.
  @inline(never) private mutating func frame(_ name: String, status: Int32, value: wint_t, start: Double) {
    if let event = TerminalInput.event(status: status, value: value) { _ = state.update(event) }
    let canvas = state.render()
    let painting = monotonicSeconds()
    if painter.paint(canvas) { frames += 1 }
    let end = monotonicSeconds()
    samples[name, default: []].append(end - start)
    samples[name + " paint", default: []].append(end - painting)
  }
}
