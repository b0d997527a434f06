import DigiTrackModel

/// Reads a sheet of provincial criteria: one row per province and criterion, with its status.
struct ProvincialSheetReader {
  let dataset: Dataset
  let finder: ProvinceFinder
  let problems: ProblemList

  /// Statuses per province (index into `dataset.provinces`), indexed like `provincialCriteria`.
  func read(_ table: SheetTable) -> [Int: [Status]] {
    let sheet = table.sheetName
    let plan = dataset.plan
    let language = table.language
    guard table.columns[.criterionID] != nil, table.columns[.status] != nil,
      table.columns[.provinceCode] != nil || table.columns[.provinceName] != nil
    else {
      let missing = [FormLayout.Column.criterionID, .status, .provinceCode].filter { table.columns[$0] == nil }
      let names = missing.map { "\"\($0.header(language))\"" }
      problems.add(sheet, String(table.headerRow + 1), .headerWithoutColumns(names))
      return [:]
    }
    var position: [String: Int] = [:]
    for (index, criterion) in plan.provincialCriteria.enumerated() { position[plan.criteria[criterion].id] = index }
    let communeIDs = Set(plan.communeCriteria.map { plan.criteria[$0].id })
    var statuses: [Int: [Status]] = [:]
    var seen: [Int: [Int?]] = [:]  // province → row of each criterion
    let count = plan.provincialCriteria.count
    var provinces = ProvinceMemo()
    var statusWords = StatusMemo()
    for row in table.dataRows where !table.isBlank(row) {
      guard let province = provinces.province(self, table, row) else { continue }
      let id = FormValues.text(table.value(row, .criterionID))
      // The cell's name is built only for a message: most rows have none.
      func idCell() -> String? { table.cell(row, .criterionID) }
      guard let index = position[id] else {
        if id.isEmpty {
          problems.add(sheet, idCell(), .noCriterionID)
        } else if communeIDs.contains(id) {
          problems.add(sheet, idCell(), .communeCriterionInProvincialSheet(id))
        } else {
          problems.add(sheet, idCell(), .notAProvincialCriterion(id, plan: plan.code))
        }
        continue
      }
      // In place: a copy taken out and put back would copy the province's rows on every row.
      if seen[province] == nil { seen[province] = Array(repeating: nil, count: count) }
      if let earlier = seen[province]?[index] {
        problems.add(
          sheet, idCell(), .criterionTwice(id, province: dataset.provinces[province].name, earlierRow: earlier + 1))
        continue
      }
      seen[province]![index] = row
      let value = table.value(row, .status)
      switch statusWords.read(value, language: language) {
      case .status(let status):
        statuses[province, default: Array(repeating: .notReported, count: count)][index] = status
      case .unknown(let suggestion):
        problems.add(sheet, table.cell(row, .status), Self.notAStatus(value?.display ?? "", suggestion, language))
      }
    }
    for (province, rows) in seen.sorted(by: { $0.key < $1.key }) {
      let missing = rows.indices.filter { rows[$0] == nil }.map { plan.criteria[plan.provincialCriteria[$0]].id }
      if !missing.isEmpty {
        let column = FormLayout.columnName(table.columns[.criterionID]!)
        problems.add(sheet, column, .missingCriterionRows(dataset.provinces[province].name, ids: missing))
      }
    }
    return statuses
  }

  /// The province a row names, by code, else by name; an error when neither matches.
  func province(_ table: SheetTable, _ row: Int) -> Int? {
    let code = FormValues.text(table.value(row, .provinceCode))
    if !code.isEmpty {
      if let index = finder.find(code: code) { return index }
      problems.add(table.sheetName, table.cell(row, .provinceCode), .notAProvinceCode(code))
      return nil
    }
    // The name only when there is no code: most rows have one.
    let name = FormValues.text(table.value(row, .provinceName))
    if let index = finder.find(name: name) { return index }
    problems.add(
      table.sheetName, table.cell(row, .provinceName) ?? table.cell(row, .provinceCode),
      name.isEmpty ? .noProvince : .notAProvince(name))
    return nil
  }

  static func notAStatus(_ text: String, _ suggestion: String?, _ language: Language) -> LocalizedText {
    let words = Status.allCases.map { "\"\(StatusWords.word($0, language: language))\"" }
    return .notAStatus(text, suggestion: suggestion, words: words)
  }
}
