import Foundation
import TestSupport
import Testing

/// Issue 12 item 19 in a real terminal: config.json (in the XDG config folder) moves quit to `x`
/// and help to `i`; the hint bar and the help name them, `q` no longer quits and `x` does.
@Suite(.serialized) struct KeyBindingsTmuxTests {
  @Test func aRemappedQuitKeyIsShownAndQuits() throws {
    let config = try TemporaryFolder("keys")
    try FileManager.default.createDirectory(atPath: config.path + "/digitrack", withIntermediateDirectories: true)
    try #"{"lang": "en", "keys": {"quit": "x", "help": ["i"]}}"#.write(
      toFile: config.path + "/digitrack/config.json", atomically: true, encoding: .utf8)
    let tmux = try Tmux(
      width: 100, height: 40, command: Tmux.quote(Binary.path), environment: ["XDG_CONFIG_HOME": config.path])
    let first = try tmux.waitFor(text: "x quit")
    #expect(first.contains("i help"), "\(first)")
    #expect(!first.contains("q quit"))
    // `q` does nothing now: the help opened by the next key proves the dashboard is still there.
    try tmux.keys("q", "i")
    let help = try tmux.waitFor(text: "Press i or Esc to close")
    #expect(help.contains("x  Ctrl-C"), "\(help)")
    try tmux.keys("Escape", "x")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }
}
