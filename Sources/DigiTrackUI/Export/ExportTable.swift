import DigiTrackModel

/// A value in a structured export: typed, so CSV and JSON stay machine-readable while Markdown
/// formats numbers the way the language writes them.
public enum ExportValue: Sendable, Equatable {
  case text(String)
  case integer(Int)
  case number(Double)
  case flag(Bool?)
  /// A day: ISO in CSV and JSON, the language's own writing in Markdown.
  case date(CalendarDate)
  /// A phase flag: a boolean in CSV and JSON; in Markdown the status the screen shows for it at
  /// the report date (`Plan.phaseStatus`), so a phase not yet due reads ◐, not ✗.
  case phase(Bool?, Status)
  /// Communes green on a commune-level criterion: the count in CSV and JSON; in Markdown the
  /// level the matrix cell shows (`CommuneLevel`) and the percentage.
  case communeCount(Int, of: Int)
  case none
}

/// A table of a view, shared by the Markdown, CSV and JSON exports.
public struct ExportTable: Sendable {
  public struct Column: Sendable {
    /// Stable machine name: the CSV header and the JSON key.
    public let key: String
    /// Heading in the UI language, for Markdown.
    public let title: String

    public init(key: String, title: String) {
      self.key = key
      self.title = title
    }
  }

  public var title: String
  public var columns: [Column]
  public var rows: [[ExportValue]]

  public init(title: String, columns: [Column], rows: [[ExportValue]]) {
    self.title = title
    self.columns = columns
    self.rows = rows
  }

  /// The table with a first `snapshot` column holding the report date on every row.
  func dated(_ date: CalendarDate) -> ExportTable {
    ExportTable(
      title: title, columns: [Column(key: "snapshot", title: "snapshot")] + columns,
      rows: rows.map { [.text(date.description)] + $0 })
  }
}

/// The tables behind each view.
struct ExportTables {
  let context: RenderContext
  let order: [Int]

  var data: DashboardData { context.data }
  var dataset: Dataset { context.dataset }

  func sourceID(_ provenance: Provenance?) -> ExportValue {
    switch provenance {
    case .source(let index)?: .text(dataset.sources[index].id)
    case .illustrative?: .text("illustrative")
    case nil: .none
    }
  }

  /// A derived figure's provenance: "illustrative", or the ids of every source it cites
  /// separated by spaces, or nothing when the figure has no input.
  func derivedSource(_ derivation: Derivation) -> ExportValue {
    switch derivation {
    case .illustrative: .text("illustrative")
    case .sources(let indices) where indices.isEmpty: .none
    case .sources(let indices): .text(indices.map { dataset.sources[$0].id }.joined(separator: " "))
    }
  }

  func percent(_ ratio: Ratio?) -> ExportValue {
    guard let fraction = ratio?.fraction else { return .none }
    return .number((fraction * 1000).rounded() / 10)
  }

