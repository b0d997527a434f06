import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// Imported figures are illustrative unless `--source ID` names a source of the dataset, and the
/// command's own messages follow `--lang` (Vietnamese by default).
@Suite struct ImportSourceTests {
  static func filled(in folder: String) throws {
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    let form = try Run.tui(
      ["form", "--data", "demo.json", "--province", "Lạng Sơn", "--snapshot", "2026-01-31", "-o", "form.xlsx"],
      in: folder)
    #expect(form.status == 0, "\(form.stderr)")
    try Run.python(RoundTripTests.setStatus("form.xlsx", "T22", "Xanh", out: "filled.xlsx"), in: folder)
  }

  @Test func withoutASourceTheReportIsIllustrativeAndTheMessageSaysSo() throws {
    let folder = try Run.folder()
    try Self.filled(in: folder)
    let result = try Run.tui(
      ["import", "filled.xlsx", "--into", "demo.json", "-o", "out.json", "--lang", "vi"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("out.json: đã thêm 1 báo cáo của 1 tỉnh, thành phố tại ngày 2026-01-31"))
    #expect(result.stderr.contains("số liệu nhập được đánh dấu minh họa (*)"), "\(result.stderr)")
    let dataset = try DatasetLoader().load(path: folder + "/out.json").dataset
    let index = try #require(dataset.snapshots.firstIndex { $0.date == Demo.date })
    let report = try #require(dataset.snapshots[index].reports[Demo.langSon])
    #expect(report.provincialProvenance == .illustrative)
    #expect(report.communes.provenance == .illustrative)
  }

  @Test func aDeclaredSourceIsCited() throws {
    let folder = try Run.folder()
    try Self.filled(in: folder)
    let id = try #require(Demo.dataset.sources.last?.id)
    let result = try Run.tui(
      ["import", "filled.xlsx", "--into", "demo.json", "--source", id, "-o", "out.json", "--lang", "en"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 report(s) of 1 province(s) at 2026-01-31 added to a copy of demo.json"))
    #expect(!result.stderr.contains("illustrative"), "\(result.stderr)")
    let dataset = try DatasetLoader().load(path: folder + "/out.json").dataset
    let index = try #require(dataset.snapshots.firstIndex { $0.date == Demo.date })
    let report = try #require(dataset.snapshots[index].reports[Demo.langSon])
    #expect(dataset.source(of: report.provincialProvenance)?.id == id)
  }

  @Test func anUndeclaredSourceIsRefusedInTheChosenLanguage() throws {
    let folder = try Run.folder()
    try Self.filled(in: folder)
    let result = try Run.tui(
      ["import", "filled.xlsx", "--into", "demo.json", "--source", "so-tay", "-o", "out.json", "--lang", "vi"],
      in: folder)
    #expect(result.status != 0)
    #expect(result.stderr.contains("--source so-tay không có trong danh sách nguồn của dữ liệu"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"))
  }

  @Test func mergeMessagesFollowTheLanguage() {
    #expect(SheetMessages(language: .vi).merged(output: "a.json", files: 2, snapshots: 3).contains("đã gộp 2 tệp"))
    #expect(SheetMessages(language: .en).conflictsNothingWritten(1) == "1 conflict(s) or error(s); nothing written")
  }
}
