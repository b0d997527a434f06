import Foundation
import TestSupport
import Testing

/// Issue 12 item 18 in a real terminal: `e` offers the formats in the status line, Esc cancels,
/// a format key writes that format, and the status line shows the absolute path written.
@Suite(.serialized) struct ExportPromptTmuxTests {
  @Test func eOffersTheFormatsAndShowsTheAbsolutePath() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    // A relative --export-dir: the path shown must still be absolute.
    try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
    let inFolder = "cd \(Tmux.quote(folder)) && exec \(Tmux.quote(Binary.path)) --export-dir out"
    let tmux = try Tmux(width: 140, height: 30, command: "sh -c \(Tmux.quote(inFolder))")
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("e")
    let prompt = try tmux.waitFor(text: "Xuất: t văn bản · m Markdown · c CSV · j JSON · x Excel · Esc hủy")
    #expect(prompt.contains("x Excel"))
    try tmux.keys("Escape")
    try tmux.waitFor(text: "Đã hủy xuất")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out").isEmpty)
    try tmux.keys("e", "x")
    let done = try tmux.waitFor(text: ".xlsx")
    let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    #expect(done.contains("Đã xuất tệp: \(resolved)/out/digitrack-overview-"), "\(done)")
    try tmux.keys("e", "m")
    try tmux.waitFor(text: ".md")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
    #expect(names.filter { $0.hasSuffix(".xlsx") }.count == 1, "\(names)")
    #expect(names.filter { $0.hasSuffix(".md") }.count == 1, "\(names)")
    if let workbook = names.first(where: { $0.hasSuffix(".xlsx") }) {
      let bytes = FileManager.default.contents(atPath: folder + "/out/" + workbook) ?? Data()
      #expect(bytes.starts(with: [0x50, 0x4B]), "a ZIP container")
    }
    if let markdown = names.first(where: { $0.hasSuffix(".md") }) {
      let text = try String(contentsOfFile: folder + "/out/" + markdown, encoding: .utf8)
      #expect(text.hasPrefix("# "))
    }
  }
}
