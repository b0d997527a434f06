import Foundation
import TestSupport
import Testing

/// Signals, suspend, resize storms, hostile data, live reload and failing exports, in a real
/// terminal.
@Suite(.serialized) struct ReliabilityTests {
  static var binary: String { Tmux.quote(Binary.path) }

  /// A shell in tmux that runs the dashboard and afterwards prints its exit status and whether the
  /// terminal is back in normal mode.
  func shellRunningTheDashboard(_ arguments: String = "", environment: [String: String] = [:]) throws -> Tmux {
    let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile", environment: environment)
    try tmux.shell("PS1='$ '; stty sane")
    try tmux.shell(
      "\(Self.binary) \(arguments); echo STATUS=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo ST''TY"
    )
    try tmux.waitFor(text: "Trạng thái")
    return tmux
  }

  /// The dashboard's process id: the digitrack-tui in the pane's session (the pane's first process
  /// leads a session of its own).
  func dashboardPID(_ tmux: Tmux) throws -> Int32 {
    let session = try #require(tmux.panePID)
    let found = try Binary.runProgram("/usr/bin/pgrep", ["-s", "\(session)", "-x", "digitrack-tui"])
    return try #require(Int32(found.split(separator: "\n").first.map(String.init) ?? ""))
  }

  func afterExit(_ tmux: Tmux) throws -> (status: String, stty: String) {
    let screen = try tmux.waitFor(text: "STTY")
    let lines = screen.split(separator: "\n").map(String.init)
    let status = lines.last { $0.hasPrefix("STATUS=") } ?? ""
    let stty = lines.last { $0.hasSuffix("STTY") } ?? ""
    #expect(!screen.contains("Trạng thái"), "the alternate screen must be left:\n\(screen)")
    return (status, stty)
  }

  @Test(arguments: [("TERM", 15), ("INT", 2), ("HUP", 1)])
  func quitSignalsRestoreTheTerminalAndExitWith128PlusN(_ signal: String, _ number: Int) throws {
    let tmux = try shellRunningTheDashboard()
    let pid = try dashboardPID(tmux)
    _ = try Binary.runProgram("/bin/kill", ["-\(signal)", "\(pid)"])
    let (status, stty) = try afterExit(tmux)
    #expect(status == "STATUS=\(128 + number)")
    #expect(stty.contains("icanon echo"), "\(stty)")
  }

  @Test func aCrashRestoresTheTerminal() throws {
    let tmux = try shellRunningTheDashboard(environment: ["SWIFT_BACKTRACE": "enable=no"])
    let pid = try dashboardPID(tmux)
    _ = try Binary.runProgram("/bin/kill", ["-SEGV", "\(pid)"])
    let (status, stty) = try afterExit(tmux)
    #expect(status == "STATUS=139")
    #expect(stty.contains("icanon echo"), "\(stty)")
  }

  @Test func suspendAndResumeRedrawsTheScreen() throws {
    let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile")
    try tmux.shell("PS1='$ '; stty sane")
    // Alone on its command line: a stopped job in a list would let the list run on.
    try tmux.shell(Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("Down", "Down")
    let before = try tmux.screen()
    try tmux.keys("C-z")
    // Stopping runs curses' handler (endwin, then the stop itself): on a machine loaded by
    // parallel builds it has taken more than ten seconds. Until the shell says "Stopped", nothing
    // may be typed: it would reach the dashboard as keys.
    guard try tmux.waitFor(text: "Stopped", timeout: 60).contains("Stopped") else { return }
    try tmux.shell("stty -a | tr ' ;' '\\n\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '; echo SUS''PENDED")
    let suspended = try tmux.waitFor(text: "SUSPENDED", timeout: 30)
    #expect(suspended.contains("icanon echo SUSPENDED"), "the shell must get a normal terminal:\n\(suspended)")
    try tmux.shell("fg")
    // The redraw arrives in pieces under load: wait for the whole screen, not its first line.
    _ = try tmux.waitFor("the screen redrawn exactly as before the suspend") { $0 == before }
    try tmux.keys("q")
    try tmux.waitFor(text: "$ ")
    try tmux.shell("echo STATUS=$?; stty -a | tr ' ;' '\\n\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '; echo ST''TY")
    let (status, stty) = try afterExit(tmux)
    #expect(status == "STATUS=0")
    #expect(stty.contains("icanon echo"))
  }

  @Test func aStormOfResizesEndsInACorrectScreen() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    var generator = SeededRandom.fromEnvironment("resize storm")
    for step in 0..<100 {
      let width = Int.random(in: 1...300, using: &generator)
      let height = Int.random(in: 1...100, using: &generator)
      try tmux.resize(width: width, height: height)
      // Now and then a capture: a round trip through tmux lets some frames be drawn between
      // resizes, without a fixed sleep.
      if step % 3 == 0 { _ = try tmux.screen() }
    }
    try tmux.resize(width: 90, height: 30)
    let screen = try tmux.waitFor("the final 90×30 frame") { screen in
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return screen.contains("Trạng thái") && lines.count >= 30 && lines[29].contains("thoát")
    }
    #expect(!tmux.paneDead)
    #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 90 })
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }

