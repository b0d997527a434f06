import Foundation
import Testing

/// The `e` key's export is built and written off the input loop (issue 10 item 4's last clause):
/// a key pressed right after `e` is answered while a large province is still being exported, and
/// the result arrives later as its own event.
@Suite struct ExportWhileTypingTests {
  /// The dashboard on one province of 100,000 communes, open on that province.
  private func startOnALargeProvince() throws -> (tmux: Tmux, exports: String) {
    let folder = try Binary.temporaryFolder()
    let data = folder + "/big.json"
    let generated = try Binary.run(
      ["generate", "--provinces", "1", "--communes", "100000", "--criteria", "10", "-o", data])
    #expect(generated.status == 0, "\(generated.stderr)")
    let exports = folder + "/exports"
    try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
    let tmux = try Tmux(
      width: 120, height: 40,
      command: "\(Tmux.quote(Binary.path)) --data \(Tmux.quote(data)) --export-dir \(Tmux.quote(exports))")
    try tmux.waitFor(text: "Trạng thái", timeout: 30)
    try tmux.keys("Enter")
    try tmux.waitFor(text: "P0001", timeout: 30)
    return (tmux, exports)
  }

  @Test func quittingRightAfterEFinishesTheExport() throws {
    let (tmux, exports) = try startOnALargeProvince()
    try tmux.keys("e", "t", "q")
    // `exitStatus` waits a few seconds each time; a large export in a debug build takes longer.
    var status: Int32?
    let deadline = Date().addingTimeInterval(120)
    while status == nil, Date() < deadline { status = tmux.exitStatus }
    #expect(status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: exports)
    #expect(names.filter { $0.hasSuffix(".txt") }.count == 1, "\(names)")
    #expect(!names.contains { $0.hasPrefix(".digitrack-") }, "no temporary file is left")
  }

  @Test func aKeyAfterEIsAnsweredBeforeALargeExportFinishes() throws {
    let (tmux, exports) = try startOnALargeProvince()
    // Both keys in one write: with the export on the input loop, `?` would be read only after the
    // file was written, and its key press would clear the "exported" message before any frame.
    try tmux.keys("e", "t", "?")
    try tmux.waitFor(text: "Trợ giúp", timeout: 30)
    let done = try tmux.waitFor(text: "Đã xuất", timeout: 120)
    #expect(done.contains("Trợ giúp"), "the result came while the help overlay was open")
    let written = try FileManager.default.contentsOfDirectory(atPath: exports).filter { $0.hasSuffix(".txt") }
    #expect(written.count == 1, "\(written)")
  }
}
