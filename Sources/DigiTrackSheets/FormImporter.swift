import DigiTrackModel
import Foundation

/// Reads filled-in forms (`.xlsx`, `.csv`) into province reports for a dataset: issue 13, item 2.
///
/// Every problem in a file is collected, each placed at its file, sheet and cell; a caller writes
/// nothing unless the list is empty.
public struct FormImporter: Sendable {
  public let dataset: Dataset
  let finder: ProvinceFinder
  /// The report date to use instead of the forms' own (`--snapshot`).
  public var date: CalendarDate?
  public var xlsx = XLSXReader()
  public var csv = CSVReader()

  public init(dataset: Dataset, date: CalendarDate? = nil) {
    self.dataset = dataset
    finder = ProvinceFinder(dataset.provinces)
    self.date = date
  }

  /// The reports of one file, or every problem it has.
  public func read(path: String, name: String? = nil) -> Result<[ImportedReport], FormProblems> {
    let name = name ?? (path as NSString).lastPathComponent
    let problems = ProblemList(file: name)
    let sheets: [SheetCells]
    do throws(FormProblem) {
      switch (path as NSString).pathExtension.lowercased() {
      case "xlsx", "xlsm": sheets = try xlsx.read(path: path, name: name)
      case "csv", "txt": sheets = [try csv.read(path: path, name: name)]
      case "xls":
        throw FormProblem(
          file: name,
          message: .text("tệp Excel 97-2003 cũ: hãy lưu lại dạng .xlsx", "an old Excel 97-2003 file: save it as .xlsx"))
      case "ods":
        throw FormProblem(
          file: name,
          message: .text(
            "chưa đọc được tệp LibreOffice .ods: hãy lưu lại dạng .xlsx hoặc .csv",
            "LibreOffice .ods is not read yet: save it as .xlsx or .csv"))
      default:
        throw FormProblem(
          file: name,
          message: .text(
            "không phải bảng tính: hãy dùng tệp .xlsx hoặc .csv", "not a spreadsheet: give an .xlsx or a .csv file"))
      }
    } catch {
      return .failure(FormProblems([error]))
    }
    if sheets.allSatisfy(\.isEmpty) {
      return .failure(
        FormProblems([
          FormProblem(
            file: name,
            message: .text(
              "tệp bảng tính trống: không trang nào có ô dữ liệu", "the workbook is empty: no sheet holds any cell"))
        ]))
    }
    var tables: [(FormLayout.Sheet, SheetTable)] = []
    for cells in sheets where !cells.isEmpty {
      let kind: FormLayout.Sheet?
      let table = SheetTable(cells)
      if let sheetName = cells.name {
        kind = FormLayout.Sheet(name: sheetName)
      } else {
        kind = table.map(Self.kind(of:))
      }
      guard let kind, kind != .instructions else { continue }
      guard let table else {
        problems.add(
          cells.name, nil,
          .text(
            "không có dòng tiêu đề (dòng có \"\(FormLayout.Column.criterionID.header(.vi))\" hoặc \"\(FormLayout.Column.provinceCode.header(.vi))\")",
            "no header row (the row with \"\(FormLayout.Column.criterionID.header(.vi))\" or \"\(FormLayout.Column.provinceCode.header(.vi))\")"
          )
        )
        continue
      }
      tables.append((kind, table))
    }
    if tables.isEmpty, problems.problems.isEmpty {
      let expected = [FormLayout.Sheet.provincial, .units, .counts].map { "\"\($0.name(.vi))\"" }.joined(
        separator: ", ")
      problems.add(
        nil, nil,
        .text(
          "tệp không có trang nào của DigiTrack (cần \(expected), hoặc tên tiếng Anh của chúng)",
          "no DigiTrack sheet in this workbook (expected \(expected), or their English names)"))
    }
    let reportDate = self.date ?? formDate(tables, problems)
    guard let reportDate, problems.problems.isEmpty else { return .failure(FormProblems(problems.problems)) }
    let provincialReader = ProvincialSheetReader(
      dataset: dataset, finder: finder, problems: problems)
    let communeReader = CommuneSheetReader(dataset: dataset, date: reportDate, provincial: provincialReader)
    var statuses: [Int: [Status]] = [:]
    var communes: [Int: ImportedCommunes] = [:]
    for (kind, table) in tables {
      checkPlan(table, problems)
      switch kind {
      case .provincial: statuses.merge(provincialReader.read(table)) { first, _ in first }
      case .units: communes.merge(communeReader.readUnits(table)) { first, _ in first }
      case .counts: communes.merge(communeReader.readCounts(table)) { first, _ in first }
      case .instructions: break
      }
    }
    for province in communes.keys.sorted() where statuses[province] == nil {
      problems.add(
        nil, nil,
        .text(
          "\(dataset.provinces[province].name) có dòng cấp xã nhưng không có dòng tiêu chí cấp tỉnh",
          "\(dataset.provinces[province].name) has commune-level rows but no provincial criteria rows"))
    }
    guard problems.problems.isEmpty else { return .failure(FormProblems(problems.problems)) }
    // A province whose rows were all left empty has not reported: it adds nothing.
    let filled = statuses.keys.filter { province in
      statuses[province]!.contains { $0 != .notReported }
        || {
          switch communes[province] {
          case nil: false
          case .counts(let green, let byCriterion)?: green != nil || byCriterion.contains { $0 != nil }
          case .units(_, _, _, let values)?: values.contains { $0 != .notReported }
          }
        }()
    }
    let reports = filled.sorted().map { province in
      ImportedReport(
        province: province, date: reportDate, file: name, statuses: statuses[province]!, communes: communes[province])
    }
    return .success(reports)
  }

