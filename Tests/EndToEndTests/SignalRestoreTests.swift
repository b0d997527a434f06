import Foundation
import Testing

/// Every signal whose default action ends the process must leave the terminal as the shell had
/// it: alternate screen off, cursor shown, keypad and mouse reporting off, `icanon echo` back;
/// and the process must still end by that signal (status 128+N).
@Suite(.serialized) struct SignalRestoreTests {
  static var binary: String { Tmux.quote(Binary.path) }

  /// The signals README lists beside SIGINT, SIGTERM, SIGHUP and the crashes, with their Linux
  /// numbers.
  static let signals: [(String, Int)] = [
    ("QUIT", 3), ("USR1", 10), ("USR2", 12), ("PIPE", 13), ("ALRM", 14), ("XCPU", 24), ("XFSZ", 25),
    ("SYS", 31), ("VTALRM", 26), ("PROF", 27),
  ]

  @Test(arguments: signals)
  func aSignalThatEndsTheProgramRestoresTheTerminalFirst(_ signal: String, _ number: Int) throws {
    // No backtrace or core for SIGQUIT and friends: the test is about the terminal.
    let tmux = try Tmux(
      width: 100, height: 30, command: "bash --norc --noprofile", environment: ["SWIFT_BACKTRACE": "enable=no"])
    try tmux.shell("PS1='$ '; stty sane; ulimit -c 0")
    try tmux.shell(
      "\(Self.binary); echo STATUS=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo ST''TY"
    )
    try tmux.waitFor(text: "Trạng thái")
    // While the dashboard runs the modes are on: otherwise the checks below would prove nothing.
    #expect(tmux.flags.alternate == "1", "the dashboard runs on the alternate screen")
    #expect(tmux.flags.mouse == "1", "the dashboard reports the mouse")
    let session = try #require(tmux.panePID)
    let found = try Binary.runProgram("/usr/bin/pgrep", ["-s", "\(session)", "-x", "digitrack-tui"])
    let pid = try #require(Int32(found.split(separator: "\n").first.map(String.init) ?? ""))
    _ = try Binary.runProgram("/bin/kill", ["-\(signal)", "\(pid)"])

    let screen = try tmux.waitFor(text: "STTY", timeout: 20)
    let lines = screen.split(separator: "\n").map(String.init)
    #expect(
      lines.contains("STATUS=\(128 + number)"), "SIG\(signal) must end the program with 128+\(number):\n\(screen)")
    let stty = lines.last { $0.hasSuffix("STTY") } ?? ""
    #expect(stty.contains("icanon echo"), "SIG\(signal): \(stty)")
    #expect(!screen.contains("Trạng thái"), "SIG\(signal): the alternate screen must be left:\n\(screen)")
    let flags = tmux.flags
    #expect(flags.alternate == "0", "SIG\(signal): alternate screen")
    #expect(flags.cursor == "1", "SIG\(signal): cursor shown")
    #expect(flags.keypad == "0", "SIG\(signal): keypad mode")
    #expect(flags.mouse == "0", "SIG\(signal): mouse reporting")
  }
}

extension Tmux {
  /// The pane's terminal modes as tmux tracks them ("1" on, "0" off).
  var flags: (alternate: String, cursor: String, keypad: String, mouse: String) {
    let text =
      (try? run([
        "display-message", "-t", "e2e", "-p", "#{alternate_on} #{cursor_flag} #{keypad_flag} #{mouse_any_flag}",
      ]))
      ?? ""
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
    guard parts.count == 4 else { return ("?", "?", "?", "?") }
    return (parts[0], parts[1], parts[2], parts[3])
  }
}
