import DigiTrackModel
import DigiTrackUI

/// Writes export tables as a workbook, for `export --format xlsx` (issue 13, item 4).
///
/// Numbers stay numbers, percentages become percentages (0–1 with a % format), codes and every
/// other text stay text (`01` keeps its zero), flags become booleans, and a status column shows
/// the screen's glyph and word on its fill colour. One sheet per table, with a frozen header, and
/// a legend sheet that says what `*` and the colours mean. The integrator wires it to `export`:
/// the tables come from DigiTrackUI's structured export (see the report).
public enum XLSXTableWriter {
  public static func write(
    _ tables: [ExportTable], legend: [String], language: Language, to path: String
  ) throws(SheetWriteError) {
    let book = try XLSXBook(path: path)
    var used: Set<String> = []
    let strings = Strings.for(language)
    for table in tables {
      let sheet = try book.addSheet(sheetName(table.title, used: &used))
      for (column, heading) in table.columns.enumerated() {
        book.text(sheet, 0, column, heading.title, .header)
      }
      for (offset, row) in table.rows.enumerated() {
        for (column, value) in row.enumerated() where column < table.columns.count {
          let key = table.columns[column].key
          write(book, sheet, offset + 1, column, value, key: key, strings: strings)
        }
      }
      book.freeze(sheet, rows: 1, columns: 0)
    }
    let legendSheet = try book.addSheet(sheetName(language == .vi ? "Chú thích" : "Legend", used: &used))
    for (row, line) in legend.enumerated() { book.text(legendSheet, row, 0, line) }
    try book.close()
  }

  static func write(
    _ book: XLSXBook, _ sheet: XLSXBook.Sheet, _ row: Int, _ column: Int, _ value: ExportValue, key: String,
    strings: Strings
  ) {
    switch value {
    case .text(let text):
      if key == "status" || key.hasSuffix("_status"), let status = Status(jsonName: text) {
        let style: XLSXBook.Style =
          switch status {
          case .green: .statusGreen
          case .yellow: .statusYellow
          case .red: .statusRed
          case .notReported: .statusNone
          }
        book.text(
          sheet, row, column, Glyphs.unicode.status(status) + " " + (strings.statusNames[status] ?? text), style)
      } else {
        book.text(sheet, row, column, text)
      }
    case .integer(let number): book.number(sheet, row, column, Double(number))
    case .number(let number):
      if key.hasSuffix("percent") {
        book.number(sheet, row, column, number / 100, .percent)
      } else {
        book.number(sheet, row, column, number)
      }
    case .flag(let flag?), .phase(let flag?, _): book.boolean(sheet, row, column, flag)
    case .communeCount(let count, _): book.number(sheet, row, column, Double(count))
    case .date(let date): book.date(sheet, row, column, date)
    case .flag(nil), .phase(nil, _), .none: break
    }
  }

  /// At most 31 characters, none of `[]:*?/\`, unique in the workbook.
  static func sheetName(_ title: String, used: inout Set<String>) -> String {
    let cleaned = String(title.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(28))
    var name = cleaned.isEmpty ? "Sheet" : cleaned
    var number = 2
    while used.contains(name.lowercased()) {
      name = cleaned + " \(number)"
      number += 1
    }
    used.insert(name.lowercased())
    return name
  }
}
