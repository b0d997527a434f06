import Foundation
import TestSupport
import Testing

/// A real terminal for end-to-end tests: a tmux server of its own, one window, a pinned
/// environment (UTF-8, 256 colours, no user config), driven with send-keys and read with
/// capture-pane.
final class Tmux {
  let socket = "digitrack-test-" + UUID().uuidString.prefix(8)
  let home: String
  /// Removed after the server is killed (stored properties go after `deinit` has run).
  private let temporary: TemporaryFolder

  init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
    temporary = try TemporaryFolder("tmux")
    home = temporary.path
    var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": home, "XDG_CONFIG_HOME": home + "/.config"]
    env.merge(environment) { $1 }
    let exports = env.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
    try run([
      "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e",
      // The program's exit status is printed after it ends: tmux's own #{pane_dead_status} is
      // sometimes left empty on a loaded machine.
      "sh -c " + Tmux.quote("env -u NO_COLOR \(exports) \(command); echo DIGITRACK-EXIT=$?"),
    ])
    try run(["set-option", "-g", "remain-on-exit", "on"])
  }

  deinit {
    _ = try? run(["kill-server"])
  }

  static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    // Output goes through a file and the child inherits nothing else (see `Spawn`).
    let outputPath = home + "/.tmux-output-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home]
    _ = Spawn.run(
      "/usr/bin/tmux", ["-L", String(socket)] + arguments, environment: environment, outputPath: outputPath)
    return String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
  }

  func keys(_ keys: String...) throws { try run(["send-keys", "-t", "e2e"] + keys) }

  func type(_ text: String) throws { try run(["send-keys", "-t", "e2e", "-l", text]) }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The visible screen as text (`escapes` keeps the colour codes).
  func screen(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-t", "e2e", "-p"] + (escapes ? ["-e"] : []))
  }

  var paneDead: Bool { (try? run(["display-message", "-t", "e2e", "-p", "#{pane_dead}"]))?.hasPrefix("1") ?? false }

  /// The exit status of the pane's program once it has ended, as the wrapper printed it.
  var exitStatus: Int32? {
    for _ in 0..<100 {
      // With the scrollback: on a tiny pane tmux's "Pane is dead" line pushes the marker up.
      let text = (try? run(["capture-pane", "-t", "e2e", "-p", "-S", "-200"])) ?? ""
      if let range = text.range(of: #"DIGITRACK-EXIT=[0-9]+"#, options: .regularExpression) {
        return Int32(text[range].dropFirst("DIGITRACK-EXIT=".count))
      }
      usleep(50_000)
    }
    return nil
  }

  /// The process ids of the pane's shell and of what it runs.
  var panePID: Int32? {
    Int32(
      (try? run(["display-message", "-t", "e2e", "-p", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        ?? "")
  }

  /// The pane's title, which a terminal escape sequence in the data would change.
  var paneTitle: String {
    ((try? run(["display-message", "-t", "e2e", "-p", "#{pane_title}"])) ?? "").trimmingCharacters(in: .newlines)
  }

  /// Runs a command line in a pane that runs a shell (`bash --norc`), as a person would type it.
  func shell(_ line: String) throws {
    try type(line)
    try keys("Enter")
  }

  /// Polls the screen until `predicate` holds, instead of sleeping a fixed time.
  ///
  /// A frame reaches tmux in more than one write when it is large, so the first capture that
  /// matches may hold the new title over the old body. The screen is returned once it has settled:
  /// two captures in a row that are equal and both match (or, on a screen that keeps changing, the
  /// last match after a second of trying).
  @discardableResult
  func waitFor(
    _ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if predicate(last) { return try settled(from: last, predicate) }
      usleep(50_000)
    }
    Issue.record("timed out waiting for \(description); screen was:\n\(last)", sourceLocation: sourceLocation)
    return last
  }

  /// The screen once two captures in a row agree, starting from `match`; see `waitFor`.
  private func settled(from match: String, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(1)
    var last = match
    while Date() < deadline {
      usleep(30_000)
      let next = try screen()
      if next == last { return next }
      if predicate(next) { last = next }
    }
    return last
  }

  @discardableResult
  func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    try waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
  }
}
