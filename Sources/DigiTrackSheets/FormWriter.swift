import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// What a form is for: which provinces, which report date, which language, prefilled or blank.
public struct FormRequest: Sendable {
  public var dataset: Dataset
  /// Indices into `dataset.provinces`; every province for the central office's form.
  public var provinces: [Int]
  public var date: CalendarDate
  public var language: Language
  /// Prefill from each province's latest report at or before `date`; blank otherwise.
  public var prefill: Bool

  public init(dataset: Dataset, provinces: [Int]? = nil, date: CalendarDate, language: Language, prefill: Bool) {
    self.dataset = dataset
    self.provinces = provinces ?? Array(dataset.provinces.indices)
    self.date = date
    self.language = language
    self.prefill = prefill
  }

  /// A province's latest report at or before the form's date, when prefilling.
  func prefillReport(_ province: Int) -> Report? {
    guard prefill else { return nil }
    for snapshot in dataset.snapshots.reversed() where snapshot.date <= date {
      if let report = snapshot.reports[province] { return report }
    }
    return nil
  }
}

/// Writes the workbook a province (or the central office) fills in: issue 13, item 1.
///
/// Sheets: provincial criteria (one row per province and criterion), commune-level units (one row
/// per unit, for provinces whose report lists its units) or commune-level counts (one row per
/// province, for the others), and instructions. Reference cells are locked; the cells to fill in
/// are unlocked, shaded, and take only status words (or whole counts up to the province's total).
public enum FormWriter {
  public static func write(_ request: FormRequest, to path: String) throws(SheetWriteError) {
    let book = try XLSXBook(path: path)
    let language = request.language
    let plan = request.dataset.plan
    let words = Status.allCases.map { StatusWords.word($0, language: language) }

    let provincial = try book.addSheet(FormLayout.Sheet.provincial.name(language))
    header(book, provincial, request)
    let columns: [FormLayout.Column] = [
      .provinceCode, .provinceName, .criterionID, .criterionName, .phase, .group, .block, .deadline, .status,
    ]
    for (index, column) in columns.enumerated() {
      book.text(provincial, FormLayout.headerRow, index, column.header(language), .header)
    }
    var row = FormLayout.headerRow + 1
    for province in request.provinces {
      let report = request.prefillReport(province)
      for (position, criterionIndex) in plan.provincialCriteria.enumerated() {
        let criterion = plan.criteria[criterionIndex]
        let phase = plan.phases[criterion.phase - 1]
        book.text(provincial, row, 0, request.dataset.provinces[province].code)
        book.text(provincial, row, 1, request.dataset.provinces[province].name)
        book.text(provincial, row, 2, criterion.id)
        book.text(provincial, row, 3, criterion.name[language])
        book.text(provincial, row, 4, "\(phase.number). \(phase.name[language])")
        book.text(provincial, row, 5, plan.groups[criterion.group].name[language])
        book.text(provincial, row, 6, plan.blocks[criterion.block].name[language])
        book.date(provincial, row, 7, phase.deadline)
        statusCell(book, provincial, row, 8, report?.provincialStatuses[position], language)
        row += 1
      }
    }
    if row > FormLayout.headerRow + 1 {
      book.dropDown(provincial, rows: (FormLayout.headerRow + 1)...(row - 1), columns: 8...8, words: words)
    }
    finish(book, provincial, nameColumn: 3)

    let withUnits = request.provinces.filter { request.prefillReport($0)?.communes.units != nil }
    let withCounts = request.provinces.filter { request.prefillReport($0)?.communes.units == nil }
    if !withUnits.isEmpty { try unitsSheet(book, request, withUnits, words) }
    if !withCounts.isEmpty { try countsSheet(book, request, withCounts) }
    try instructionsSheet(book, request)
    book.activate(provincial)
    try book.close()
  }

  /// Title, report date and plan code on top, so the filled-in form says what it is.
  static func header(_ book: XLSXBook, _ sheet: XLSXBook.Sheet, _ request: FormRequest) {
    let language = request.language
    let plan = request.dataset.plan
    book.text(sheet, 0, 0, FormLayout.title(language), .bold)
    book.fixedWidth(sheet, column: 0, 12)
    book.text(sheet, FormLayout.dateRow, 0, FormLayout.dateLabel(language), .bold)
    book.date(sheet, FormLayout.dateRow, 1, request.date)
    book.text(sheet, FormLayout.planRow, 0, FormLayout.planLabel(language), .bold)
    book.text(sheet, FormLayout.planRow, 1, plan.code)
    book.text(sheet, FormLayout.planRow, 2, plan.name[language])
  }

  static func statusCell(
    _ book: XLSXBook, _ sheet: XLSXBook.Sheet, _ row: Int, _ column: Int, _ status: Status?, _ language: Language
  ) {
    if let status, status != .notReported {
      book.text(sheet, row, column, StatusWords.word(status, language: language), .unlocked)
    } else {
      book.blank(sheet, row, column, .unlocked)
    }
  }

  static func finish(_ book: XLSXBook, _ sheet: XLSXBook.Sheet, nameColumn: Int) {
    book.freeze(sheet, rows: FormLayout.headerRow + 1, columns: nameColumn + 1)
    book.protect(sheet)
  }

