import CXLSXWriter
import DigiTrackModel
import FoundationEssentials
import Glibc

/// A thin, safe face of libxlsxwriter: one workbook written to one file.
///
/// libxlsxwriter keeps pointers to everything it is given until `workbook_close`, so the C strings
/// of drop-down lists are owned here and freed only after the file is written. Column widths are
/// measured from what was written, so every writer gets widths that fit without counting itself.
/// Why a workbook could not be written.
public struct SheetWriteError: Error, CustomStringConvertible {
  public let description: String
}

final class XLSXBook {
  typealias WriteError = SheetWriteError

  final class Sheet {
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Widest text per column, in characters.
    fileprivate var widths: [Int: Int] = [:]

    fileprivate init(_ handle: UnsafeMutablePointer<lxw_worksheet>) { self.handle = handle }
  }

  enum Style: CaseIterable {
    case plain, bold, header, date, unlocked, unlockedNumber, wrap, percent
    /// The dataset's title on top of an exported sheet; the illustrative mark, as on screen.
    case title, illustrative
    case statusGreen, statusYellow, statusRed, statusNone
  }

  private let workbook: UnsafeMutablePointer<lxw_workbook>
  private var styles: [Style: UnsafeMutablePointer<lxw_format>] = [:]
  private var sheets: [Sheet] = []
  private var ownedLists: [UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>] = []
  private var closed = false

  init(path: String, fills: StatusFills = .standard) throws(WriteError) {
    guard let workbook = workbook_new(path) else {
      // libxlsxwriter is loaded on first use (CXLSXWriter): say so if that is what failed.
      if let reason = dt_xlsxwriter_load_error() {
        throw WriteError(description: "\(path): cannot create the workbook: \(String(cString: reason))")
      }
      throw WriteError(description: "\(path): cannot create the workbook")
    }
    self.workbook = workbook
    for style in Style.allCases {
      let format = workbook_add_format(workbook)!
      switch style {
      case .plain: break
      case .bold: format_set_bold(format)
      case .header:
        format_set_bold(format)
        format_set_bg_color(format, 0xD9E1F2)
        format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
      case .date: format_set_num_format(format, "dd/mm/yyyy")
      case .unlocked:
        format_set_unlocked(format)
        format_set_bg_color(format, 0xFFF2CC)
      case .unlockedNumber:
        format_set_unlocked(format)
        format_set_bg_color(format, 0xFFF2CC)
        format_set_num_format(format, "0")
      case .wrap: format_set_text_wrap(format)
      case .percent: format_set_num_format(format, "0.0%")
      case .title:
        format_set_bold(format)
        format_set_font_size(format, 14)
      case .illustrative: format_set_font_color(format, 0x9C27B0)
      // Status fills with dark text: the glyph and word carry the meaning, the colour repeats it.
      case .statusGreen: format_set_bg_color(format, fills.rgb[.green] ?? 0xC6EFCE)
      case .statusYellow: format_set_bg_color(format, fills.rgb[.yellow] ?? 0xFFEB9C)
      case .statusRed: format_set_bg_color(format, fills.rgb[.red] ?? 0xFFC7CE)
      case .statusNone: format_set_bg_color(format, fills.rgb[.notReported] ?? 0xEDEDED)
      }
      styles[style] = format
    }
  }

  deinit {
    if !closed { _ = try? close() }
  }

  func addSheet(_ name: String) throws(WriteError) -> Sheet {
    guard let handle = workbook_add_worksheet(workbook, name) else {
      throw WriteError(description: "cannot add a sheet named \"\(name)\"")
    }
    let sheet = Sheet(handle)
    sheets.append(sheet)
    return sheet
  }

  /// `fits: false` for a line that may run across empty cells (a title), not widen its column.
  func text(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: String, _ style: Style = .plain, fits: Bool = true) {
    worksheet_write_string(sheet.handle, lxw_row_t(row), lxw_col_t(column), value, styles[style])
    if fits { measure(sheet, column, value.count) }
  }

