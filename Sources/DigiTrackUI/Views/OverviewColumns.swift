import DigiTrackModel

/// The overview table's columns for one width, shared by its header and its rows, measured once
/// per layout (issue 12, items 8 and 20).
///
/// One rule for every width: the columns every row needs (rank, name, provincial count, commune
/// share, phase flags, status) get the width of their longest content; then the optional columns
/// are added in `priority` order while each still fits, at its full width or, failing that, its
/// narrowest; what is left widens a region column that a region sort forced narrow, then the
/// bars, up to 30 cells each. A wide screen so shows more columns, not empty space, and a
/// column is never cut where another has room.
struct OverviewColumns {
  /// The optional columns.
  enum Column: Sendable, Hashable, CaseIterable {
    case change, provincialBar, overdue, nextDeadline, communeBar, region, trend
  }

  /// The order in which optional columns take the room left: the change since the compared date
  /// first (it is news), then the provincial bar, what is overdue and what falls due next, the
  /// commune bar, the region and the sparkline.
  static let priority: [Column] = [.change, .provincialBar, .overdue, .nextDeadline, .communeBar, .region, .trend]

  /// The optional columns shown, in `priority` order.
  private(set) var shown: [Column] = []
  private(set) var nameWidth = 0
  private(set) var provincialBar = 0
  private(set) var communeBar = 0
  let markerWidth: Int
  let phases: Int
  /// "32/32", or "chưa có" for a province that did not report.
  private(set) var ratioWidth = 0
  /// "100,0%", or "chưa có".
  private(set) var percentWidth = 0
  private(set) var statusWidth = 0
  /// 0 when the region is not shown.
  private(set) var regionWidth = 0
  /// The change column ("↑10 ↓2"), 0 without a comparison or when it does not fit.
  private(set) var changeWidth = 0
  /// Whether the change column's heading is the word, not the arrows.
  private(set) var changeWord = false
  /// Provincial criteria past their deadline and not green.
  private(set) var overdueWidth = 0
  /// The province's next deadline ("1 tiêu chí, còn 2 ngày").
  private(set) var nextDeadlineWidth = 0
  /// The per-province sparkline, 0 with a single report date or when it does not fit.
  private(set) var sparkWidth = 0
  /// Each province's next deadline, worked out once for the layout.
  let nextDeadlines: [ProvinceNextDeadline?]

  static let barMinimum = 6
  static let barMaximum = 30

