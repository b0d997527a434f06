import DigiTrackModel
import DigiTrackUI

/// Reads the commune-level sheets: units with a status per criterion, or counts per province.
struct CommuneSheetReader {
  let dataset: Dataset
  let date: CalendarDate
  let provincial: ProvincialSheetReader
  var problems: ProblemList { provincial.problems }

  /// The commune-level criterion columns: header id → position in `communeCriteria`. An unknown
  /// header is an error at its cell, and so is a criterion without a column.
  func criterionColumns(_ table: SheetTable) -> [(position: Int, column: Int)]? {
    let plan = dataset.plan
    var position: [String: Int] = [:]
    for (index, criterion) in plan.communeCriteria.enumerated() { position[plan.criteria[criterion].id] = index }
    var found: [(Int, Int)] = []
    var ok = true
    for (header, column) in table.otherHeaders {
      let cell = FormLayout.cellName(row: table.headerRow, column: column)
      if let index = position[header] {
        if found.contains(where: { $0.0 == index }) {
          problems.add(table.sheetName, cell, .criterionTwoColumns(header))
          ok = false
        }
        found.append((index, column))
      } else {
        problems.add(table.sheetName, cell, .notACommuneCriterion(header, plan: plan.code))
        ok = false
      }
    }
    let missing = plan.communeCriteria.indices.filter { index in !found.contains { $0.0 == index } }
    if !missing.isEmpty {
      let ids = missing.map { plan.criteria[plan.communeCriteria[$0]].id }
      problems.add(table.sheetName, String(table.headerRow + 1), .missingCriterionColumns(ids))
      ok = false
    }
    return ok ? found : nil
  }

  /// The units the dataset knows for a province: its latest list at or before the date.
  func referenceUnits(_ province: Int) -> CommuneUnits? {
    for snapshot in dataset.snapshots.reversed() where snapshot.date <= date {
      if let units = snapshot.reports[province]?.communes.units { return units }
    }
    return nil
  }