  /// A note on a cell, shown when the pointer rests on it (the red corner of a spreadsheet).
  func comment(_ sheet: Sheet, _ row: Int, _ column: Int, _ text: String) {
    worksheet_write_comment(sheet.handle, lxw_row_t(row), lxw_col_t(column), text)
  }

  func number(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: Double, _ style: Style = .plain) {
    worksheet_write_number(sheet.handle, lxw_row_t(row), lxw_col_t(column), value, styles[style])
    measure(sheet, column, String(Int(value)).count)
  }

  func boolean(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: Bool) {
    worksheet_write_boolean(sheet.handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, styles[.plain])
    measure(sheet, column, 5)
  }

  /// A blank cell that still carries a style (an unlocked status cell left empty).
  func blank(_ sheet: Sheet, _ row: Int, _ column: Int, _ style: Style) {
    worksheet_write_blank(sheet.handle, lxw_row_t(row), lxw_col_t(column), styles[style])
  }

  func date(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: CalendarDate) {
    var datetime = lxw_datetime(
      year: Int32(value.year), month: Int32(value.month), day: Int32(value.day), hour: 0, min: 0, sec: 0)
    worksheet_write_datetime(sheet.handle, lxw_row_t(row), lxw_col_t(column), &datetime, styles[.date])
    measure(sheet, column, 10)
  }

  /// A drop-down of `words` on a block of cells; anything else typed there is refused.
  func dropDown(_ sheet: Sheet, rows: ClosedRange<Int>, columns: ClosedRange<Int>, words: [String]) {
    let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: words.count + 1)
    for (index, word) in words.enumerated() { list[index] = strdup(word) }
    list[words.count] = nil
    ownedLists.append(list)
    var validation = lxw_data_validation()
    validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
    validation.value_list = list
    worksheet_data_validation_range(
      sheet.handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound), lxw_row_t(rows.upperBound),
      lxw_col_t(columns.upperBound), &validation)
  }

  /// Whole numbers from 0 to `maximum` only.
  func wholeNumbers(_ sheet: Sheet, row: Int, columns: ClosedRange<Int>, maximum: Int) {
    var validation = lxw_data_validation()
    validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
    validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
    validation.minimum_number = 0
    validation.maximum_number = Double(maximum)
    worksheet_data_validation_range(
      sheet.handle, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row), lxw_col_t(columns.upperBound),
      &validation)
  }

  func freeze(_ sheet: Sheet, rows: Int, columns: Int) {
    worksheet_freeze_panes(sheet.handle, lxw_row_t(rows), lxw_col_t(columns))
  }

  /// Locks every cell not written with an unlocked style. No password: the lock guards against
  /// slips, not against a person who means to change a reference column.
  func protect(_ sheet: Sheet) {
    var options = lxw_protection()
    options.format_columns = 1
    options.format_rows = 1
    worksheet_protect(sheet.handle, nil, &options)
  }

  func fixedWidth(_ sheet: Sheet, column: Int, _ width: Int) {
    sheet.widths[column] = -width
  }

  func activate(_ sheet: Sheet) {
    worksheet_activate(sheet.handle)
  }

  private func measure(_ sheet: Sheet, _ column: Int, _ count: Int) {
    let current = sheet.widths[column] ?? 0
    if current >= 0 { sheet.widths[column] = max(current, count) }
  }

  /// Sets the widths and writes the file.
  func close() throws(WriteError) {
    guard !closed else { return }
    closed = true
    for sheet in sheets {
      for (column, width) in sheet.widths {
        let characters = width < 0 ? -width : min(max(width + 2, 6), 60)
        worksheet_set_column(sheet.handle, lxw_col_t(column), lxw_col_t(column), Double(characters), nil)
      }
    }
    let status = workbook_close(workbook)
    for list in ownedLists {
      var index = 0
      while let string = list[index] {
        free(string)
        index += 1
      }
      list.deallocate()
    }
    guard status == LXW_NO_ERROR else {
      throw WriteError(description: String(cString: lxw_strerror(status)))
    }
  }
}
