import FoundationEssentials
import Glibc

/// `content.xml` of an OpenDocument spreadsheet: every `<table:table>` as one sheet of cells, at
/// the same rows and columns a spreadsheet program shows, so a problem is named by its cell
/// (`tinh.ods: Tiêu chí cấp tỉnh!E24: …`) exactly as in an `.xlsx` form.
///
/// A cell's value is in its attributes (`office:value-type` with `office:value`,
/// `office:date-value`, `office:boolean-value` or `office:string-value`), else in its `<text:p>`
/// paragraphs (joined by line breaks; `<text:s>`, `<text:tab>`, `<text:line-break>` read as the
/// spaces they stand for; comments left out). Rows and cells may say they repeat
/// (`table:number-rows-repeated`, `table:number-columns-repeated`): LibreOffice writes the empty
/// rest of a sheet as one row repeated a million times, which costs nothing here, as empty cells
/// are only counted. Repeated cells that hold a value are copied, and each copy is charged against
/// `budget` bytes (the per-part limit), so a small file cannot expand to unbounded memory.
final class ODSContentHandler: XMLHandler {
  private(set) var sheets: [SheetCells] = []
  /// Set when repeated cells would expand past the budget; the cells read so far are incomplete.
  private(set) var overBudget = false
  private let budget: UInt64
  private var spent: UInt64 = 0

  /// Nested tables (a table inside a cell, or inside a shape) are not sheets: only depth 1 is read.
  private var tableDepth = 0
  private var current: SheetCells?
  private var row = 0
  private var rowRepeat = 1
  private var column = 0
  /// The cells of the open row that hold a value: column, how many columns, value.
  private var rowCells: [(column: Int, count: Int, value: CellValue)] = []

  private var inCell = false
  private var cellRepeat = 1
  private var cellValue: CellValue?
  private var text: [UInt8] = []
  private var paragraphs = 0
  private var paragraphDepth = 0
  /// Inside `<office:annotation>`: a comment, not the cell's text.
  private var skipDepth = 0
  /// White space in a paragraph collapses to one space, none at its start or end (ODF 1.3,
  /// 6.1.2); `<text:s>` is how a file keeps more. Whether the last byte is such a collapsed space,
  /// and whether the next white space is dropped.
  private var collapsedSpace = false
  private var dropSpace = true

