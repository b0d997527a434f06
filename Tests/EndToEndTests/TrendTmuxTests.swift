import Foundation
import TestSupport
import Testing

/// Issue 11 items 1 and 5 in a real terminal: `]` and `[` change the report date on screen and
/// back, `t` opens the trend view, and `e` there writes what the screen shows.
@Suite(.serialized) struct TrendTmuxTests {
  @Test func bracketsChangeTheDateOnScreenAndBack() throws {
    let tmux = try Tmux(width: 100, height: 30, command: "\(Tmux.quote(Binary.path)) --snapshot first")
    try tmux.waitFor(text: "Số liệu đến ngày 31/07/2025")
    try tmux.keys("]")
    let later = try tmux.waitFor(text: "Số liệu đến ngày 29/12/2025")
    #expect(later.contains("So với ngày 31/07/2025"))
    try tmux.keys("[")
    // The screen is repainted row by row: wait for the whole of it, not its title alone. The
    // first date has nothing before it, so its change line must go.
    _ = try tmux.waitFor("the first date again, without a change line") {
      $0.contains("Số liệu đến ngày 31/07/2025") && !$0.contains("So với ngày")
    }
    try tmux.keys("q")
  }

  @Test func tOpensTheTrendAndItsExportIsTheScreen() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let tmux = try Tmux(
      width: 100, height: 30, command: "\(Tmux.quote(Binary.path)) --export-dir \(Tmux.quote(folder))")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("t")
    let screen = try tmux.waitFor(text: "2 kỳ báo cáo")
    #expect(screen.contains("Xu hướng toàn quốc"))
    #expect(screen.contains("100% ┤"))
    try tmux.keys("e", "t")
    try tmux.waitFor(text: "Đã xuất")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("digitrack-trend-") }
    #expect(files.count == 1)
    guard let file = files.first else { return }
    let exported = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func trimmed(_ line: String) -> String { String(line.reversed().drop { $0 == " " }.reversed()) }
    // The screen's rows above the status and hint lines are the export's first rows, as drawn.
    let shown = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(28).map { trimmed(String($0)) }
    #expect(Array(exported.prefix(28).map(trimmed)) == shown)
    // And the rows scrolled out of sight follow.
    #expect(exported.contains { $0.contains("Hồ sơ đảng viên đã được làm sạch") })
    try tmux.keys("t")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("q")
  }
}