  /// A CSV file has no sheet name: its headers tell what it holds.
  static func kind(of table: SheetTable) -> FormLayout.Sheet {
    if table.columns[.unitCode] != nil { return .units }
    if table.columns[.communesGreen] != nil || table.columns[.unitsTotal] != nil { return .counts }
    return .provincial
  }

  /// The report date on top of the sheets; every sheet that has one must agree.
  func formDate(_ tables: [(FormLayout.Sheet, SheetTable)], _ problems: ProblemList) -> CalendarDate? {
    var found: (CalendarDate, String?)?
    for (_, table) in tables {
      guard let (value, cell) = table.labelled(Language.allCases.map(FormLayout.dateLabel)) else { continue }
      guard let date = FormValues.date(value) else {
        problems.add(
          table.sheetName, cell,
          .text(
            "\"\(value?.display ?? "")\" không phải ngày (31/01/2026 hoặc 2026-01-31)",
            "\"\(value?.display ?? "")\" is not a date (31/01/2026 or 2026-01-31)"))
        return nil
      }
      if let (earlier, sheet) = found, earlier != date {
        problems.add(
          table.sheetName, cell,
          .text(
            "ngày báo cáo \(date) khác ngày \(earlier) ở \(sheet ?? "trang khác")",
            "report date \(date) differs from \(earlier) in \(sheet ?? "another sheet")"))
        return nil
      }
      found = (date, table.sheetName)
    }
    if found == nil {
      problems.add(
        nil, nil,
        .text(
          "biểu mẫu không ghi ngày báo cáo (\"\(FormLayout.dateLabel(.vi))\"): dùng --snapshot NGÀY",
          "the form gives no report date (\"\(FormLayout.dateLabel(.vi))\"): give --snapshot DATE"))
    }
    return found?.0
  }

  /// A form for another plan would put statuses under the wrong criteria.
  func checkPlan(_ table: SheetTable, _ problems: ProblemList) {
    guard let (value, cell) = table.labelled(Language.allCases.map(FormLayout.planLabel)) else { return }
    let code = FormValues.text(value)
    if !code.isEmpty, code != dataset.plan.code {
      problems.add(
        table.sheetName, cell,
        .text(
          "biểu mẫu dành cho kế hoạch \(code), nhưng dữ liệu theo dõi kế hoạch \(dataset.plan.code)",
          "the form is for plan \(code), but the dataset tracks \(dataset.plan.code)"))
    }
  }
}

/// Every problem of one or more files, in file order.
public struct FormProblems: Error, Sendable, CustomStringConvertible {
  public var problems: [FormProblem]

  public init(_ problems: [FormProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
