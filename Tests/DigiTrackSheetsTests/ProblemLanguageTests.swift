import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// The problems of forms follow the command line's language; the place stays the same.
@Suite struct ProblemLanguageTests {
  @Test func aBadStatusAndABadDateInVietnamese() throws {
    let folder = try BadFormTests.edited(
      "ws.cell(row['T22'], 9).value = 'xamh'\nws.cell(row['T23'], 9).value = 'chuối'")
    try Run.python(
      "import openpyxl\nwb = openpyxl.load_workbook('lang-son.xlsx')\nwb['Tiêu chí cấp tỉnh']['B2'] = 'hôm qua'\n"
        + "wb.save('date.xlsx')\n", in: folder)
    let result = try Run.tui(
      ["import", "bad.xlsx", "date.xlsx", "--into", "demo.json", "-o", "out.json", "--lang", "vi"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"))
    let stderr = result.stderr
    #expect(stderr.contains("bad.xlsx: Tiêu chí cấp tỉnh!I27: trạng thái \"xamh\" không hợp lệ (có phải là \"Xanh\"?)"))
    #expect(
      stderr.contains(
        "bad.xlsx: Tiêu chí cấp tỉnh!I28: trạng thái \"chuối\" không hợp lệ; dùng \"Xanh\", \"Vàng\", \"Đỏ\", \"Chưa báo cáo\" hoặc để trống"
      ), "\(stderr)")
    #expect(
      stderr.contains("date.xlsx: Tiêu chí cấp tỉnh!B2: \"hôm qua\" không phải ngày (31/01/2026 hoặc 2026-01-31)"),
      "\(stderr)")
    #expect(stderr.contains("3 lỗi; không ghi tệp nào"), "\(stderr)")
    #expect(!stderr.contains("is not a"), "\(stderr)")
  }

  /// Files that are not forms, read by the importer itself: every message has both languages.
  @Test func everyProblemHasAVietnameseAndAnEnglishMessage() throws {
    let folder = try Run.folder()
    let files: [(String, [UInt8])] = [
      ("old.xls", [0xD0, 0xCF]), ("sheet.ods", [1]), ("notes.txt", [1]), ("empty.xlsx", []),
      ("plain.xlsx", Array("hello, world".utf8)), ("latin.csv", [0x43, 0xE9, 0x0A]),
    ]
    for (name, bytes) in files {
      FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
    }
    var problems: [FormProblem] = []
    for name in files.map(\.0) + ["missing.xlsx", "missing.csv"] {
      guard case .failure(let failure) = FormImporter(dataset: Demo.dataset).read(path: folder + "/" + name) else {
        Issue.record("\(name) was read")
        continue
      }
      problems += failure.problems
    }
    problems.append(
      FormProblem(file: "f.xlsx", sheet: "S", cell: "E24", message: ProvincialSheetReader.notAStatus("x", nil, .vi)))
    problems.append(
      FormProblem(file: "f.xlsx", cell: "E", message: ProvincialSheetReader.notAStatus("x", "Xanh", .en)))
    #expect(problems.count >= 10)
    for problem in problems {
      #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty)
      #expect(problem.message.vi != problem.message.en, "\(problem)")
      #expect(problem.description == problem.description(in: .en))
      let place = String(problem.description.dropLast(problem.message.en.count))
      #expect(problem.description(in: .vi) == place + problem.message.vi)
    }
  }
}
