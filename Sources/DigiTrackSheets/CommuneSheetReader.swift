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
    guard table.columns[.unitCode] != nil else {
      problems.add(
        sheet, String(table.headerRow + 1), .headerWithoutColumn(FormLayout.Column.unitCode.header(language)))
      return [:]
    }
    guard let criteria = criterionColumns(table) else { return [:] }
    let count = dataset.plan.communeCriteria.count
    struct Building {
      var codes: [String] = []
      var names: [String] = []
      var kinds: [UnitKind] = []
      var statuses: [Status] = []
      var rows: [String: Int] = [:]

      mutating func add(code: String, name: String, kind: UnitKind, statuses: [Status], row: Int) {
        rows[code] = row
        codes.append(code)
        names.append(name)
        kinds.append(kind)
        self.statuses += statuses
      }
    }
    var built: [Int: Building] = [:]
    // Each province's reference units, and their positions by code, looked up once.
    var references: [Int: (units: CommuneUnits, index: [String: Int])?] = [:]
    func reference(_ province: Int) -> (units: CommuneUnits, index: [String: Int])? {
      if let known = references[province] { return known }
      let found = referenceUnits(province).map { units in
        (units, Dictionary(units.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
      }
      references[province] = found
      return found
    }
    for row in table.dataRows where !table.isBlank(row) {
      guard let province = provincial.province(table, row) else { continue }
      let code = FormValues.text(table.value(row, .unitCode))
      // The cell's name is built only for a message: most rows have none.
      func codeCell() -> String? { table.cell(row, .unitCode) }
      let reference = reference(province)
      if code.isEmpty {
        problems.add(sheet, codeCell(), .noUnitCode)
        continue
      }
      if let earlier = built[province]?.rows[code] {
        problems.add(sheet, codeCell(), .unitTwice(code, earlierRow: earlier + 1))
        continue
      }
      var kind: UnitKind?
      var name = FormValues.text(table.value(row, .unitName))
      if let reference {
        guard let index = reference.index[code] else {
          problems.add(sheet, codeCell(), .notAUnitOf(code, province: dataset.provinces[province].name))
          continue
        }
        kind = reference.units.kinds[index]
        if name.isEmpty { name = reference.units.names[index] }
      } else {
        let word = StatusWords.fold(FormValues.text(table.value(row, .unitKind)))
        kind = [UnitKind.ward, .commune, .specialZone].first { candidate in
          StatusWords.fold(candidate.rawValue) == word
            || Language.allCases.contains { StatusWords.fold(Strings.for($0).unitKindNames[candidate] ?? "") == word }
        }
        if kind == nil {
          problems.add(sheet, table.cell(row, .unitKind) ?? codeCell(), .notAUnitKind(word))
          continue
        }
      }
      var statuses = [Status](repeating: .notReported, count: count)
      for (position, column) in criteria {
        let text = table.cells.value(row: row, column: column)?.display ?? ""
        switch StatusWords.read(text, language: language) {
        case .status(let status): statuses[position] = status
        case .unknown(let suggestion):
          problems.add(
            sheet, FormLayout.cellName(row: row, column: column),
            ProvincialSheetReader.notAStatus(text, suggestion, language))
        }
      }
      // Mutated in place in the dictionary: a copy taken out and put back would copy every
      // array of the province once per row.
      built[province, default: Building()].add(code: code, name: name, kind: kind!, statuses: statuses, row: row)
    }
    var result: [Int: ImportedCommunes] = [:]
    for (province, building) in built.sorted(by: { $0.key < $1.key }) {
      let info = dataset.provinces[province]
      if let reference = referenceUnits(province) {
        let missing = reference.codes.filter { building.rows[$0] == nil }
        if !missing.isEmpty {
          problems.add(
            sheet, table.columns[.unitCode].map(FormLayout.columnName), .missingUnitRows(info.name, codes: missing))
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
