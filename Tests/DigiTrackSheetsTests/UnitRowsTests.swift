import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// The commune-level units sheet is read with shortcuts for what its rows repeat (the province's
/// code, its reference units, the status texts, each unit's position: `CommuneSheetReader`). Each
/// shortcut holds only for a String that is bit for bit the last one; the same sheet with every
/// text a String of its own takes none of them, and must read the same, problems and all. The
/// provincial sheet's rows take the same shortcuts for the province and the status.
@Suite struct UnitRowsTests {
  /// Every text of `cells` copied into storage of its own (long texts; short ones are values).
  static func unshared(_ cells: SheetCells) -> SheetCells {
    var copy = SheetCells(name: cells.name)
    for (row, values) in cells.rows.enumerated() {
      copy.set(
        row: row,
        values.map { value in
          guard case .text(let text)? = value else { return value }
          return .text(String(decoding: Array(text.utf8), as: UTF8.self))
        })
    }
    return copy
  }

  /// What a file's cells read to: each report, or each problem, as text.
  static func outcome(_ importer: FormImporter, _ sheets: [SheetCells]) -> [String] {
    switch importer.read(.success(sheets), name: "g.xlsx") {
    case .success(let reports): reports.map { "\($0.province) \($0.statuses) \(String(describing: $0.communes))" }
    case .failure(let problems): problems.problems.map(\.description)
    }
  }

  @Test func sharedAndUnsharedTextsReadTheSame() throws {
    let folder = try Run.folder()
    let generate = ["generate", "--provinces", "3", "--communes", "30", "--criteria", "12", "-o", "g.json"]
    #expect(try Run.tui(generate, in: folder).status == 0)
    #expect(try Run.tui(["form", "--data", "g.json", "-o", "g.xlsx"], in: folder).status == 0)
    let dataset = try DatasetLoader().load(path: folder + "/g.json").dataset
    let importer = FormImporter(dataset: dataset)
    let sheets = try XLSXReader().read(path: folder + "/g.xlsx", name: "g.xlsx")
    let units = try #require(sheets.firstIndex { $0.name == FormLayout.Sheet.units.name(.vi) })
    let table = try #require(SheetTable(sheets[units]))
    let header = table.headerRow
    let (code, status) = (table.columns[.unitCode]!, table.otherHeaders[0].column)
    let rows = sheets[units].rows

    // As written, then with slips: rows of two provinces interleaved, a unit twice, a unit of
    // another province, a misspelt status repeated in one shared String, statuses in English,
    // an empty code, a deleted row.
    var edited = sheets[units]
    let (first, last) = (header + 1, rows.count - 1)
    edited.set(row: first + 1, rows[last])
    edited.set(row: last, rows[first + 1])
    edited.set(row: first + 3, column: code, rows[first + 2][code]!)
    edited.set(row: first + 5, column: code, rows[last - 1][code]!)
    let typo = CellValue.text("Chưa báo cáoo")
    for row in [first + 6, first + 7, last - 2] { edited.set(row: row, column: status, typo) }
    for row in first + 8...first + 12 { edited.set(row: row, column: status, .text("green")) }
    edited.set(row: first + 13, column: code, .text(""))
    var deleted = edited.rows
    deleted.remove(at: first + 14)
    var shortened = SheetCells(name: edited.name)
    for (row, values) in deleted.enumerated() { shortened.set(row: row, values) }

    for variant in [sheets[units], edited, shortened] {
      var shared = sheets
      shared[units] = variant
      var unshared = sheets.map(Self.unshared)
      unshared[units] = Self.unshared(variant)
      let read = Self.outcome(importer, shared)
      #expect(read == Self.outcome(importer, unshared))
      #expect(!read.isEmpty)
    }
    let problems = Self.outcome(
      importer,
      {
        var s = sheets; s[units] = edited; return s
      }())
    #expect(problems.filter { $0.contains("\"Chưa báo cáoo\" is not a status") }.count == 3)
    #expect(problems.contains { $0.contains("appears twice") })
    #expect(problems.contains { $0.contains("is not a unit of") })
    #expect(problems.contains { $0.contains("no unit code in this row") })
  }
}
