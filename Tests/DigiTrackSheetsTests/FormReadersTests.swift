import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// `import` reads the forms' cells while the dataset loads (`FormReaders.start`), then makes the
/// reports: the same reports and problems, in the same order, as reading each file whole.
@Suite struct FormReadersTests {
  static func summary(_ results: [Result<[ImportedReport], FormProblems>]) -> [String] {
    results.map { result in
      switch result {
      case .success(let reports):
        reports.map { "\($0.province) \($0.date) \($0.file) \($0.statuses)" }.joined(separator: "; ")
      case .failure(let problems): "failed: \(problems.description)"
      }
    }
  }

  @Test func cellsReadAheadGiveTheSameReportsAndProblemsInOrder() throws {
    let folder = try Run.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let vietnamese = try Demo.form(in: folder)
    let english = try Demo.form(in: folder, language: .en, name: "en.xlsx")
    try Data("not a workbook\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.xlsx"))
    let files = [vietnamese, folder + "/notes.xlsx", english, folder + "/missing.ods"].map {
      (path: $0, name: ($0 as NSString).lastPathComponent)
    }
    let importer = FormImporter(dataset: Demo.dataset)
    let ahead = Self.summary(importer.read(FormReaders().start(files: files)))
    #expect(ahead == Self.summary(importer.read(files: files)))
    #expect(ahead.count == 4)
    #expect(ahead[0].hasPrefix("\(Demo.langSon) 2026-01-31 lang-son.xlsx"), "\(ahead[0])")
    #expect(ahead[1].hasPrefix("failed: notes.xlsx:"), "\(ahead[1])")
    #expect(ahead[2].hasPrefix("\(Demo.langSon) 2026-01-31 en.xlsx"), "\(ahead[2])")
    #expect(ahead[3].hasPrefix("failed: missing.ods:"), "\(ahead[3])")
  }
}
