import CLibXML2
import FoundationEssentials
import Glibc

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
/// Its state is behind a pointer for the reason `SheetHandler` gives.
final class SharedStringsHandler: XMLHandler {
  private struct State {
    var strings: [String] = []
    var buffer = TextBuffer()
    var inText = false
    var phonetic = 0
  }

  private let state: UnsafeMutablePointer<State>

  override init() {
    state = .allocate(capacity: 1)
    state.initialize(to: State())
  }

  deinit {
    state.pointee.buffer.free()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var strings: [String] { state.pointee.strings }

  override func reset() {
    state.pointee.buffer.clear()
    state.pointee.strings = []
    state.pointee.inText = false
    state.pointee.phonetic = 0
  }

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    if strcmp(name, "si") == 0 {
      state.pointee.buffer.clear()
    } else if strcmp(name, "t") == 0 {
      state.pointee.inText = state.pointee.phonetic == 0
    } else if strcmp(name, "rPh") == 0 {
      state.pointee.phonetic += 1
    }
  }

  override func end(_ name: UnsafePointer<CChar>) {
    if strcmp(name, "si") == 0 {
      state.pointee.strings.append(String(decoding: state.pointee.buffer.bytes, as: UTF8.self))
    } else if strcmp(name, "t") == 0 {
      state.pointee.inText = false
    } else if strcmp(name, "rPh") == 0 {
      state.pointee.phonetic -= 1
    }
  }

  override func text(_ bytes: UnsafeBufferPointer<CChar>) {
    if state.pointee.inText { state.pointee.buffer.append(UnsafeRawBufferPointer(bytes)) }
  }
}

/// A worksheet part: `<row>`s of `<c>` cells, with shared, inline, formula, boolean, error and
/// number values. Cells without an `r` take the next column, as the format allows.
final class SheetHandler: XMLHandler {
  /// Excel's own limits; a reference past them is a damaged or hostile file.
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  /// What the callbacks change, cell after cell. It lives behind a pointer, not in stored
  /// properties: every access to a class's stored `var` is checked for exclusivity at run time,
  /// four or five per cell, and those checks were a third of our side of reading a sheet.
  private struct State {
    /// The rows read so far; the row being read is in `rowCells` until its end tag.
    var stored: SheetCells
    /// The cells of row `pendingRow`, reused from row to row: a cell is one store into it, not a
    /// write through the sheet's array of rows.
    var rowCells: [CellValue?] = []
    var pendingRow = -1
    var row = -1
    var column = -1
    var type: UInt8 = 0  // first letter of t: s(hared)/i(nline)/(s)t(r)/b/e, 0 = number
    var isStr = false
    var buffer = TextBuffer()
    var collecting = false
    var hasValue = false

    mutating func flushRow() {
      guard pendingRow >= 0 else { return }
      stored.set(row: pendingRow, rowCells)
      rowCells.removeAll(keepingCapacity: true)
      pendingRow = -1
    }

    mutating func place(_ value: CellValue, row: Int, column: Int) {
      if row != pendingRow {
        flushRow()
        pendingRow = row
      }
      // Cells come in column order, each next to the last: one append, without the generic
      // append of a run of empty cells.
      if rowCells.count == column {
        rowCells.append(value)
        return
      }
      if rowCells.count < column {
        rowCells.append(contentsOf: repeatElement(nil, count: column - rowCells.count))
        rowCells.append(value)
        return
      }
      rowCells[column] = value
    }
  }

  private let strings: [String]
  private let state: UnsafeMutablePointer<State>

  init(name: String, strings: [String]) {
    self.strings = strings
    state = .allocate(capacity: 1)
    state.initialize(to: State(stored: SheetCells(name: name)))
  }

  override func reset() {
    let name = state.pointee.stored.name
    state.pointee.buffer.free()
    state.pointee = State(stored: SheetCells(name: name))
  }

  deinit {
    state.pointee.buffer.free()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Every cell read, the last row included.
  var cells: SheetCells {
    state.pointee.flushRow()
    return state.pointee.stored
  }

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    switch (name[0], name[1]) {
    case (0x63, 0):  // c
      let (reference, t) = attributes.referenceAndType()
      startCell(at: reference.flatMap(Self.parse), type: t)
      state.pointee.buffer.clear()
    case (0x76, 0):  // v
      state.pointee.collecting = true
      state.pointee.hasValue = true
    case (0x74, 0):  // t, inside <is>
      let collecting = state.pointee.type == UInt8(ascii: "i")
      state.pointee.collecting = collecting
      if collecting { state.pointee.hasValue = true }
    default:
      if strcmp(name, "row") == 0 {
        startRow(at: attributes.value("r").flatMap(Self.decimal).flatMap { $0 >= 1 ? $0 - 1 : nil })
      }
    }
  }

