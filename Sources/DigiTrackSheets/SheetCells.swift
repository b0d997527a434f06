import DigiTrackModel

/// One cell's value as the file holds it.
public enum CellValue: Sendable, Equatable {
  case text(String)
  case number(Double)
  case boolean(Bool)
  /// A formula error such as `#N/A`.
  case error(String)

  /// The text a person sees (numbers without a trailing ".0").
  public var display: String {
    switch self {
    case .text(let text): text
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .error(let text): text
    }
  }
}

/// The cells of one sheet (or of a CSV file), row by row, zero-based.
public struct SheetCells: Sendable {
  /// The sheet's name; nil for a CSV file, which has no sheets.
  public var name: String?
  public private(set) var rows: [[CellValue?]] = []

  public init(name: String?) { self.name = name }

  public mutating func set(row: Int, column: Int, _ value: CellValue) {
    if rows.count <= row { rows.append(contentsOf: repeatElement([], count: row + 1 - rows.count)) }
    if rows[row].count <= column {
      rows[row].append(contentsOf: repeatElement(nil, count: column + 1 - rows[row].count))
    }
    rows[row][column] = value
  }

  /// A whole row at once, as a sheet's reader collects it; cells already in that row (a row that
  /// a damaged file repeats) are kept where the new row has none, as `set` would.
  public mutating func set(row: Int, _ values: [CellValue?]) {
    if rows.count <= row { rows.append(contentsOf: repeatElement([], count: row + 1 - rows.count)) }
    if rows[row].isEmpty {
      rows[row] = values
    } else {
      for (column, value) in values.enumerated() { if let value { set(row: row, column: column, value) } }
    }
  }

  public func value(row: Int, column: Int) -> CellValue? {
    guard row < rows.count, column < rows[row].count else { return nil }
    return rows[row][column]
  }

  /// Whether no cell holds anything but spaces.
  public var isEmpty: Bool {
    !rows.contains { row in row.contains { cell in cell.map { !$0.display.allSatisfy(\.isWhitespace) } ?? false } }
  }
}

/// A problem in an input file, placed as precisely as the file allows:
/// `lang-son.xlsx: Tiêu chí cấp tỉnh!E24: "Xnah" is not a status (did you mean "Xanh"?)`.
public struct FormProblem: Error, Sendable, CustomStringConvertible, Equatable {
  public var file: String
  public var sheet: String?
  /// A cell such as "E24", a row such as "24" or a column such as "E"; nil for the whole sheet.
  public var cell: String?
  /// What is wrong, in Vietnamese and in English (`LocalizedText.text(vi, en)` where it is found).
  public var message: LocalizedText

  public init(file: String, sheet: String? = nil, cell: String? = nil, message: LocalizedText) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.message = message
  }

  /// In English, as tools and logs read it.
  public var description: String { description(in: .en) }

  /// `file: Sheet!E24: message`: the place the same in both languages, the message in `language`.
  public func description(in language: Language) -> String {
    var place = file + ":"
    switch (sheet, cell) {
    case (let sheet?, let cell?): place += " \(sheet)!\(cell):"
    case (let sheet?, nil): place += " \(sheet):"
    case (nil, let cell?): place += " \(cell):"
    case (nil, nil): break
    }
    return "\(place) \(message[language])"
  }
}