  func metrics() -> ExportTable {
    let strings = context.strings
    let columns = [
      ("id", strings.criterionID), ("label", strings.nationalFigures), ("value", strings.value),
      ("target", strings.target),
      ("unit", strings.unit), ("qualifier", strings.qualifier), ("percent", "%"), ("source", strings.sources),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = data.aggregates.national.metrics.map { metric in
      [
        .text(metric.id), .text(context.text(metric.label)), .number(metric.value),
        metric.target.map { .number($0) } ?? .none, .text(context.text(metric.unit)),
        metric.qualifier.map { .text($0.rawValue) } ?? .none,
        metric.target.map { .number((metric.value / $0 * 1000).rounded() / 10) } ?? .none,
        sourceID(metric.provenance),
      ]
    }
    return ExportTable(title: context.ui(strings.nationalFigures), columns: columns, rows: rows)
  }

  func provinces() -> ExportTable {
    let strings = context.strings
    var columns: [(String, String)] = [
      ("rank", strings.rank), ("code", strings.code), ("name", strings.province), ("region", strings.region),
      ("provincial_done", strings.provincial), ("provincial_total", strings.total), ("provincial_percent", "%"),
      ("provincial_source", strings.sources), ("communes_green", strings.communes), ("communes_total", strings.total),
      ("communes_percent", "%"), ("communes_source", strings.sources),
    ]
    for phase in dataset.plan.phases {
      columns.append(("phase\(phase.number)_green", "\(strings.phaseShort)\(phase.number)"))
    }
    columns.append(("status", strings.status))
    // Provenance of the derived columns, after the columns older readers know.
    columns += [
      ("rank_source", strings.rankSource), ("region_source", strings.regionSource),
      ("phase_source", strings.phaseSource), ("status_source", strings.statusSource),
    ]
    // The change against the compared date (empty without one), improvements and regressions apart.
    columns += [
      ("compare_date", strings.changeSince), ("criteria_improved", strings.upArrowWord),
      ("criteria_regressed", strings.downArrowWord), ("change_source", strings.sources),
    ]
    // What the overview's deadline columns show (issue 12, item 20), after the columns older readers know.
    columns += [
      ("overdue_count", strings.overdueColumn), ("next_deadline", strings.nextDeadlineColumn),
      ("next_deadline_days", strings.daysLeftColumn), ("next_deadline_open", strings.openAtNextDeadline),
    ]
    let change = data.change
    let aggregates = data.aggregates
    let rows: [[ExportValue]] = order.map { index in
      let province = dataset.provinces[index]
      let summary = aggregates.provinces[index]
      var row: [ExportValue] = [
        .integer(aggregates.ranks[index]), .text(province.code), .text(context.text(province.name)),
        .text(context.text(dataset.regions[province.region].name)),
        summary.reported ? .integer(summary.provincial.done) : .none, .integer(summary.provincial.total),
        summary.reported ? percent(summary.provincial) : .none, sourceID(summary.provincialProvenance),
        summary.commune.map { .integer($0.done) } ?? .none, .integer(province.units.total),
        percent(summary.commune), summary.commune == nil ? .none : sourceID(summary.communeProvenance),
      ]
      row += summary.phaseGreen.enumerated().map {
        .phase($1, dataset.plan.phaseStatus($1, phase: $0, on: data.snapshot.date))
      }
      row.append(.text(summary.overall.jsonName))
      row += [
        derivedSource(aggregates.rankDerivation),
        sourceID(dataset.regions[province.region].provenance),
        derivedSource(summary.phaseDerivation), derivedSource(summary.statusDerivation),
      ]
      if let change {
        let province = change.provinces[index]
        row += [
          .date(change.fromDate), .integer(province.criteria.improvements), .integer(province.criteria.regressions),
          derivedSource(province.statusDerivation),
        ]
      } else {
        row += [.none, .none, .none, .none]
      }
      let next = ProvinceNextDeadline(dataset: dataset, snapshotIndex: aggregates.snapshotIndex, province: index)
      row += [
        summary.reported ? .integer(summary.overdueCount) : .none, next.map { .date($0.date) } ?? .none,
        next.map { .integer($0.daysLeft) } ?? .none, next.map { .integer($0.open) } ?? .none,
      ]
      return row
    }
    return ExportTable(
      title: context.ui(strings.provinces),
      columns: columns.map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }, rows: rows)
  }

