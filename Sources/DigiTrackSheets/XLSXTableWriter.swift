import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// Writes a view's export document as a workbook: `export --format xlsx` and the `e` key.
///
/// Numbers stay numbers, percentages become percentages (0–1 with a % format), codes and every
/// other text stay text (`01` keeps its zero), flags become booleans, dates become dates, and a
/// status shows the screen's glyph and word on the theme's fill. One sheet per table (the sources
/// table is the Sources sheet), each with the title, report date, data name and demo mark on
/// top and a frozen header under them, then a Legend sheet. An "illustrative" source is shown
/// with the screen's `*` mark, in the illustrative colour, with the legend as a cell comment.
public enum XLSXTableWriter {
  public static func write(
    _ document: ExportDocument, fills: StatusFills = .standard, to path: String
  ) throws(SheetWriteError) {
    let book = try XLSXBook(path: path, fills: fills)
    var used: Set<String> = []
    let strings = Strings.for(document.language)
    let messages = SheetMessages(language: document.language)
    for table in document.tables {
      let sheet = try book.addSheet(sheetName(table.title, used: &used))
      book.text(sheet, 0, 0, document.title, .title, fits: false)
      for (row, line) in document.heading.enumerated() {
        book.text(sheet, row + 1, 0, line, line == strings.illustrativeLegend ? .illustrative : .plain, fits: false)
      }
      let header = document.heading.count + 2
      for (column, heading) in table.columns.enumerated() {
        book.text(sheet, header, column, heading.title.isEmpty ? heading.key : heading.title, .header)
      }
      for (offset, row) in table.rows.enumerated() {
        for (column, value) in row.enumerated() where column < table.columns.count {
          let cell = Cell(row: header + 1 + offset, column: column, key: table.columns[column].key)
          write(book, sheet, cell, value, strings: strings, messages: messages)
        }
      }
      book.freeze(sheet, rows: header + 1, columns: 0)
    }
    let legend = try book.addSheet(sheetName(messages.legendSheet, used: &used))
    book.text(legend, 0, 0, messages.legendSheet, .title, fits: false)
    var row = 2
    for status in [Status.green, .yellow, .red, .notReported] {
      book.text(legend, row, 0, statusText(status, strings: strings), style(status))
      book.text(legend, row, 1, messages.statusMeaning(status))
      row += 1
    }
    row += 1
    book.text(legend, row, 0, strings.illustrativeMark, .illustrative)
    book.text(legend, row, 1, strings.illustrativeLegend)
    book.text(legend, row + 1, 0, messages.sourceColumn)
    book.text(legend, row + 1, 1, messages.sourceMeaning)
    try book.close()
  }

  /// The workbook's bytes, for writers that place the file themselves (the one atomic writer,
  /// standard output): libxlsxwriter writes only to a path, so through a private temporary file.
  public static func bytes(_ document: ExportDocument, fills: StatusFills = .standard) throws(SheetWriteError)
    -> [UInt8]
  {
    let path = PathText.temporaryFolder() + "digitrack-export-\(getpid())-\(UUID().uuidString).xlsx"
    defer { unlink(path) }
    try write(document, fills: fills, to: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SheetWriteError(description: "\(path): cannot read back the workbook just written")
    }
    return [UInt8](data)
  }

  struct Cell {
    let row: Int
    let column: Int
    let key: String
  }

  /// Columns whose text is a name or an id, never a status word even if it reads like one.
  private static let textKeys: Set<String> = ["id", "code", "name", "label", "title", "publisher", "url", "region"]

  static func write(
    _ book: XLSXBook, _ sheet: XLSXBook.Sheet, _ cell: Cell, _ value: ExportValue, strings: Strings,
    messages: SheetMessages
  ) {
    let (row, column, key) = (cell.row, cell.column, cell.key)
    switch value {
    case .text(let text):
      let isSource = key == "source" || key.hasSuffix("_source")
      if isSource, text == "illustrative" {
        book.text(sheet, row, column, strings.illustrativeMark + " " + messages.illustrative, .illustrative)
        book.comment(sheet, row, column, strings.illustrativeLegend)
      } else if !isSource, !textKeys.contains(key), let status = Status(jsonName: text) {
        book.text(sheet, row, column, statusText(status, strings: strings), style(status))
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

  static func statusText(_ status: Status, strings: Strings) -> String {
    Glyphs.unicode.status(status) + " " + (strings.statusNames[status] ?? status.jsonName)
  }

  static func style(_ status: Status) -> XLSXBook.Style {
    switch status {
    case .green: .statusGreen
    case .yellow: .statusYellow
    case .red: .statusRed
    case .notReported: .statusNone
    }
  }

  /// At most 31 characters, none of `[]:*?/\`, unique in the workbook.
  static func sheetName(_ title: String, used: inout Set<String>) -> String {
    var cleaned = Substring(String(title.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(28)))
    // Cut at a space, the name would end in one (audit D3: 'Tiêu chí, nhiệm vụ cấp tỉnh ').
    while cleaned.last == " " { cleaned = cleaned.dropLast() }
    var name = cleaned.isEmpty ? "Sheet" : String(cleaned)
    var number = 2
    while used.contains(name.lowercased()) {
      name = cleaned + " \(number)"
      number += 1
    }
    used.insert(name.lowercased())
    return name
  }
}