  func readUnits(_ table: SheetTable) -> [Int: ImportedCommunes] {
    let sheet = table.sheetName
    let language = table.language
    guard let codeColumn = table.columns[.unitCode] else {
      problems.add(
        sheet, String(table.headerRow + 1), .headerWithoutColumn(FormLayout.Column.unitCode.header(language)))
      return [:]
    }
    guard let criteria = criterionColumns(table) else { return [:] }
    let count = dataset.plan.communeCriteria.count
    let (nameColumn, kindColumn) = (table.columns[.unitName], table.columns[.unitKind])
    let cells = table.cells
    struct Building {
      var codes: [String] = []
      var names: [String] = []
      var kinds: [UnitKind] = []
      var statuses: [Status] = []
      /// The row of each code; with a reference of distinct codes, `positions` says it instead.
      var rows: [String: Int] = [:]
      /// The row of each of the reference's units, -1 before its row: a unit is found by its
      /// code once, in the reference, and its row is an array's element, not a hashed code.
      var positions: [Int]?
    }
    // By province index, in place: ascending indices are the order the provinces are given in.
    var built = [Building?](repeating: nil, count: dataset.provinces.count)
    // Each province's reference units, and their positions by code, looked up once.
    var references: [Int: Reference?] = [:]
    func referenceOf(_ province: Int) -> Reference? {
      if let known = references[province] { return known }
      let found = referenceUnits(province).map(Reference.init)
      references[province] = found
      return found
    }
    var provinces = ProvinceMemo()
    var lastReference: (province: Int, reference: Reference?)?
    var statusWords = StatusMemo()
    for row in table.dataRows where !table.isBlank(row) {
      guard let province = provinces.province(provincial, table, row) else { continue }
      let reference: Reference?
      if let lastReference, lastReference.province == province {
        reference = lastReference.reference
      } else {
        reference = referenceOf(province)
        lastReference = (province, reference)
      }
      let code = FormValues.text(cells.value(row: row, column: codeColumn))
      // The cell's name is built only for a message: most rows have none.
      func codeCell() -> String? { FormLayout.cellName(row: row, column: codeColumn) }
      if code.isEmpty {
        problems.add(sheet, codeCell(), .noUnitCode)
        continue
      }
      var kind: UnitKind?
      var name = FormValues.text(nameColumn.flatMap { cells.value(row: row, column: $0) })
      var position: Int?
      if let reference, reference.distinct {
        // A code outside the reference is never placed, so it cannot be there twice: the same
        // message as below, for the same rows.
        guard let index = reference.index[code] else {
          problems.add(sheet, codeCell(), .notAUnitOf(code, province: dataset.provinces[province].name))
          continue
        }
        if let earlier = built[province]?.positions?[index], earlier >= 0 {
          problems.add(sheet, codeCell(), .unitTwice(code, earlierRow: earlier + 1))
          continue
        }
        position = index
        kind = reference.units.kinds[index]
        if name.isEmpty { name = reference.units.names[index] }
      } else if let earlier = built[province]?.rows[code] {
        problems.add(sheet, codeCell(), .unitTwice(code, earlierRow: earlier + 1))
        continue
      } else if let reference {
        guard let index = reference.index[code] else {
          problems.add(sheet, codeCell(), .notAUnitOf(code, province: dataset.provinces[province].name))
          continue
        }
        kind = reference.units.kinds[index]
        if name.isEmpty { name = reference.units.names[index] }
      } else {
        let word = StatusWords.fold(FormValues.text(kindColumn.flatMap { cells.value(row: row, column: $0) }))
        kind = [UnitKind.ward, .commune, .specialZone].first { candidate in
          StatusWords.fold(candidate.rawValue) == word
            || Language.allCases.contains { StatusWords.fold(Strings.for($0).unitKindNames[candidate] ?? "") == word }
        }
        if kind == nil {
          problems.add(sheet, table.cell(row, .unitKind) ?? codeCell(), .notAUnitKind(word))
          continue
        }
      }
      // Mutated in place: a copy taken out and put back would copy every array of the province
      // once per row. The row's statuses go straight into the province's.
      if built[province] == nil {
        built[province] = Building(
          positions: reference.flatMap { $0.distinct ? Array(repeating: -1, count: $0.units.codes.count) : nil })
      }
      let base = built[province]!.statuses.count
      built[province]!.statuses.append(contentsOf: repeatElement(.notReported, count: count))
      for (position, column) in criteria {
        let value = cells.value(row: row, column: column)
        switch statusWords.read(value, language: language) {
        case .status(let status): built[province]!.statuses[base + position] = status
        case .unknown(let suggestion):
          problems.add(
            sheet, FormLayout.cellName(row: row, column: column),
            ProvincialSheetReader.notAStatus(value?.display ?? "", suggestion, language))
        }
      }
      if let position {
        built[province]!.positions![position] = row
      } else {
        built[province]!.rows[code] = row
      }
      built[province]!.codes.append(code)
      built[province]!.names.append(name)
      built[province]!.kinds.append(kind!)
    }
    var result: [Int: ImportedCommunes] = [:]
    for (province, building) in built.enumerated() {
      guard let building else { continue }
      let info = dataset.provinces[province]
      if let reference = referenceUnits(province) {
        let missing =
          building.positions.map { rows in reference.codes.indices.filter { rows[$0] < 0 }.map { reference.codes[$0] } }
          ?? reference.codes.filter { building.rows[$0] == nil }
        if !missing.isEmpty {
          problems.add(sheet, FormLayout.columnName(codeColumn), .missingUnitRows(info.name, codes: missing))
          continue
        }
      } else if building.codes.count != info.units.total {
        problems.add(sheet, nil, .unitRowsCount(info.name, total: info.units.total, rows: building.codes.count))
        continue
      }
      result[province] = .units(
        codes: building.codes, names: building.names, kinds: building.kinds, statuses: building.statuses)
    }
    return result
  }