  static func unitsSheet(_ book: XLSXBook, _ request: FormRequest, _ provinces: [Int], _ words: [String])
    throws(SheetWriteError)
  {
    let language = request.language
    let plan = request.dataset.plan
    let sheet = try book.addSheet(FormLayout.Sheet.units.name(language))
    header(book, sheet, request)
    let fixed: [FormLayout.Column] = [.provinceCode, .provinceName, .unitCode, .unitName, .unitKind]
    for (index, column) in fixed.enumerated() {
      book.text(sheet, FormLayout.headerRow, index, column.header(language), .header)
    }
    let kindNames = Strings.for(language).unitKindNames
    for (position, criterionIndex) in plan.communeCriteria.enumerated() {
      let criterion = plan.criteria[criterionIndex]
      book.text(sheet, FormLayout.headerRow - 1, fixed.count + position, criterion.name[language], .wrap)
      book.text(sheet, FormLayout.headerRow, fixed.count + position, criterion.id, .header)
      book.fixedWidth(sheet, column: fixed.count + position, 16)
    }
    var row = FormLayout.headerRow + 1
    for province in provinces {
      guard let units = request.prefillReport(province)?.communes.units else { continue }
      for unit in 0..<units.count {
        book.text(sheet, row, 0, request.dataset.provinces[province].code)
        book.text(sheet, row, 1, request.dataset.provinces[province].name)
        book.text(sheet, row, 2, units.codes[unit])
        book.text(sheet, row, 3, units.names[unit])
        book.text(sheet, row, 4, kindNames[units.kinds[unit]] ?? units.kinds[unit].rawValue)
        for criterion in 0..<units.criteriaCount {
          statusCell(
            book, sheet, row, fixed.count + criterion, units.status(unit: unit, criterion: criterion), language)
        }
        row += 1
      }
    }
    if row > FormLayout.headerRow + 1, !plan.communeCriteria.isEmpty {
      book.dropDown(
        sheet, rows: (FormLayout.headerRow + 1)...(row - 1),
        columns: fixed.count...(fixed.count + plan.communeCriteria.count - 1), words: words)
    }
    finish(book, sheet, nameColumn: 3)
  }

  static func countsSheet(_ book: XLSXBook, _ request: FormRequest, _ provinces: [Int]) throws(SheetWriteError) {
    let language = request.language
    let plan = request.dataset.plan
    let sheet = try book.addSheet(FormLayout.Sheet.counts.name(language))
    header(book, sheet, request)
    let fixed: [FormLayout.Column] = [.provinceCode, .provinceName, .unitsTotal, .communesGreen]
    for (index, column) in fixed.enumerated() {
      book.text(sheet, FormLayout.headerRow, index, column.header(language), .header)
    }
    for (position, criterionIndex) in plan.communeCriteria.enumerated() {
      let criterion = plan.criteria[criterionIndex]
      book.text(sheet, FormLayout.headerRow - 1, fixed.count - 1 + 1 + position, criterion.name[language], .wrap)
      book.text(sheet, FormLayout.headerRow, fixed.count + position, criterion.id, .header)
      book.fixedWidth(sheet, column: fixed.count + position, 16)
    }
    var row = FormLayout.headerRow + 1
    for province in provinces {
      let info = request.dataset.provinces[province]
      let communes = request.prefillReport(province)?.communes
      book.text(sheet, row, 0, info.code)
      book.text(sheet, row, 1, info.name)
      book.number(sheet, row, 2, Double(info.units.total))
      let values = [communes?.green] + plan.communeCriteria.indices.map { communes?.byCriterion[$0] }
      for (offset, value) in values.enumerated() {
        if let value {
          book.number(sheet, row, 3 + offset, Double(value), .unlockedNumber)
        } else {
          book.blank(sheet, row, 3 + offset, .unlockedNumber)
        }
      }
      book.wholeNumbers(sheet, row: row, columns: 3...(3 + plan.communeCriteria.count), maximum: info.units.total)
      row += 1
    }
    finish(book, sheet, nameColumn: 1)
  }

  static func instructionsSheet(_ book: XLSXBook, _ request: FormRequest) throws(SheetWriteError) {
    let language = request.language
    let sheet = try book.addSheet(FormLayout.Sheet.instructions.name(language))
    let words = Status.allCases.map { StatusWords.word($0, language: language) }.joined(separator: ", ")
    let provincial = FormLayout.Sheet.provincial.name(language)
    let lines: [String] =
      language == .vi
      ? [
        FormLayout.title(language),
        "Biểu mẫu này là số liệu đến ngày ghi ở ô B2 của mỗi trang, theo kế hoạch ghi ở ô B3.",
        "Chỉ điền vào các ô tô màu vàng nhạt; các cột tham chiếu đã khóa để tránh sửa nhầm.",
        "Trạng thái: chọn một trong \(words). Để trống nghĩa là chưa báo cáo.",
        "Trang \"\(provincial)\": mỗi dòng là một tiêu chí, nhiệm vụ của một tỉnh; không xóa hay thêm dòng.",
        "Trang số liệu cấp xã: điền số đơn vị cấp xã đạt xanh, là số nguyên từ 0 đến tổng số đơn vị.",
        "Nhập lại vào DigiTrack: digitrack-tui import TỆP.xlsx --into DỮ-LIỆU.json -o KẾT-QUẢ.json",
      ]
      : [
        FormLayout.title(language),
        "This form is the report as of the date in cell B2 of each sheet, for the plan in cell B3.",
        "Fill in only the pale yellow cells; the reference columns are locked against slips.",
        "Status: choose one of \(words). Empty means not reported.",
        "Sheet \"\(provincial)\": one row per criterion of a province; do not delete or add rows.",
        "Commune-level counts: the number of units that are green, a whole number from 0 to the total.",
        "Import it into DigiTrack: digitrack-tui import FILE.xlsx --into DATA.json -o RESULT.json",
      ]
    for (row, line) in lines.enumerated() {
      book.text(sheet, row, 0, line, row == 0 ? .bold : .plain)
    }
    book.fixedWidth(sheet, column: 0, 100)
    book.protect(sheet)
  }
}
