import DigiTrackModel

/// A sheet seen as a form table: its header row, which column holds what, and its data rows.
struct SheetTable {
  let cells: SheetCells
  let sheetName: String?
  let headerRow: Int
  /// Known columns → column index.
  let columns: [FormLayout.Column: Int]
  /// Headers that are not known columns, with their column index: criterion ids, or typos.
  let otherHeaders: [(header: String, column: Int)]

  /// Finds the header row: the first of the top 50 rows with at least two known column headers.
  init?(_ cells: SheetCells) {
    self.cells = cells
    sheetName = cells.name
    for row in 0..<min(cells.rows.count, 50) {
      var found: [FormLayout.Column: Int] = [:]
      var others: [(String, Int)] = []
      for (column, value) in cells.rows[row].enumerated() {
        guard let value else { continue }
        let header = FormValues.trim(value.display)
        if header.isEmpty { continue }
        if let known = FormLayout.column(header: header), found[known] == nil {
          found[known] = column
        } else {
          others.append((header, column))
        }
      }
      if found.count >= 2 {
        headerRow = row
        columns = found
        otherHeaders = others
        return
      }
    }
    return nil
  }

  var dataRows: Range<Int> { (headerRow + 1)..<max(headerRow + 1, cells.rows.count) }

  func value(_ row: Int, _ column: FormLayout.Column) -> CellValue? {
    columns[column].flatMap { cells.value(row: row, column: $0) }
  }

  func cell(_ row: Int, _ column: FormLayout.Column) -> String? {
    columns[column].map { FormLayout.cellName(row: row, column: $0) }
  }

  /// Whether a data row is blank in every column.
  func isBlank(_ row: Int) -> Bool {
    !cells.rows[row].contains { cell in
      switch cell {
      case nil: false
      // Most texts start with a visible ASCII byte: no Character is read for them.
      case .text(let text)?:
        text.utf8.first.map { (0x21..<0x80).contains($0) } == true || text.contains { !$0.isWhitespace }
      default: true
      }
    }
  }

  /// The value next to a label in the rows above the header ("Số liệu đến ngày" | 31/01/2026).
  func labelled(_ labels: [String]) -> (value: CellValue?, cell: String)? {
    let folded = Set(labels.map(StatusWords.fold))
    let exact = Set(labels)
    for row in 0..<headerRow {
      let cellsOfRow = cells.rows[row]
      for (column, value) in cellsOfRow.enumerated() {
        guard case .text(let text)? = value, text.utf8.count <= 64 else { continue }
        if exact.contains(text) || folded.contains(StatusWords.fold(text)) {
          return (cells.value(row: row, column: column + 1), FormLayout.cellName(row: row, column: column + 1))
        }
      }
    }
    return nil
  }

  /// The language the form was written in, by its headers: suggestions use its words.
  var language: Language {
    for (column, _) in columns {
      let header = cells.value(row: headerRow, column: columns[column]!)?.display ?? ""
      if StatusWords.fold(header) == StatusWords.fold(column.header(.en)),
        StatusWords.fold(header) != StatusWords.fold(column.header(.vi))
      {
        return .en
      }
    }
    return .vi
  }
}
