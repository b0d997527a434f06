import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// `--data DIR`: a folder's JSON and spreadsheet parts as one dataset, bad files listed and left
/// out, conflicts refused unless `--prefer` decides them (issue 13, item 3).
@Suite struct DataFolderTests {
  /// A folder `parts` holding demo.json and Lạng Sơn's form with T22 set to `word`.
  static func folder(word: String = "Xanh") throws -> String {
    let folder = try Run.folder()
    try FileManager.default.createDirectory(atPath: folder + "/parts", withIntermediateDirectories: true)
    #expect(try Run.tui(["template", "--demo", "-o", "parts/demo.json"], in: folder).status == 0)
    let form = try Run.tui(
      ["form", "--data", "parts/demo.json", "--province", "Lạng Sơn", "--snapshot", "2026-01-31", "-o", "form.xlsx"],
      in: folder)
    #expect(form.status == 0, "\(form.stderr)")
    try Run.python(RoundTripTests.setStatus("form.xlsx", "T22", word, out: "parts/lang-son.xlsx"), in: folder)
    return folder
  }

  static let province = [
    "export", "--data", "parts", "--snapshot", "2026-01-31", "--view", "province", "--province", "Lạng Sơn",
  ]

  @Test func theIssuesRoundTripThroughAFolder() throws {
    let folder = try Self.folder()
    let result = try Run.tui(Self.province, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("32/32"), "\(result.stdout)")
    #expect(result.stdout.contains("parts/"), "the folder names the data")
  }

  @Test func badFilesAreListedAndTheRestShown() throws {
    let folder = try Self.folder()
    try "{\"format\": ".write(toFile: folder + "/parts/broken.json", atomically: false, encoding: .utf8)
    try "not a zip".write(toFile: folder + "/parts/hong.xlsx", atomically: false, encoding: .utf8)
    try "ignored".write(toFile: folder + "/parts/readme.txt", atomically: false, encoding: .utf8)
    let result = try Run.tui(Self.province, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("32/32"), "\(result.stdout)")
    #expect(result.stderr.contains("broken.json"), "\(result.stderr)")
    #expect(result.stderr.contains("hong.xlsx"), "\(result.stderr)")
    #expect(!result.stderr.contains("readme.txt"), "\(result.stderr)")
    // `export` speaks the command line's default language, Vietnamese.
    #expect(result.stderr.contains("2 tệp bị bỏ qua"), "\(result.stderr)")
  }

  @Test func aConflictIsRefusedUnlessPreferDecidesIt() throws {
    let folder = try Self.folder()
    let form = try Run.tui(
      ["form", "--data", "parts/demo.json", "--province", "Lạng Sơn", "--snapshot", "2026-01-31", "-o", "f2.xlsx"],
      in: folder)
    #expect(form.status == 0)
    try Run.python(RoundTripTests.setStatus("f2.xlsx", "T22", "Đỏ", out: "parts/lang-son-2.xlsx"), in: folder)
    let refused = try Run.tui(Self.province, in: folder)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("lang-son.xlsx") && refused.stderr.contains("lang-son-2.xlsx"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--prefer"), "\(refused.stderr)")
    let preferred = try Run.tui(Self.province + ["--prefer", "lang-son.xlsx"], in: folder)
    #expect(preferred.status == 0, "\(preferred.stderr)")
    #expect(preferred.stdout.contains("32/32"), "\(preferred.stdout)")
    let other = try Run.tui(Self.province + ["--prefer", "lang-son-2.xlsx"], in: folder)
    #expect(other.status == 0, "\(other.stderr)")
    #expect(other.stdout.contains("31/32"), "\(other.stdout)")
  }

  @Test func aFolderWithoutADatasetIsRefused() throws {
    let folder = try Run.folder()
    try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
    let result = try Run.tui(["export", "--data", "empty"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("không có tệp dữ liệu .json nào đọc được"), "\(result.stderr)")
    let english = try Run.tui(["export", "--data", "empty", "--lang", "en"], in: folder)
    #expect(english.stderr.contains("empty: no readable .json dataset"), "\(english.stderr)")
  }
}
