import Foundation
import TestSupport
import Testing

/// The real binary in a real terminal (tmux), checked as a person would see it.
@Suite(.serialized) struct DashboardTests {
  static var binary: String { Tmux.quote(Binary.path) }

  @Test func startsOnTheOverview() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    let screen = try tmux.waitFor(text: "Lạng Sơn")
    #expect(screen.contains("DigiTrack"))
    #expect(screen.contains("4.450.000 / 5.300.000"))
    #expect(screen.contains("số liệu minh họa"))
    #expect(screen.contains("q thoát"))
    try tmux.keys("q")
  }

  @Test func downThreeTimesAndEnterOpensTheFourthProvince() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    let fourth = try Binary.run(["export", "--format", "csv"]).stdout.split(separator: "\r\n")[4].split(separator: ",")[
      3]
    try tmux.keys("Down", "Down", "Down", "Enter")
    let screen = try tmux.waitFor(text: "Kết quả xanh hóa tiêu chí, nhiệm vụ")
    #expect(
      screen.split(separator: "\n").first?.contains(fourth) == true, "expected \(fourth) in the title:\n\(screen)")
  }

  @Test func filterWithoutDiacriticsOpensLangSon() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("/")
    try tmux.type("lang son")
    // The first Enter keeps the filter, the second opens the selected (only) row.
    try tmux.keys("Enter", "Enter")
    let screen = try tmux.waitFor(text: "Kết quả xanh hóa tiêu chí, nhiệm vụ")
    #expect(screen.split(separator: "\n").first?.contains("Lạng Sơn") == true)
    #expect(screen.contains("31/32"))
  }

  @Test func exportKeyWritesEveryScreenLineButTheStatusLine() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let tmux = try Tmux(width: 100, height: 30, command: "\(Self.binary) --export-dir \(Tmux.quote(folder))")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
    // Keys are handled in order: once the help that `?` opens has come and gone, every Down has
    // been handled and drawn.
    try tmux.keys("?")
    try tmux.waitFor(text: "Trợ giúp: phím tắt")
    try tmux.keys("Escape")
    let before = try tmux.waitFor("the help to close") {
      !$0.contains("Trợ giúp: phím tắt") && $0.contains("Trạng thái")
    }
    try tmux.keys("e", "t")
    let after = try tmux.waitFor(text: "Đã xuất")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasPrefix("digitrack-overview-")
    }
    #expect(files.count == 1)
    guard let file = files.first else { return }
    let exported = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    let exportedLines = Set(exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    let lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // All but the last two rows: the status line and the key hints.
    for line in lines.prefix(28) {
      let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
      #expect(exportedLines.contains(trimmed), "missing from the export: \(trimmed)")
    }
    #expect(after.contains(folder))
    // Rows scrolled out of sight are in the file too.
    #expect(exported.contains("Sơn La"))
  }

  @Test func resizingBelowTheMinimumAndBack() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    try tmux.resize(width: 20, height: 6)
    try tmux.waitFor(text: "20×6")
    try tmux.resize(width: 120, height: 40)
    try tmux.waitFor(text: "Trạng thái")
    try tmux.resize(width: 20, height: 6)
    try tmux.waitFor(text: "20×6")
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }

  @Test func quitLeavesTheTerminalRestored() throws {
    let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile")
    try tmux.type(
      "PS1='$ '; \(Self.binary); stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo E''ND")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("q")
    let screen = try tmux.waitFor(text: "END")
    let result = screen.split(separator: "\n").last { $0.contains("END") } ?? ""
    #expect(result.contains("icanon echo") || result.contains("echo icanon"), "stty after quitting: \(result)")
    #expect(!result.contains("-icanon"))
    #expect(!result.contains("-echo "))
  }
}
