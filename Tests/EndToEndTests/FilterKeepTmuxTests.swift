import Foundation
import TestSupport
import Testing

/// Issue 12 items 7 and 16 in a real terminal: a filter typed as people type it ("hanoi"), kept
/// with Enter, sorted with s, and exported with e, and the export says it is filtered.
@Suite(.serialized) struct FilterKeepTmuxTests {
  @Test func aKeptFilterIsSortedAndExportedAsFiltered() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let tmux = try Tmux(
      width: 100, height: 30, command: "\(Tmux.quote(Binary.path)) --export-dir \(Tmux.quote(folder))")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("/")
    try tmux.type("hanoi")
    try tmux.keys("Enter", "s")
    try tmux.waitFor(text: "Sắp xếp: tên A→Z")
    let screen = try tmux.waitFor(text: "Lọc: hanoi")
    #expect(screen.contains("Hà Nội"))
    try tmux.keys("e", "t")
    try tmux.waitFor(text: "Đã xuất")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasPrefix("digitrack-overview-")
    }
    #expect(files.count == 1)
    guard let file = files.first else { return }
    let exported = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    #expect(exported.contains("Đã lọc theo \"hanoi\": 1/34 tỉnh, thành phố"))
    try tmux.keys("q")
  }
}