  @Test func hostileNamesCannotDriveTheTerminal() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    var text = try Binary.run(["template", "--demo"]).stdout
    // A name that tries to set the terminal title and one that tries to clear the screen.
    text = text.replacingOccurrences(
      of: "\"name\": \"Lạng Sơn\"", with: #""name": "Lạng Sơn\u001b]0;HACKED\u0007\u001b]2;HACKED\u0007""#)
    text = text.replacingOccurrences(
      of: "\"name\": \"Hà Nội\"", with: #""name": "Hà Nội\u001b[2J\u001b[H\u009b2J\u202e""#)
    try text.write(toFile: folder + "/hostile.json", atomically: true, encoding: .utf8)
    let tmux = try Tmux(
      width: 120, height: 40, command: "\(Self.binary) --data \(Tmux.quote(folder + "/hostile.json"))")
    let title = tmux.paneTitle
    let screen = try tmux.waitFor(text: "Trạng thái")
    #expect(tmux.paneTitle == title)
    #expect(!tmux.paneTitle.contains("HACKED"))
    #expect(screen.contains("Hà Nội"))
    #expect(screen.contains("DigiTrack"), "the screen must not have been cleared")
    // Bring the hostile row into view with plain keys (the filter), then check it once more.
    try tmux.keys("/")
    try tmux.type("lang")
    // The whole sequence is removed from the name, payload included.
    let filtered = try tmux.waitFor("the filtered row") { $0.contains("Lạng Sơn") && !$0.contains("Hà Nội") }
    #expect(!filtered.contains("HACKED"))
    #expect(tmux.paneTitle == title)
    let export = try Binary.run(["export", "--data", folder + "/hostile.json"])
    #expect(!export.stdoutBytes.contains(0x1B))
    #expect(!export.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x9B || $0.value == 0x07 })
  }

  @Test(arguments: ["rename", "rewrite"])
  func liveReloadShowsBadDataAsAnErrorThenGoodData(_ how: String) throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let path = folder + "/tinh.json"
    let good = try Binary.run(["template", "--demo"]).stdout
    try good.write(toFile: path, atomically: true, encoding: .utf8)
    // Wide enough for the title to keep the report's label beside "Số liệu đến ngày".
    let tmux = try Tmux(width: 160, height: 40, command: "\(Self.binary) --data \(Tmux.quote(path))")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("/")
    try tmux.type("lang son")
    // The first Enter keeps the filter, the second opens the selected (only) row.
    try tmux.keys("Enter", "Enter")
    try tmux.waitFor(text: "Kết quả xanh hóa tiêu chí, nhiệm vụ")

    func replace(_ text: String) throws {
      if how == "rename" {
        try text.write(toFile: folder + "/.tmp", atomically: false, encoding: .utf8)
        _ = rename(folder + "/.tmp", path)
      } else {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
      }
    }

    try replace(String(good.prefix(500)))
    let broken = try tmux.waitFor(text: "vẫn hiển thị dữ liệu cũ")
    #expect(broken.contains("tinh.json"))
    #expect(broken.contains("Lạng Sơn"))
    #expect(broken.contains("31/32"), "the last good data stays on screen")

    let changed = good.replacingOccurrences(
      of: "\"vi\": \"Tổng kết năm 2025\"", with: "\"vi\": \"Tổng kết năm 2025, bản sửa\"")
    #expect(changed != good)
    try replace(changed)
    let reloaded = try tmux.waitFor(text: "bản sửa")
    #expect(reloaded.split(separator: "\n").first?.contains("Lạng Sơn") == true, "the open province is kept")
    #expect(!reloaded.contains("vẫn hiển thị dữ liệu cũ"))
    #expect(!tmux.paneDead)
  }

  @Test func anExportThatCannotBeWrittenIsReportedAndTheDashboardGoesOn() throws {
    let tmux = try Tmux(width: 120, height: 40, command: "\(Self.binary) --export-dir /proc")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("e", "t")
    let screen = try tmux.waitFor(text: "Không xuất được")
    #expect(screen.contains("/proc"))
    try tmux.keys("Down", "Enter")
    try tmux.waitFor(text: "Kết quả xanh hóa tiêu chí, nhiệm vụ")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter {
      $0.hasPrefix(".digitrack") || $0.hasPrefix("digitrack")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func anExportIntoAFolderRemovedMeanwhileFailsCleanly() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let tmux = try Tmux(width: 200, height: 30, command: "\(Self.binary) --export-dir \(Tmux.quote(folder))")
    try tmux.waitFor(text: "Trạng thái")
    try FileManager.default.removeItem(atPath: folder)
    try tmux.keys("e", "t")
    // The missing folder is named, in the dashboard's language (issue 16, items 4 and 7).
    let screen = try tmux.waitFor(text: "Không xuất được")
    #expect(screen.contains("chưa có thư mục \(folder)"), "\(screen)")
    #expect(!screen.contains("No such file or directory"))
    #expect(!FileManager.default.fileExists(atPath: folder))
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }
}
