import DigiTrackModel

/// The overview's headline figures as a table, for the Markdown report and the workbook: what the
/// screen shows between the metrics and the provinces (provinces fully green with the phases,
/// provincial criteria, communes green on all criteria, the national change, the pillars), each
/// with the screen's own words and figures and its mark in a `source` column (issue 12, item 6;
/// issue 11, item 7: the published 31/07 "34/34" was in no Markdown export).
extension ExportTables {
  func nationalFigures() -> ExportTable {
    let strings = context.strings
    let format = context.format
    let national = data.aggregates.national
    let view = OverviewView(
      context: context, width: 100_000, density: .full, order: [], selection: nil, sortLabel: "", filter: "")
    let columns = [("figure", strings.nationalFigures), ("value", strings.value), ("source", strings.sources)]
      .map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    // The screen's figures without their marks, which go to the `source` column.
    func plain(_ spans: [Span]) -> ExportValue {
      .text(ViewExport.plainText(Line(spans.filter { $0.role != .illustrative })))
    }
    func ratio(_ ratio: Ratio) -> [Span] {
      [Span(format.ratio(ratio) + " " + format.percent(ratio, strings: strings))]
    }
    let (green, meaning) = view.provincesGreenSpans()
    var rows: [[ExportValue]] = [
      [
        .text(context.ui(strings.provincesFullyGreen)), plain(green + [meaning]),
        derivedSource(national.fullyGreenDerivation + national.phaseGreenDerivation),
      ],
      [
        .text(context.ui(strings.provincialCriteria)), plain(ratio(national.provincial)),
        derivedSource(national.provincialDerivation),
      ],
    ]
    var communes = ratio(national.communes)
    if !national.communesComplete { communes.append(Span(" (" + context.ui(strings.communesGreenPartial) + ")")) }
    rows.append([.text(context.ui(strings.communesGreen)), plain(communes), derivedSource(national.communesDerivation)])
    if let change = data.change {
      let since = context.ui(strings.comparedWith(format.date(change.fromDate)))
      for item in view.changeItems() {
        rows.append([.text(since + ": " + item.label), plain(item.value + item.note), derivedSource(item.derivation)])
      }
    }
    for (index, pillar) in dataset.plan.pillars.enumerated() {
      rows.append([
        .text(context.ui(strings.pillar) + ": " + context.text(pillar.name)),
        .text(format.percent(national.pillars[index], strings: strings)), derivedSource(national.pillarsDerivation),
      ])
    }
    return ExportTable(title: context.ui(strings.nationalSummary), columns: columns, rows: rows)
  }
}

/// The matrix's criterion codes and what they stand for (issue 12, item 15: "a legend of criterion
/// names in every matrix export"): the Markdown report and the workbook show it as a table, JSON
/// as `criteria`, and CSV as the rows under its header (`ViewExport.csvMatrix`).
extension ExportTables {
  /// `words`: the level in the UI language, for the Markdown report and the workbook (JSON and
  /// CSV keep the stable `provincial` / `commune`).
  func criteriaLegend(words: Bool = false) -> ExportTable {
    let plan = dataset.plan
    let strings = context.strings
    let columns = [
      ("id", strings.criterionID), ("name", strings.criterion), ("phase", strings.phase),
      ("deadline", strings.deadline), ("group", strings.group), ("pillar", strings.pillar),
      ("block", strings.block), ("level", strings.levelWord), ("source", strings.sources),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let rows: [[ExportValue]] = (plan.provincialCriteria + plan.communeCriteria).map { index in
      let criterion = plan.criteria[index]
      return [
        .text(criterion.id), .text(context.text(criterion.name)), .integer(criterion.phase),
        .date(plan.deadline(ofCriterion: index)), .text(context.text(plan.groups[criterion.group].name)),
        .text(context.text(plan.pillars[criterion.pillar].name)),
        .text(context.text(plan.blocks[criterion.block].name)),
        .text(
          words
            ? context.ui(criterion.level == .provincial ? strings.provincial : strings.communes)
            : criterion.level.rawValue),
        // The criteria list, its phase split and block names are modelled where the plan says so.
        sourceID(plan.provenance),
      ]
    }
    return ExportTable(title: context.ui(strings.criteriaLegend), columns: columns, rows: rows)
  }

  /// The matrix as one CSV: the header of ids, then one legend row per property of the criteria
  /// (`code` is `#name`, `#phase`, `#deadline`, `#group`, `#pillar`, `#block`, `#level`,
  /// `#source`; `name` says it in the UI language; each criterion column holds that criterion's
  /// value), then the provinces. A reader tells the legend rows by the `#` in `code`, which no
  /// province code has.
  func matrixWithLegend() -> ExportTable {
    var table = matrix()
    let legend = criteriaLegend()
    let ids = legend.rows.map { $0[0] }
    for (property, column) in legend.columns.enumerated().dropFirst() {
      var row = Array(repeating: ExportValue.none, count: table.columns.count)
      row[0] = .text("#" + column.key)
      row[1] = .text(column.title)
      for (criterion, id) in ids.enumerated() {
        guard case .text(let key) = id, let position = table.columns.firstIndex(where: { $0.key == key }) else {
          continue
        }
        row[position] = legend.rows[criterion][property]
      }
      table.rows.insert(row, at: property - 1)
    }
    return table
  }
}