  func readCounts(_ table: SheetTable) -> [Int: ImportedCommunes] {
    let sheet = table.sheetName
    guard let criteria = criterionColumns(table) else { return [:] }
    var result: [Int: ImportedCommunes] = [:]
    var rows: [Int: Int] = [:]
    for row in table.dataRows where !table.isBlank(row) {
      guard let province = provincial.province(table, row) else { continue }
      let info = dataset.provinces[province]
      if let earlier = rows[province] {
        problems.add(
          sheet, table.cell(row, .provinceCode) ?? table.cell(row, .provinceName),
          .provinceTwice(info.name, earlierRow: earlier + 1))
        continue
      }
      rows[province] = row
      var ok = true
      func count(_ value: CellValue?, _ cell: String) -> Int? {
        switch FormValues.count(value) {
        case .empty: return nil
        case .value(let number) where number <= info.units.total: return number
        case .value(let number):
          problems.add(sheet, cell, .countAboveUnits(number, total: info.units.total, province: info.name))
        case .invalid:
          problems.add(sheet, cell, .notACount(value?.display ?? "", total: info.units.total))
        }
        ok = false
        return nil
      }
      let greenCell = table.cell(row, .communesGreen)
      let green = greenCell.flatMap { count(table.value(row, .communesGreen), $0) }
      var byCriterion = [Int?](repeating: nil, count: dataset.plan.communeCriteria.count)
      for (position, column) in criteria {
        byCriterion[position] = count(
          table.cells.value(row: row, column: column), FormLayout.cellName(row: row, column: column))
      }
      if let green, let greenCell, let smallest = byCriterion.compactMap({ $0 }).min(), green > smallest {
        problems.add(sheet, greenCell, .greenAboveACriterion(green, smallest: smallest))
        ok = false
      }
      if ok { result[province] = .counts(green: green, byCriterion: byCriterion) }
    }
    return result
  }
}

/// A province's units as the dataset knows them, with the position of each code (its first, should
/// a code be there twice); shared, not copied, from row to row.
final class Reference {
  let units: CommuneUnits
  let index: [String: Int]
  /// No code twice: a unit's position then stands for its code.
  let distinct: Bool

  init(_ units: CommuneUnits) {
    self.units = units
    index = Dictionary(units.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    distinct = index.count == units.codes.count
  }
}

/// The statuses of the texts a sheet repeats (its status cells hold a few shared strings, the
/// same String each time): a cell whose text is one of those, bit for bit, is not read again.
struct StatusMemo {
  private var known: [(text: String, status: Status)] = []

  /// Whether two strings are the same value by their bits: the same storage, or the same short
  /// text held inline. Equal strings may differ in bits; they are then simply read again.
  static func identical(_ a: String, _ b: String) -> Bool {
    unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
  }

  /// `StatusWords.read` of a cell's text; a status read from a text is remembered for it.
  mutating func read(_ value: CellValue?, language: Language) -> StatusWords.Reading {
    guard case .text(let text)? = value else { return StatusWords.read(value?.display ?? "", language: language) }
    for entry in known where Self.identical(entry.text, text) { return .status(entry.status) }
    let reading = StatusWords.read(text, language: language)
    // Kept with its text, so that the storage compared is never freed and reused meanwhile.
    if case .status(let status) = reading, known.count < 8 { known.append((text, status)) }
    return reading
  }
}

/// The province of each row, by its code cell: a province's rows come together, and a code bit
/// for bit the last row's is that row's province, found without a message.
struct ProvinceMemo {
  private var last: (code: String, province: Int)?

  mutating func province(_ reader: ProvincialSheetReader, _ table: SheetTable, _ row: Int) -> Int? {
    let code = table.columns[.provinceCode].map { FormValues.text(table.cells.value(row: row, column: $0)) }
    if let last, let code, StatusMemo.identical(code, last.code) { return last.province }
    guard let found = reader.province(table, row) else { return nil }
    if let code, !code.isEmpty { last = (code, found) }
    return found
  }
}