  func matrix() -> ExportTable {
    let plan = dataset.plan
    let columnsIndices = plan.provincialCriteria + plan.communeCriteria
    let ordinals = plan.levelOrdinals
    var columns = [
      ExportTable.Column(key: "code", title: context.ui(context.strings.code)),
      ExportTable.Column(key: "name", title: context.ui(context.strings.province)),
    ]
    columns += columnsIndices.map { ExportTable.Column(key: plan.criteria[$0].id, title: plan.criteria[$0].id) }
    columns += [
      ExportTable.Column(key: "provincial_source", title: context.ui(context.strings.provincialSource)),
      ExportTable.Column(key: "communes_source", title: context.ui(context.strings.communesSource)),
      // What a commune-level count is out of, after the columns older readers know.
      ExportTable.Column(key: "communes_total", title: context.ui(context.strings.total)),
    ]
    let snapshot = data.snapshot
    let rows: [[ExportValue]] = order.map { index in
      let report = snapshot.reports[index]
      var row: [ExportValue] = [
        .text(dataset.provinces[index].code), .text(context.text(dataset.provinces[index].name)),
      ]
      for criterion in columnsIndices {
        let ordinal = ordinals[criterion]
        if plan.criteria[criterion].level == .provincial {
          row.append(.text((report?.provincialStatuses[ordinal] ?? .notReported).jsonName))
        } else if let report, let green = report.communes.green(onCriterion: ordinal) {
          row.append(.communeCount(green, of: report.communes.total))
        } else {
          row.append(.none)
        }
      }
      row.append(sourceID(report?.provincialProvenance))
      row.append(
        report?.communes.hasCriterionCounts == true ? sourceID(report?.communes.provenance) : .none)
      row.append(report.map { .integer($0.communes.total) } ?? .none)
      return row
    }
    return ExportTable(title: context.ui(context.strings.matrixTitle), columns: columns, rows: rows)
  }

  func criteria(province: Int) -> ExportTable {
    let plan = dataset.plan
    let strings = context.strings
    let report = data.snapshot.reports[province]
    let columns = [
      ("id", strings.criterionID), ("name", strings.criterion), ("phase", strings.phaseShort),
      ("group", strings.group), ("pillar", strings.pillar), ("block", strings.block), ("status", strings.status),
      ("source", strings.sources), ("timeliness", strings.timelinessHeading),
      ("timeliness_days", strings.timelinessDays),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = plan.provincialCriteria.enumerated().map { ordinal, index in
      let criterion = plan.criteria[index]
      return [
        .text(criterion.id), .text(context.text(criterion.name)), .integer(criterion.phase),
        .text(context.text(plan.groups[criterion.group].name)),
        .text(context.text(plan.pillars[criterion.pillar].name)),
        .text(context.text(plan.blocks[criterion.block].name)),
        .text((report?.provincialStatuses[ordinal] ?? .notReported).jsonName),
        sourceID(report?.provincialProvenance),
      ] + timeliness(province: province, criterion: index)
    }
    return ExportTable(title: context.ui(strings.greenTable), columns: columns, rows: rows)
  }

  func communeCriteria(province: Int) -> ExportTable {
    let plan = dataset.plan
    let report = data.snapshot.reports[province]
    let columns = [
      ("id", context.strings.criterionID), ("name", context.strings.criterion), ("green", context.strings.greenCount),
      ("total", context.strings.total), ("percent", "%"), ("source", context.strings.sources),
    ]
    .map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = plan.communeCriteria.enumerated().map { ordinal, index in
      let count = report?.communes.green(onCriterion: ordinal)
      let ratio = count.map { Ratio($0, of: report?.communes.total ?? 0) }
      return [
        .text(plan.criteria[index].id), .text(context.text(plan.criteria[index].name)),
        count.map { .integer($0) } ?? .none, report.map { .integer($0.communes.total) } ?? .none, percent(ratio),
        count == nil ? .none : sourceID(report?.communes.provenance),
      ]
    }
    return ExportTable(title: context.ui(context.strings.communeCriteria), columns: columns, rows: rows)
  }

  func sources() -> ExportTable {
    let strings = context.strings
    let columns = [
      ("id", strings.criterionID), ("publisher", strings.publisher), ("title", strings.sourceTitle),
      ("date", strings.date),
      ("url", "URL"),
    ]
    .map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = dataset.sources.map { source in
      [
        .text(source.id), .text(context.text(source.publisher)), .text(context.text(source.title)),
        source.date.map { .date($0) } ?? .none, .text(source.url),
      ]
    }
    return ExportTable(title: context.ui(context.strings.sources), columns: columns, rows: rows)
  }
}