  init(width: Int, context: RenderContext, showRegion: Bool = false) {
    let strings = context.strings
    let dataset = context.dataset
    let aggregates = context.data.aggregates
    let format = context.format
    markerWidth = context.markerWidth
    phases = dataset.plan.phases.count
    let snapshotIndex = aggregates.snapshotIndex
    nextDeadlines = dataset.provinces.indices.map {
      ProvinceNextDeadline(dataset: dataset, snapshotIndex: snapshotIndex, province: $0)
    }
    let noData = context.ui(strings.noData).displayWidth

    // The columns every row needs, as wide as their content.
    let longestName = dataset.provinces.map { context.text($0.name).displayWidth }.max() ?? 0
    nameWidth = max(context.ui(strings.province).displayWidth, min(longestName, max(12, width / 5)))
    ratioWidth = aggregates.provinces.map { $0.reported ? format.ratio($0.provincial).displayWidth : noData }.max() ?? 5
    percentWidth = max(6, aggregates.provinces.contains { $0.commune == nil } ? noData : 0)
    statusWidth = max(Self.statusHeading(context).displayWidth - 1, context.statusLabelWidth)
    // rank, name, provincial, communes, phases, status: each with the space after it.
    var used =
      4 + nameWidth + 1 + (ratioWidth + 1 + markerWidth + 1) + 1 + (percentWidth + 1 + markerWidth + 1) + phases * 4
      + 1 + statusWidth
    if used >= width {
      // Narrower than the needed columns (the 60-column minimum): the names give way, to 8.
      let cut = min(nameWidth - 8, used - width + 1)
      nameWidth -= max(0, cut)
      used -= max(0, cut)
    }

    // Optional columns: (full width, narrowest width), each counted with the space before it.
    let longestRegion = dataset.regions.map { context.text($0.name).displayWidth }.max() ?? 0
    let regionFull = max(context.ui(strings.region).displayWidth, longestRegion)
    let regionNarrow = min(regionFull, max(10, width / 6))
    func widths(_ column: Column) -> (full: Int, narrow: Int)? {
      switch column {
      case .change:
        guard let change = context.data.change else { return nil }
        let content = change.provinces.map { context.changeText($0.criteria).displayWidth }.max() ?? 1
        let mark = change.derivation.isIllustrative ? 1 + strings.illustrativeMark.count : 0
        let word = context.ui(strings.changeColumn).displayWidth + mark
        let arrows = (context.upMark + context.downMark).displayWidth + mark
        return (max(content, word), max(content, arrows))
      case .provincialBar, .communeBar: return (Self.barMinimum, Self.barMinimum)
      case .overdue:
        let content = aggregates.provinces.map { format.integer($0.overdueCount).displayWidth }.max() ?? 1
        let heading = Self.overdueHeading(context).displayWidth
        return (max(content, heading), max(content, heading))
      case .nextDeadline:
        let cells = nextDeadlines.compactMap { $0.map { Self.nextDeadlineText(context, $0).displayWidth } }
        guard let content = cells.max() else { return nil }
        let heading = Self.nextDeadlineHeading(context).displayWidth
        return (max(content, heading), max(content, heading))
      case .region:
        return showRegion ? nil : (regionFull, regionFull)
      case .trend:
        let snapshots = dataset.snapshots.count
        guard snapshots > 1 else { return nil }
        let heading = Self.trendHeading(context).displayWidth
        return (max(heading, min(26, max(11, snapshots + 1))), max(heading, 11))
      }
    }
    // A region sort shows its key whatever the width (issue 12, item 12), before any optional
    // column: whole where it fits, else narrow.
    if showRegion {
      regionWidth = used + 1 + regionFull < width ? regionFull : regionNarrow
      used += regionWidth + 1
    }
    // First every column that fits at its narrowest, by priority; then each shown column widens
    // to its full width, by priority, while room is left.
    var given: [Column: Int] = [:]
    var measured: [Column: (full: Int, narrow: Int)] = [:]
    for column in Self.priority {
      guard let size = widths(column) else { continue }
      // A bar has no space of its own: the figure after it starts with one.
      let gap = column == .provincialBar || column == .communeBar ? 0 : 1
      guard used + gap + size.narrow < width else { continue }
      used += gap + size.narrow
      given[column] = size.narrow
      measured[column] = size
      shown.append(column)
    }
    for column in shown {
      let extra = (measured[column]?.full ?? 0) - (given[column] ?? 0)
      guard extra > 0, used + extra < width else { continue }
      used += extra
      given[column, default: 0] += extra
    }
    for (column, size) in given {
      switch column {
      case .change: changeWidth = size
      case .provincialBar: provincialBar = size
      case .communeBar: communeBar = size
      case .overdue: overdueWidth = size
      case .nextDeadline: nextDeadlineWidth = size
      case .region: regionWidth = size
      case .trend: sparkWidth = size
      }
    }
    if let change = context.data.change, changeWidth > 0 {
      let mark = change.derivation.isIllustrative ? 1 + strings.illustrativeMark.count : 0
      changeWord = context.ui(strings.changeColumn).displayWidth + mark <= changeWidth
    }
    // What is left: a region forced narrow gets its full width, then the bars grow.
    var left = max(0, width - used - 1)
    if showRegion {
      let grow = min(left, regionFull - regionWidth)
      regionWidth += grow
      left -= grow
    }
    while left > 0, provincialBar > 0 || communeBar > 0 {
      let before = left
      if provincialBar > 0, provincialBar < Self.barMaximum, left > 0 {
        provincialBar += 1
        left -= 1
      }
      if communeBar > 0, communeBar < Self.barMaximum, left > 0 {
        communeBar += 1
        left -= 1
      }
      if left == before { break }
    }
  }

  // MARK: headings

  static func statusHeading(_ context: RenderContext) -> String {
    let mark = context.data.aggregates.national.fullyGreenDerivation.isIllustrative
    return " " + context.ui(context.strings.status) + (mark ? " " + context.strings.illustrativeMark : "")
  }

  /// Overdue counts and next deadlines rest on the statuses: their mark is the status column's.
  static func statusMark(_ context: RenderContext) -> String {
    context.data.aggregates.anyProvincialIllustrative ? " " + context.strings.illustrativeMark : ""
  }

  static func overdueHeading(_ context: RenderContext) -> String {
    context.ui(context.strings.overdueColumn) + statusMark(context)
  }

  static func nextDeadlineHeading(_ context: RenderContext) -> String {
    context.ui(context.strings.nextDeadlineColumn) + statusMark(context)
  }

  static func trendHeading(_ context: RenderContext) -> String {
    let mark =
      context.data.trend.provinces.contains { $0[0].isIllustrative } ? " " + context.strings.illustrativeMark : ""
    return context.ui(context.strings.trendColumn) + mark
  }

  static func nextDeadlineText(_ context: RenderContext, _ next: ProvinceNextDeadline) -> String {
    context.ui(context.strings.nextDeadlineCell(open: next.open, daysLeft: next.daysLeft, format: context.format))
  }

