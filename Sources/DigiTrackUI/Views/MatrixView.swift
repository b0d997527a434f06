import DigiTrackModel

/// Provinces × criteria as a grid of status cells. Row headers (the province) and column headers
/// (the criterion ids) stay in place; a column cursor moves sideways and the band of columns on
/// screen follows it, so that every screen is exactly one part of the export. Bands are of even
/// size, so the last is never a lone column under a cut heading.
struct MatrixView {
  let context: RenderContext
  let width: Int
  let order: [Int]
  let selection: Int?
  let filter: String
  /// The column cursor (position in `columns`); nil in a command-line export.
  var cursor: Int? = nil

  static let cellWidth = 4
  /// Up to 24 columns for names; a little less (down to 16) where that fits every column in one band.
  private var nameWidth: Int {
    let preferred = min(24, max(12, width / 7))
    let oneBand = width - (fixedWidth(name: 0) + columns.count * Self.cellWidth)
    return oneBand >= 16 && oneBand < preferred ? oneBand : preferred
  }
  var hasCommunes: Bool { !context.dataset.plan.communeCriteria.isEmpty }
  /// rank, name, "31/32", "8/8" when there are commune criteria, and the separator before the cells.
  private var fixedWidth: Int { fixedWidth(name: nameWidth) }
  private func fixedWidth(name: Int) -> Int { 4 + name + 1 + 5 + (hasCommunes ? 5 : 0) + 3 }
  /// What the totals row's label may take: everything before the `│`.
  var fixedWidthForTotals: Int { fixedWidth - 6 }

  /// Plan indices of the columns: provincial criteria, then commune-level ones.
  var columns: [Int] { context.dataset.plan.provincialCriteria + context.dataset.plan.communeCriteria }

  /// As many columns as fit, spread evenly over the bands that needs.
  var perBand: Int {
    let fit = max(1, (width - fixedWidth) / Self.cellWidth)
    let bands = max(1, (columns.count + fit - 1) / fit)
    return max(1, (columns.count + bands - 1) / bands)
  }

  var bandCount: Int { max(1, (columns.count + perBand - 1) / perBand) }

  /// The band that shows a column.
  func band(ofColumn column: Int) -> Int { min(bandCount - 1, max(0, column) / perBand) }

  /// One page per band: what an export prints.
  func pages() -> [Page] { (0..<bandCount).map { page(band: $0) } }

  func page(band: Int) -> Page {
    let band = min(max(0, band), bandCount - 1)
    let all = columns
    let range = (band * perBand)..<min(all.count, (band + 1) * perBand)
    let shown = Array(all[range])
    let cursor = self.cursor.flatMap { range.contains($0) ? $0 : nil }
    var top = [titleLine(), legendLine(range: range, total: all.count)]
    // The modelled-plan note, whole on a line of its own where the legend line has no room for it.
    if let note = modelledNote, !(top[1].spans.last?.text.hasSuffix(note) ?? false) {
      top.append(Line(" " + note.trimmingSpaces, .illustrative))
    }
    // What a commune-level cell means, on the bands that show some.
    let plan = self.context.dataset.plan
    if shown.contains(where: { plan.criteria[$0].level == .commune }) {
      top.append(Line([Span(" ")] + context.communeLevelLegend(width: width - 1)))
    }
    top += [levelLine(shown), headerLine(shown, cursor: cursor.map { $0 - range.lowerBound })]
    if let cursor { top.append(cursorLine(all[cursor], order: order)) }
    if order.isEmpty { top.append(Line(context.ui(context.strings.noMatch), .dim)) }
    let context = self.context
    let order = self.order
    let ordinals = context.dataset.plan.levelOrdinals
    let texts = CellTexts(context)
    var body = Body([
      Body.Section(count: order.count) {
        row(context, province: order[$0], columns: shown, ordinals: ordinals, texts: texts)
      }
    ])
    if !order.isEmpty { body.append([totalsLine(shown, order: order)]) }
    body.append(criteriaLegend(shown))
    return Page(top: top, body: body, selectedRow: order.isEmpty ? nil : selection)
  }

  func titleLine() -> Line { context.titleLine(subject: context.ui(context.strings.matrixTitle), width: width) }

  func legendLine(range: Range<Int>, total: Int) -> Line {
    var line = Line(" ", .normal)
    for status in Status.allCases {
      line.append(
        context.glyphs.status(status) + " " + context.text(context.strings.statusNames[status] ?? "") + "  ",
        context.statusRole(status))
    }
    // Each further part only where it fits whole: a cut "15-21/4" would misstate the band.
    func add(_ text: String, _ role: Role) {
      if line.width + text.displayWidth <= width { line.append(text, role) }
    }
    let columns = "\(context.ui(context.strings.columns)) \(range.lowerBound + 1)-\(range.upperBound)/\(total)"
    add(context.glyphs.separator + " " + columns, .label)
    if context.dataset.snapshots.last.map({ $0.reports.contains { $0?.provincialProvenance == .illustrative } })
      ?? false
    {
      context.appendIllustrativeLegend(to: &line, width: width)
    }
    if let note = modelledNote { add(note, .illustrative) }
    return line
  }

  /// `*` when the matrix's counts rest on anything illustrative (`Aggregates.matrixCountsDerivation`).
  var countsMark: String {
    context.data.aggregates.matrixCountsDerivation.isIllustrative ? context.strings.illustrativeMark : ""
  }

