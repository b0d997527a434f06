import DigiTrackModel
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// Reads filled-in forms (`.xlsx`, `.ods`, `.csv`) into province reports for a dataset: issue 13, item 2.
///
/// Every problem in a file is collected, each placed at its file, sheet and cell; a caller writes
/// nothing unless the list is empty.
public struct FormImporter: Sendable {
  public let dataset: Dataset
  let finder: ProvinceFinder
  /// The report date to use instead of the forms' own (`--snapshot`).
  public var date: CalendarDate?
  public var readers = FormReaders()

  public init(dataset: Dataset, date: CalendarDate? = nil) {
    self.dataset = dataset
    finder = ProvinceFinder(dataset.provinces)
    self.date = date
  }

  /// The reports of each file, in the order given, or every problem it has. The files are read
  /// side by side, one per core: a file's reading depends on no other's, and the 34 forms of a
  /// national import are most of its time.
  public func read(files: [(path: String, name: String)]) -> [Result<[ImportedReport], FormProblems>] {
    let results = Mutex<[Result<[ImportedReport], FormProblems>?]>(Array(repeating: nil, count: files.count))
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let result = read(path: files[index].path, name: files[index].name)
      results.withLock { $0[index] = result }
    }
    return results.withLock { $0.map { $0! } }
  }

  /// The reports of each file that `reading` reads (`FormReaders.start`), in the order given: the
  /// files read from now on are made into reports as they are read, and those already read here,
  /// side by side.
  public func read(_ reading: FormReaders.Reading) -> [Result<[ImportedReport], FormProblems>] {
    let read = reading.start(self)
    DispatchQueue.concurrentPerform(iterations: read.count) { position in
      let (index, cells) = read[position]
      reading.report(index, self.read(cells, name: reading.files[index].name))
    }
    return reading.reports()
  }

  /// The reports of one file, or every problem it has.
  public func read(path: String, name: String? = nil) -> Result<[ImportedReport], FormProblems> {
    let name = name ?? PathText.lastComponent(path)
    return read(readers.cells(path: path, name: name), name: name)
  }

  /// The reports in the cells of the file `name`, or every problem it has.
  func read(_ cells: Result<[SheetCells], FormProblem>, name: String) -> Result<[ImportedReport], FormProblems> {
    let problems = ProblemList(file: name)
    let sheets: [SheetCells]
    switch cells {
    case .success(let read): sheets = read
    case .failure(let error): return .failure(FormProblems([error]))
    }
    if sheets.allSatisfy(\.isEmpty) {
      return .failure(FormProblems([FormProblem(file: name, message: .emptyWorkbook)]))
    }
    var tables: [(FormLayout.Sheet, SheetTable)] = []
    for cells in sheets where !cells.isEmpty {
      let kind: FormLayout.Sheet?
      let table: SheetTable?
      // A named sheet's kind is its name's: the table (a search for the header row) is made only
      // for the sheets that are read, not for the instructions (long texts, no header).
      if let sheetName = cells.name {
        kind = FormLayout.Sheet(name: sheetName)
        table = kind == nil || kind == .instructions ? nil : SheetTable(cells)
      } else {
        table = SheetTable(cells)
        kind = table.map(Self.kind(of:))
      }
      guard let kind, kind != .instructions else { continue }
      guard let table else {
        problems.add(
          cells.name, nil,
          .noHeaderRow(
            idHeader: FormLayout.Column.criterionID.header(.vi), codeHeader: FormLayout.Column.provinceCode.header(.vi))
        )
        continue
      }
      tables.append((kind, table))
    }
    if tables.isEmpty, problems.problems.isEmpty {
      let expected = [FormLayout.Sheet.provincial, .units, .counts].map { "\"\($0.name(.vi))\"" }.joined(
        separator: ", ")
      problems.add(nil, nil, .noDigiTrackSheet(expected: expected))
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
      problems.add(nil, nil, .communeRowsWithoutProvincialRows(dataset.provinces[province].name))
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
        problems.add(table.sheetName, cell, .notADate(value?.display ?? ""))
        return nil
      }
      if let (earlier, sheet) = found, earlier != date {
        problems.add(table.sheetName, cell, .reportDateDiffers(date, from: earlier, sheet: sheet))
        return nil
      }
      found = (date, table.sheetName)
    }
    if found == nil {
      problems.add(nil, nil, .noReportDate(label: FormLayout.dateLabel(.vi)))
    }
    return found?.0
  }

  /// A form for another plan would put statuses under the wrong criteria.
  func checkPlan(_ table: SheetTable, _ problems: ProblemList) {
    guard let (value, cell) = table.labelled(Language.allCases.map(FormLayout.planLabel)) else { return }
    let code = FormValues.text(value)
    if !code.isEmpty, code != dataset.plan.code {
      problems.add(table.sheetName, cell, .formForAnotherPlan(code, tracked: dataset.plan.code))
    }
  }
}

/// Every problem of one or more files, in file order.
public struct FormProblems: Error, Sendable, CustomStringConvertible {
  public var problems: [FormProblem]

  public init(_ problems: [FormProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