  func header(_ context: RenderContext) -> Line {
    let strings = context.strings
    var line = Line()
    // A rank and a status are derived figures: the header carries their mark once for the column.
    let rankMark = context.marker(context.data.aggregates.rankDerivation.marker)
    let rankTitle = strings.rank + (rankMark.hasPrefix("[") ? "" : rankMark)
    line.append(rankTitle.fitted(to: 3, alignRight: true) + " ", .header)
    line.append(context.ui(strings.province).fitted(to: nameWidth) + " ", .header)
    if regionWidth > 0 {
      // The regions are illustrative in the demo: the column says so, as the province header does.
      let title = context.ui(strings.region) + context.marked(context.dataset.regionsDerivation.marker)
      line.append(title.fitted(to: regionWidth) + " ", .header)
    }
    let provincialWidth = provincialBar + 1 + ratioWidth + 1 + markerWidth
    line.append(context.ui(strings.provincial).fitted(to: provincialWidth) + " ", .header)
    let communeWidth = communeBar + 1 + percentWidth + 1 + markerWidth
    line.append(context.ui(strings.communes).fitted(to: communeWidth) + " ", .header)
    for phase in 0..<phases {
      line.append((context.ui(strings.phaseShort) + "\(phase + 1)").fitted(to: 3, alignRight: true) + " ", .header)
    }
    var cells: [(String, Int)] = [(Self.statusHeading(context), statusWidth + 1)]
    if let change = context.data.change, changeWidth > 0 {
      let mark = change.derivation.isIllustrative ? " " + strings.illustrativeMark : ""
      // Narrow: the arrows stand for the word, so the mark is never cut.
      let title = changeWord ? context.ui(strings.changeColumn) : context.upMark + context.downMark
      cells.append((title + mark, changeWidth))
    }
    if overdueWidth > 0 { cells.append((Self.overdueHeading(context), overdueWidth)) }
    if nextDeadlineWidth > 0 { cells.append((Self.nextDeadlineHeading(context), nextDeadlineWidth)) }
    if sparkWidth > 0 { cells.append((Self.trendHeading(context), sparkWidth)) }
    for (index, (text, width)) in cells.enumerated() {
      line.append(index == cells.count - 1 ? text : text.fitted(to: width) + " ", .header)
    }
    return line
  }

  func row(_ context: RenderContext, province: Int) -> Line {
    let summary = context.data.aggregates.provinces[province]
    let rank = context.data.aggregates.ranks[province]
    let format = context.format
    let noData = context.ui(context.strings.noData)
    // Nothing to count: a dash, not "·", which means "not reported" beside a status.
    let none = context.unicode ? "–" : "-"
    var line = Line()
    line.append(format.integer(rank).fitted(to: 3, alignRight: true) + " ", .dim)
    let name = context.text(context.dataset.provinces[province].name)
    line.append(name.fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
    if regionWidth > 0 {
      let region = context.text(context.dataset.regions[context.dataset.provinces[province].region].name)
      line.append(region.fitted(to: regionWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
    }

    line.spans += context.bar(summary.reported ? summary.provincial.fraction : nil, width: provincialBar)
    let provincialText = summary.reported ? format.ratio(summary.provincial) : noData
    line.append(" " + provincialText.fitted(to: ratioWidth, alignRight: true, ellipsis: ""), .normal)
    line.append(
      " " + context.marker(summary.provincialProvenance).fitted(to: markerWidth),
      context.markerRole(summary.provincialProvenance))
    line.append(" ", .normal)

    line.spans += context.bar(summary.commune?.fraction, width: communeBar)
    let percent = summary.commune.map { format.percent($0, strings: context.strings) } ?? noData
    line.append(" " + percent.fitted(to: percentWidth, alignRight: true, ellipsis: ""), .normal)
    line.append(
      " " + context.marker(summary.commune == nil ? nil : summary.communeProvenance).fitted(to: markerWidth),
      context.markerRole(summary.communeProvenance))
    line.append(" ", .normal)

    for phase in 0..<phases {
      let status = context.phaseStatus(summary.phaseGreen[phase], phase: phase)
      line.append(("  " + context.glyphs.status(status)).fitted(to: 3) + " ", context.statusRole(status))
    }
    line.append(" ", .normal)
    line.spans.append(context.statusLabel(summary.overall, width: statusWidth))
    if changeWidth > 0, let change = context.data.change?.provinces[province] {
      line.append(" ", .normal)
      let spans = context.changeSpans(change.criteria)
      line.spans += spans
      let used = spans.map(\.text.displayWidth).reduce(0, +)
      line.append(String(repeating: " ", count: max(0, changeWidth - used)), .normal)
    }
    if overdueWidth > 0 {
      let count = summary.overdueCount
      let text = summary.reported ? format.integer(count) : none
      line.append(" " + text.fitted(to: overdueWidth, alignRight: true), count > 0 ? .statusRed : .dim)
    }
    if nextDeadlineWidth > 0 {
      let text = nextDeadlines[province].map { Self.nextDeadlineText(context, $0) } ?? none
      line.append(" " + text.fitted(to: nextDeadlineWidth, ellipsis: context.glyphs.ellipsis), .label)
    }
    if sparkWidth > 0 {
      line.append(" ", .normal)
      line.append(context.sparkline(context.data.trend.provinces[province][0], width: sparkWidth), .label)
    }
    return line
  }
}