  /// "  * the criteria list is modelled" when the data marks the plan as modelled: said once, on
  /// the legend line where it fits whole, else on a line of its own (never cut: issue 16, item 2).
  var modelledNote: String? {
    context.dataset.plan.provenance.isIllustrative ? "  " + context.ui(context.strings.modelledPlanShort) : nil
  }

  /// "Cấp tỉnh" over the provincial columns and "Cấp xã" over the commune ones.
  func levelLine(_ shown: [Int]) -> Line {
    var line = Line(String(repeating: " ", count: fixedWidth))
    let plan = context.dataset.plan
    var start = 0
    while start < shown.count {
      let level = plan.criteria[shown[start]].level
      var end = start
      while end < shown.count, plan.criteria[shown[end]].level == level { end += 1 }
      // Each heading ends a cell before the next one starts, so two never run together; the
      // short word where the full one does not fit (two columns of "Provincial" read "Prov.").
      let room = (end - start) * Self.cellWidth - 1
      let words =
        level == .provincial
        ? [context.strings.provincial, context.strings.provincialLevelShort]
        : [context.strings.communes, context.strings.communeLevelShort]
      let label = words.map { context.ui($0) }.first { $0.displayWidth <= room } ?? context.ui(words[1])
      line.append(label.fitted(to: room, ellipsis: context.glyphs.ellipsis) + " ", .header)
      start = end
    }
    return line
  }

  /// `cursor` is the position in `shown` of the column cursor, marked `◂` (`<` in ASCII).
  func headerLine(_ shown: [Int], cursor: Int? = nil) -> Line {
    var line = Line()
    line.append(context.strings.rank.fitted(to: 3, alignRight: true) + " ", .header)
    line.append(context.ui(context.strings.province).fitted(to: nameWidth) + " ", .header)
    // The counts are derived: their headers carry the mark where it fits beside them.
    let mark = countsMark
    func heading(_ count: Int, width: Int) -> String {
      let title = context.glyphs.status(.green) + "/\(count)"
      let marked = title + mark
      return (marked.displayWidth <= width ? marked : title).fitted(to: width, alignRight: true, ellipsis: "") + " "
    }
    line.append(heading(context.dataset.plan.provincialCriteria.count, width: 5), .header)
    if hasCommunes { line.append(heading(context.dataset.plan.communeCriteria.count, width: 4), .header) }
    line.append(context.unicode ? "│ " : "| ", .border)
    for (position, index) in shown.enumerated() {
      let id = context.dataset.plan.criteria[index].id
      if position == cursor {
        line.append(id.fitted(to: Self.cellWidth - 1, ellipsis: "") + (context.unicode ? "◂" : "<"), .key)
      } else {
        line.append(id.fitted(to: Self.cellWidth, ellipsis: ""), .header)
      }
    }
    return line
  }

  /// The grid's cells, one span per status and per commune level, made once per page rather
  /// than once per cell.
  struct CellTexts {
    /// By `Status.rawValue`.
    let statuses: [Span]
    /// By `CommuneLevel.rawValue`, then the cell of no level.
    let levels: [Span]

    init(_ context: RenderContext) {
      var statuses = [Span](repeating: Span(""), count: Status.allCases.count)
      for status in Status.allCases {
        statuses[Int(status.rawValue)] = Span(" " + context.glyphs.status(status) + "  ", context.statusRole(status))
      }
      self.statuses = statuses
      var levels = [Span](repeating: Span(""), count: CommuneLevel.allCases.count + 1)
      for level in CommuneLevel.allCases.map({ Optional($0) }) + [nil] {
        var cell = context.communeLevelSpan(level)
        cell.text = " " + cell.text + "  "
        levels[level?.rawValue ?? CommuneLevel.allCases.count] = cell
      }
      self.levels = levels
    }
  }

  func row(_ context: RenderContext, province: Int, columns: [Int], ordinals: [Int], texts: CellTexts) -> Line {
    let aggregates = context.data.aggregates
    let summary = aggregates.provinces[province]
    let report = context.data.snapshot.reports[province]
    let plan = context.dataset.plan
    var line = Line()
    line.spans.reserveCapacity(columns.count + 6)
    line.append(context.format.integer(aggregates.ranks[province]).fitted(to: 3, alignRight: true) + " ", .dim)
    line.append(
      context.text(context.dataset.provinces[province].name).fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis)
        + " ", .normal)
    let count = summary.reported ? context.format.ratio(summary.provincial) : "-"
    line.append(count.fitted(to: 5, alignRight: true, ellipsis: "") + " ", .normal)
    if hasCommunes {
      // Commune-level criteria every commune meets: the row's total for the commune cells.
      let full = report.map { report in
        plan.communeCriteria.indices.count { report.communes.ratio(onCriterion: $0)?.isComplete ?? false }
      }
      let text = full.map { "\(context.format.integer($0))/\(plan.communeCriteria.count)" } ?? "-"
      line.append(text.fitted(to: 4, alignRight: true, ellipsis: "") + " ", .normal)
    }
    line.append(context.unicode ? "│ " : "| ", .border)
    for index in columns {
      let ordinal = ordinals[index]
      if plan.criteria[index].level == .provincial {
        let status = report?.provincialStatuses[ordinal] ?? .notReported
        line.spans.append(texts.statuses[Int(status.rawValue)])
      } else {
        let level = CommuneLevel(report?.communes.ratio(onCriterion: ordinal))
        line.spans.append(texts.levels[level?.rawValue ?? CommuneLevel.allCases.count])
      }
    }
    return line
  }
}
