import Foundation

/// `xl/workbook.xml`: the sheets, in order, with the relation that names each one's part.
final class WorkbookHandler: XMLHandler {
  struct Sheet {
    var name: String
    var relation: String
  }

  private(set) var sheets: [Sheet] = []

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    guard strcmp(name, "sheet") == 0, let sheet = attributes.string("name") else { return }
    sheets.append(Sheet(name: sheet, relation: attributes.string("id") ?? ""))
  }
}

/// `xl/_rels/workbook.xml.rels`: relation id → part path.
final class RelationsHandler: XMLHandler {
  private(set) var targets: [String: String] = [:]

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    guard strcmp(name, "Relationship") == 0, let id = attributes.string("Id"),
      let target = attributes.string("Target")
    else { return }
    targets[id] = target
  }
}

/// `xl/sharedStrings.xml`: the text of every `<si>`, its runs joined; phonetic runs left out.
final class SharedStringsHandler: XMLHandler {
  private(set) var strings: [String] = []
  private var buffer: [UInt8] = []
  private var inText = false
  private var phonetic = 0

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    if strcmp(name, "si") == 0 {
      buffer.removeAll(keepingCapacity: true)
    } else if strcmp(name, "t") == 0 {
      inText = phonetic == 0
    } else if strcmp(name, "rPh") == 0 {
      phonetic += 1
    }
  }

  override func end(_ name: UnsafePointer<CChar>) {
    if strcmp(name, "si") == 0 {
      strings.append(String(decoding: buffer, as: UTF8.self))
    } else if strcmp(name, "t") == 0 {
      inText = false
    } else if strcmp(name, "rPh") == 0 {
      phonetic -= 1
    }
  }

  override func text(_ bytes: UnsafeBufferPointer<CChar>) {
    if inText { buffer.append(contentsOf: UnsafeRawBufferPointer(bytes)) }
  }
}

/// A worksheet part: `<row>`s of `<c>` cells, with shared, inline, formula, boolean, error and
/// number values. Cells without an `r` take the next column, as the format allows.
final class SheetHandler: XMLHandler {
  /// Excel's own limits; a reference past them is a damaged or hostile file.
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  private(set) var cells: SheetCells
  private let strings: [String]
  private var row = -1
  private var column = -1
  private var type: UInt8 = 0  // first letter of t: s(hared)/i(nline)/(s)t(r)/b/e, 0 = number
  private var isStr = false
  private var buffer: [UInt8] = []
  private var collecting = false
  private var hasValue = false

  init(name: String, strings: [String]) {
    cells = SheetCells(name: name)
    self.strings = strings
  }

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    switch (name[0], name[1]) {
    case (0x63, 0):  // c
      let (reference, t) = attributes.values("r", "t")
      if let reference, let (cellRow, cellColumn) = Self.parse(reference) {
        row = cellRow
        column = cellColumn
      } else {
        column += 1
      }
      type = t?.pointee.magnitude ?? 0
      isStr = t.map { strcmp($0, "str") == 0 } ?? false
      buffer.removeAll(keepingCapacity: true)
      hasValue = false
    case (0x76, 0):  // v
      collecting = true
      hasValue = true
    case (0x74, 0):  // t, inside <is>
      collecting = type == UInt8(ascii: "i")
      hasValue = hasValue || collecting
    default:
      if strcmp(name, "row") == 0 {
        if let reference = attributes.value("r"), let number = Self.decimal(reference), number >= 1 {
          row = number - 1
        } else {
          row += 1
        }
        column = -1
      }
    }
  }

  override func end(_ name: UnsafePointer<CChar>) {
    switch (name[0], name[1]) {
    case (0x76, 0), (0x74, 0): collecting = false
    case (0x63, 0): finishCell()
    default: break
    }
  }

  override func text(_ bytes: UnsafeBufferPointer<CChar>) {
    if collecting { buffer.append(contentsOf: UnsafeRawBufferPointer(bytes)) }
  }

  private func finishCell() {
    guard hasValue, row >= 0, row < Self.maxRows, column >= 0, column < Self.maxColumns else { return }
    // Shared-string indices and numbers, most of a sheet's cells, are read from the bytes: no
    // String is built for them.
    let value: CellValue
    if isStr {
      value = .text(String(decoding: buffer, as: UTF8.self))
    } else {
      switch type {
      case UInt8(ascii: "s"):
        guard let index = Self.decimal(buffer), strings.indices.contains(index) else { return }
        value = .text(strings[index])
      case UInt8(ascii: "i"): value = .text(String(decoding: buffer, as: UTF8.self))
      case UInt8(ascii: "b"): value = .boolean(buffer == [UInt8(ascii: "1")])
      case UInt8(ascii: "e"): value = .error(String(decoding: buffer, as: UTF8.self))
      default:
        guard let number = Self.number(buffer) else { return }
        value = .number(number)
      }
    }
    cells.set(row: row, column: column, value)
  }

  /// "AB12" → (11, 27), zero-based; nil past Excel's limits.
  /// A whole decimal number of at most 9 digits, or nil.
  static func decimal<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  static func decimal(_ text: UnsafePointer<CChar>) -> Int? {
    decimal(UnsafeRawBufferPointer(start: text, count: strlen(text)))
  }

  /// The cell's number as `Double(String)` reads it; whole numbers (counts, most of a form's
  /// numbers) without building a String. Not `strtod`, which follows the locale's decimal mark.
  static func number(_ bytes: [UInt8]) -> Double? {
    if let whole = decimal(bytes) { return Double(whole) }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  static func parse(_ reference: UnsafePointer<CChar>) -> (Int, Int)? {
    var cursor = reference
    var column = 0
    while cursor.pointee >= 0x41, cursor.pointee <= 0x5A {
      column = column * 26 + Int(cursor.pointee - 0x40)
      if column > maxColumns { return nil }
      cursor += 1
    }
    var row = 0
    while cursor.pointee >= 0x30, cursor.pointee <= 0x39 {
      row = row * 10 + Int(cursor.pointee - 0x30)
      if row > maxRows { return nil }
      cursor += 1
    }
    guard cursor.pointee == 0, column > 0, row > 0 else { return nil }
    return (row - 1, column - 1)
  }
}