  init(budget: UInt64) { self.budget = budget }

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    if skipDepth > 0 {
      skipDepth += 1
      return
    }
    if strcmp(name, "table") == 0 {
      tableDepth += 1
      if tableDepth == 1 {
        current = SheetCells(name: attributes.string("name") ?? "")
        row = 0
      }
      return
    }
    guard tableDepth == 1 else { return }
    if strcmp(name, "table-row") == 0 {
      rowRepeat = Self.count(attributes.value("number-rows-repeated"))
      column = 0
      rowCells.removeAll(keepingCapacity: true)
    } else if strcmp(name, "table-cell") == 0 || strcmp(name, "covered-table-cell") == 0 {
      inCell = true
      cellRepeat = Self.count(attributes.value("number-columns-repeated"))
      cellValue = Self.value(attributes)
      text.removeAll(keepingCapacity: true)
      paragraphs = 0
    } else if inCell {
      switch Self.textElement(name) {
      case .paragraph:
        if paragraphs > 0 { text.append(0x0A) }
        paragraphs += 1
        paragraphDepth += 1
        (collapsedSpace, dropSpace) = (false, true)
      case .spaces where paragraphDepth > 0:
        let spaces = min(Self.count(attributes.value("c")), 1024)
        text.append(contentsOf: repeatElement(0x20, count: spaces))
        (collapsedSpace, dropSpace) = (false, false)
      case .tab where paragraphDepth > 0:
        text.append(0x09)
        (collapsedSpace, dropSpace) = (false, false)
      case .lineBreak where paragraphDepth > 0:
        text.append(0x0A)
        (collapsedSpace, dropSpace) = (false, true)
      case .annotation: skipDepth = 1
      default: break
      }
    }
  }

  override func end(_ name: UnsafePointer<CChar>) {
    if skipDepth > 0 {
      skipDepth -= 1
      return
    }
    if strcmp(name, "table") == 0 {
      if tableDepth == 1, let current { sheets.append(current) }
      tableDepth -= 1
      return
    }
    guard tableDepth == 1 else { return }
    if strcmp(name, "table-cell") == 0 || strcmp(name, "covered-table-cell") == 0 {
      finishCell()
    } else if strcmp(name, "table-row") == 0 {
      finishRow()
    } else if inCell, Self.textElement(name) == .paragraph {
      paragraphDepth -= 1
      if collapsedSpace { text.removeLast() }
      collapsedSpace = false
    }
  }

  override func text(_ bytes: UnsafeBufferPointer<CChar>) {
    guard inCell, paragraphDepth > 0, skipDepth == 0 else { return }
    for byte in UnsafeRawBufferPointer(bytes) {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        if !dropSpace {
          text.append(0x20)
          (collapsedSpace, dropSpace) = (true, true)
        }
      } else {
        text.append(byte)
        (collapsedSpace, dropSpace) = (false, false)
      }
    }
  }

  private func finishCell() {
    inCell = false
    paragraphDepth = 0
    let value = cellValue ?? (paragraphs > 0 && !text.isEmpty ? .text(String(decoding: text, as: UTF8.self)) : nil)
    if let value, column < SheetHandler.maxColumns {
      rowCells.append((column, min(cellRepeat, SheetHandler.maxColumns - column), value))
    }
    column = min(column + cellRepeat, SheetHandler.maxColumns)
  }

  /// Copies the row's values into every row it stands for, within Excel's limits and the budget.
  private func finishRow() {
    defer { row = min(row + rowRepeat, SheetHandler.maxRows) }
    guard !rowCells.isEmpty, !overBudget, row < SheetHandler.maxRows else { return }
    let rows = min(rowRepeat, SheetHandler.maxRows - row)
    var cost: UInt64 = 0
    for cell in rowCells { cost += UInt64(cell.count) * Self.cost(cell.value) }
    // The first copy of each cell was read from the file and counted as inflated bytes already.
    let (total, overflow) = cost.multipliedReportingOverflow(by: UInt64(rows))
    let copies = total - rowCells.reduce(0) { $0 + Self.cost($1.value) }
    if overflow || copies > budget - min(spent, budget) {
      overBudget = true
      return
    }
    spent += copies
    for offset in 0..<rows {
      for cell in rowCells {
        for extra in 0..<cell.count { current?.set(row: row + offset, column: cell.column + extra, cell.value) }
      }
    }
  }

  /// What one copy of a value costs in memory, near enough: the cell and its text.
  private static func cost(_ value: CellValue) -> UInt64 {
    switch value {
    case .text(let text), .error(let text): 32 + UInt64(text.utf8.count)
    default: 32
    }
  }

  /// A repeat count: a whole number ≥ 1, else 1; at most Excel's row limit.
  static func count(_ text: UnsafeBufferPointer<UInt8>?) -> Int {
    guard let text else { return 1 }
    var value = 0
    for byte in text {
      guard byte >= 0x30, byte <= 0x39 else { return 1 }
      value = min(value * 10 + Int(byte - 0x30), SheetHandler.maxRows)
    }
    return value >= 1 ? value : 1
  }

  /// The value an attribute gives; nil when the cell's text is its value (or it has none).
  static func value(_ attributes: XMLAttributes) -> CellValue? {
    guard let type = attributes.value("value-type", skipping: "calcext") else { return nil }
    func attribute(_ name: StaticString) -> String? { attributes.string(name) }
    switch String(decoding: type, as: UTF8.self) {
    case "float", "percentage", "currency":
      return attribute("value").flatMap { Double($0.trimmingSpaces()) }.map(CellValue.number)
    case "date":
      // "2026-01-31" or "2026-01-31T00:00:00": the day, as the forms' dates are read from text.
      return attribute("date-value").map { .text(String($0.prefix(10))) }
    case "boolean":
      return attribute("boolean-value").map { .boolean($0 == "true") }
    case "string":
      return attribute("string-value").map(CellValue.text)
    default:
      return nil
    }
  }

  private enum TextElement { case paragraph, spaces, tab, lineBreak, annotation, other }

  private static func textElement(_ name: UnsafePointer<CChar>) -> TextElement {
    if strcmp(name, "p") == 0 || strcmp(name, "h") == 0 { return .paragraph }
    if strcmp(name, "s") == 0 { return .spaces }
    if strcmp(name, "tab") == 0 { return .tab }
    if strcmp(name, "line-break") == 0 { return .lineBreak }
    if strcmp(name, "annotation") == 0 { return .annotation }
    return .other
  }
}

/// `META-INF/manifest.xml`: whether any part is encrypted (a password set in LibreOffice).
final class ODSManifestHandler: XMLHandler {
  private(set) var encrypted = false

  override func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {
    if strcmp(name, "encryption-data") == 0 { encrypted = true }
  }
}
