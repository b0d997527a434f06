import Foundation
import Testing

/// A FIFO that replaces the data file while the dashboard runs must not freeze it: the reload is
/// refused at once, the last good data stays, and keys still work.
@Suite(.serialized) struct SpecialFileReloadTests {
  @Test func aFIFOReplacingTheDataFileKeepsTheDashboardResponsive() throws {
    let folder = try Binary.temporaryFolder()
    let path = folder + "/tinh.json"
    try Binary.run(["template"]).stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let tmux = try Tmux(width: 160, height: 40, command: "\(Tmux.quote(Binary.path)) --data \(Tmux.quote(path))")
    try tmux.waitFor(text: "Trạng thái")

    #expect(mkfifo(folder + "/.pipe", 0o600) == 0)
    #expect(rename(folder + "/.pipe", path) == 0)
    // Without O_NONBLOCK the reload would sit in open(2) waiting for a writer, for ever.
    let refused = try tmux.waitFor(text: "FIFO", timeout: 20)
    #expect(refused.contains("Lạng Sơn"), "the last good data stays on screen:\n\(refused)")

    try tmux.keys("Tab")
    try tmux.waitFor(text: "Ma trận")
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }
}