  override func end(_ name: UnsafePointer<CChar>) {
    switch (name[0], name[1]) {
    case (0x76, 0), (0x74, 0): state.pointee.collecting = false
    case (0x63, 0): finishCell(state.pointee.buffer.bytes)
    default: if strcmp(name, "row") == 0 { state.pointee.flushRow() }
    }
  }

  override func text(_ bytes: UnsafeBufferPointer<CChar>) {
    if state.pointee.collecting { state.pointee.buffer.append(UnsafeRawBufferPointer(bytes)) }
  }

  override var takesRecords: Bool { true }

  /// The regular rows read directly: each record does what the events of its tags do (a cell's
  /// start, its `<v>` and text, its end), its value read in place rather than collected.
  override func records(_ records: UnsafeBufferPointer<dt_sheet_record>) {
    for record in records {
      // The place its reference names is read in C as `parse` and `decimal` read it.
      let place = record.row >= 0 ? (Int(record.row), Int(record.column)) : nil
      switch record.kind {
      case Int32(DT_CELL):
        startCell(at: place, type: Self.bytes(record.type, record.type_end))
        guard let value = record.value else { continue }
        state.pointee.hasValue = true
        state.pointee.collecting = false
        finishCell(UnsafeBufferPointer(start: value, count: record.value_end! - value))
      case Int32(DT_ROW_START): startRow(at: place?.0)
      default: state.pointee.flushRow()
      }
    }
  }

  private static func bytes(_ start: UnsafePointer<UInt8>?, _ end: UnsafePointer<UInt8>?) -> UnsafeBufferPointer<
    UInt8
  >? {
    start.map { UnsafeBufferPointer(start: $0, count: end! - $0) }
  }

  /// `row`: the zero-based row its `r` names, if any.
  private func startRow(at row: Int?) {
    if let row {
      state.pointee.row = row
    } else {
      state.pointee.row += 1
    }
    state.pointee.column = -1
  }

  /// A cell's start tag; its text, collected or not, is the caller's.
  private func startCell(at place: (Int, Int)?, type t: UnsafeBufferPointer<UInt8>?) {
    if let (cellRow, cellColumn) = place {
      state.pointee.row = cellRow
      state.pointee.column = cellColumn
    } else {
      state.pointee.column += 1
    }
    state.pointee.type = t?.first ?? 0
    // t="str", a formula's string, by its bytes.
    state.pointee.isStr = t.map { $0.count == 3 && $0[0] == 0x73 && $0[1] == 0x74 && $0[2] == 0x72 } ?? false
    state.pointee.hasValue = false
  }

  private func finishCell(_ text: UnsafeBufferPointer<UInt8>) {
    let (row, column) = (state.pointee.row, state.pointee.column)
    guard state.pointee.hasValue, row >= 0, row < Self.maxRows, column >= 0, column < Self.maxColumns else { return }
    guard let value = value(text) else { return }
    state.pointee.place(value, row: row, column: column)
  }

  /// The cell's value from its text. Shared-string indices and numbers, most of a sheet's cells,
  /// are read from the bytes: no String is built for them.
  private func value(_ buffer: UnsafeBufferPointer<UInt8>) -> CellValue? {
    if state.pointee.isStr { return .text(String(decoding: buffer, as: UTF8.self)) }
    switch state.pointee.type {
    case UInt8(ascii: "s"):
      guard let index = Self.decimal(buffer), strings.indices.contains(index) else { return nil }
      return .text(strings[index])
    case UInt8(ascii: "i"): return .text(String(decoding: buffer, as: UTF8.self))
    case UInt8(ascii: "b"): return .boolean(buffer.count == 1 && buffer[0] == UInt8(ascii: "1"))
    case UInt8(ascii: "e"): return .error(String(decoding: buffer, as: UTF8.self))
    default: return Self.number(buffer).map(CellValue.number)
    }
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

  /// The cell's number as `Double(String)` reads it; whole numbers (counts, most of a form's
  /// numbers) without building a String. Not `strtod`, which follows the locale's decimal mark.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if let whole = decimal(bytes) { return Double(whole) }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  static func parse<Bytes: Collection<UInt8>>(_ reference: Bytes) -> (Int, Int)? {
    var cursor = reference.startIndex
    var column = 0
    while cursor != reference.endIndex, reference[cursor] >= 0x41, reference[cursor] <= 0x5A {
      column = column * 26 + Int(reference[cursor] - 0x40)
      if column > maxColumns { return nil }
      cursor = reference.index(after: cursor)
    }
    var row = 0
    while cursor != reference.endIndex, reference[cursor] >= 0x30, reference[cursor] <= 0x39 {
      row = row * 10 + Int(reference[cursor] - 0x30)
      if row > maxRows { return nil }
      cursor = reference.index(after: cursor)
    }
    guard cursor == reference.endIndex, column > 0, row > 0 else { return nil }
    return (row - 1, column - 1)
  }
}
