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
      problems.add(
        sheet, String(table.headerRow + 1),
        .text(
          "dòng tiêu đề không có cột " + names.joined(separator: " hoặc "),
          "the header row has no column " + names.joined(separator: " or ")))
      return [:]
    }
    var position: [String: Int] = [:]
    for (index, criterion) in plan.provincialCriteria.enumerated() { position[plan.criteria[criterion].id] = index }
    let communeIDs = Set(plan.communeCriteria.map { plan.criteria[$0].id })
    var statuses: [Int: [Status]] = [:]
    var seen: [Int: [Int?]] = [:]  // province → row of each criterion
    for row in table.dataRows where !table.isBlank(row) {
      guard let province = province(table, row) else { continue }
      let id = FormValues.text(table.value(row, .criterionID))
      let idCell = table.cell(row, .criterionID)
      guard let index = position[id] else {
        if id.isEmpty {
          problems.add(sheet, idCell, .text("dòng này không có mã tiêu chí", "no criterion id in this row"))
        } else if communeIDs.contains(id) {
          problems.add(
            sheet, idCell,
            .text(
              "\"\(id)\" là tiêu chí cấp xã: ghi ở trang cấp xã",
              "\"\(id)\" is a commune-level criterion: it belongs in the commune-level sheet"))
        } else {
          problems.add(
            sheet, idCell,
            .text(
              "\"\(id)\" không phải tiêu chí cấp tỉnh của kế hoạch \(plan.code)",
              "\"\(id)\" is not a provincial criterion of plan \(plan.code)"))
        }
        continue
      }
      var rows = seen[province] ?? Array(repeating: nil, count: plan.provincialCriteria.count)
      if let earlier = rows[index] {
        problems.add(
          sheet, idCell,
          .text(
            "\(id) của \(dataset.provinces[province].name) bị ghi hai lần (đã có ở dòng \(earlier + 1))",
            "\(id) of \(dataset.provinces[province].name) appears twice (also in row \(earlier + 1))"))
        continue
      }
      rows[index] = row
      seen[province] = rows
      let text = table.value(row, .status)?.display ?? ""
      switch StatusWords.read(text, language: language) {
      case .status(let status):
        statuses[province, default: Array(repeating: .notReported, count: plan.provincialCriteria.count)][index] =
          status
      case .unknown(let suggestion):
        problems.add(sheet, table.cell(row, .status), Self.notAStatus(text, suggestion, language))
      }
    }
    for (province, rows) in seen.sorted(by: { $0.key < $1.key }) {
      let missing = rows.indices.filter { rows[$0] == nil }.map { plan.criteria[plan.provincialCriteria[$0]].id }
      if !missing.isEmpty {
        let column = FormLayout.columnName(table.columns[.criterionID]!)
        problems.add(
          sheet, column,
          .text(
            "\(dataset.provinces[province].name) thiếu dòng của " + missing.joined(separator: ", ")
              + " (dòng bị xóa? mỗi tiêu chí cần có dòng của mình; chưa báo cáo thì để trống trạng thái)",
            "\(dataset.provinces[province].name) has no row for " + missing.joined(separator: ", ")
              + " (a deleted row? every criterion needs its row; leave the status empty for not reported)"))
      }
    }
    return statuses
  }

  /// The province a row names, by code, else by name; an error when neither matches.
  func province(_ table: SheetTable, _ row: Int) -> Int? {
    let code = FormValues.text(table.value(row, .provinceCode))
    let name = FormValues.text(table.value(row, .provinceName))
    if !code.isEmpty {
      if let index = finder.find(code: code) { return index }
      problems.add(
        table.sheetName, table.cell(row, .provinceCode),
        .text(
          "\"\(code)\" không phải mã của tỉnh, thành phố nào trong dữ liệu",
          "\"\(code)\" is not the code of a province in the dataset"))
      return nil
    }
    if let index = finder.find(name: name) { return index }
    problems.add(
      table.sheetName, table.cell(row, .provinceName) ?? table.cell(row, .provinceCode),
      name.isEmpty
        ? .text("dòng này không có tỉnh, thành phố", "no province in this row")
        : .text(
          "\"\(name)\" không phải tỉnh, thành phố nào trong dữ liệu", "\"\(name)\" is not a province in the dataset"))
    return nil
  }

  static func notAStatus(_ text: String, _ suggestion: String?, _ language: Language) -> LocalizedText {
    let words = Status.allCases.map { "\"\(StatusWords.word($0, language: language))\"" }
    if let suggestion {
      return .text(
        "trạng thái \"\(text)\" không hợp lệ (có phải là \"\(suggestion)\"?)",
        "\"\(text)\" is not a status (did you mean \"\(suggestion)\"?)")
    }
    return .text(
      "trạng thái \"\(text)\" không hợp lệ; dùng \(words.joined(separator: ", ")) hoặc để trống",
      "\"\(text)\" is not a status (use \(words.joined(separator: ", ")), or leave it empty)")
  }
}
