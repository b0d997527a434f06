import DigiTrackModel

/// The tables of the overdue view and the timeliness columns of the criteria table, for the
/// Markdown, CSV and JSON exports. Classes are stable ids (`overdue`, `in_progress`, …) with their
/// days beside them, so a reader needs no words of either language.
extension ExportTables {
  /// The overdue list for the exported provinces (the filter's) at the report date.
  var overdueList: OverdueList {
    OverdueList(dataset: dataset, snapshotIndex: data.aggregates.snapshotIndex, provinces: order)
  }

  /// `timeliness` and `timeliness_days` of a provincial criterion (index into `Plan.criteria`).
  func timeliness(province: Int, criterion: Int) -> [ExportValue] {
    let value = Timeliness(
      dataset: dataset, snapshotIndex: data.aggregates.snapshotIndex, province: province, criterion: criterion)
    return [.text(value.id), value.days.map { .integer($0) } ?? .none]
  }

  /// One row per province and overdue criterion, most days late first.
  func overdue() -> ExportTable {
    let strings = context.strings
    let plan = dataset.plan
    let columns = [
      ("days_late", strings.daysLate), ("deadline", strings.deadline), ("province_code", strings.code),
      ("province_name", strings.province), ("criterion_id", strings.criterionID), ("criterion_name", strings.criterion),
      ("phase", strings.phaseShort), ("status", strings.status), ("timeliness", strings.timelinessHeading),
      ("source", strings.sources),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = overdueList.entries.map { entry in
      let criterion = plan.criteria[entry.criterion]
      let report = data.snapshot.reports[entry.province]
      let status = plan.levelOrdinal(of: entry.criterion).flatMap { report?.provincialStatuses[$0] } ?? .notReported
      return [
        .integer(entry.daysLate), .date(entry.deadline), .text(dataset.provinces[entry.province].code),
        .text(context.text(dataset.provinces[entry.province].name)), .text(criterion.id),
        .text(context.text(criterion.name)), .integer(criterion.phase), .text(status.jsonName), .text("overdue"),
        sourceID(report?.provincialProvenance),
      ]
    }
    return ExportTable(title: context.ui(strings.overdueByProvince), columns: columns, rows: rows)
  }

  /// Each overdue criterion once, with how many provinces (and which) it is overdue in.
  func overdueByCriterion() -> ExportTable {
    let strings = context.strings
    let plan = dataset.plan
    let columns = [
      ("days_late", strings.daysLate), ("deadline", strings.deadline), ("criterion_id", strings.criterionID),
      ("criterion_name", strings.criterion), ("province_count", strings.provinceCountHeading),
      ("province_codes", strings.code), ("source", strings.sources),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = overdueList.byCriterion.map { count in
      let criterion = plan.criteria[count.criterion]
      let illustrative = count.provinces.contains {
        data.snapshot.reports[$0]?.provincialProvenance.isIllustrative ?? false
      }
      return [
        .integer(count.daysLate), .date(count.deadline), .text(criterion.id), .text(context.text(criterion.name)),
        .integer(count.provinces.count),
        .text(count.provinces.map { dataset.provinces[$0].code }.joined(separator: " ")),
        illustrative ? .text("illustrative") : derivedSource(sources(of: count.provinces)),
      ]
    }
    return ExportTable(title: context.ui(strings.overdueNational), columns: columns, rows: rows)
  }

  /// The sources the provincial statuses of `provinces` cite.
  private func sources(of provinces: [Int]) -> Derivation {
    var indices: [Int] = []
    for province in provinces {
      if case .source(let index)? = data.snapshot.reports[province]?.provincialProvenance, !indices.contains(index) {
        indices.append(index)
      }
    }
    return .sources(indices.sorted())
  }
}

extension ExportTable {
  /// The integer in column `key` of `row`, if the table has that column and it holds one.
  func integer(_ key: String, in row: [ExportValue]) -> Int? {
    guard let column = columns.firstIndex(where: { $0.key == key }), row.indices.contains(column),
      case .integer(let value) = row[column]
    else { return nil }
    return value
  }
}
