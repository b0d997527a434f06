import DigiTrackModel

/// The start screen: national figures, pillars, and one row per province.
struct OverviewView {
  let context: RenderContext
  let width: Int
  let density: Density
  /// Province indices in display order (filtered and sorted).
  let order: [Int]
  let selection: Int?
  let sortLabel: String
  let filter: String
  /// Sorting by region shows the region, in its own column, so the order can be seen.
  var showRegion = false

  func page() -> Page {
    let columns = self.columns
    var top: [Line] = []
    top.append(titleLine())
    top.append(dataLine())
    if density == .full { top.append(context.rule(context.strings.nationalFigures, width: width)) }
    top += density == .full ? metricLines() : compactMetricLines()
    top += changeLines()
    // A short screen keeps its rows for the provinces (13 at 80×24): the pillars go below them.
    if density == .full { top += pillarLines() }
    if density == .full {
      let count = "(\(context.format.integer(order.count))/\(context.format.integer(context.dataset.provinces.count)))"
      top.append(context.rule(context.strings.provinces, width: width, extra: count + " " + sortLabel))
    }
    top.append(columns.header(context))

    var body = Body()
    let context = self.context
    let order = self.order
    if order.isEmpty {
      body.append([Line(context.ui(context.strings.noMatch) + ": \"\(context.text(filter))\"", .dim)])
    } else {
      body.append(Body.Section(count: order.count) { columns.row(context, province: order[$0]) })
    }
    if density < .full, !context.dataset.plan.pillars.isEmpty { body.append([.blank] + pillarLines()) }
    body.append(trailer())
    return Page(top: top, body: body, selectedRow: order.isEmpty ? nil : selection)
  }

  var columns: OverviewColumns { OverviewColumns(width: width, context: context, showRegion: showRegion) }

  func titleLine() -> Line { context.titleLine(subject: nil, width: width, dataName: false) }

  func dataLine() -> Line {
    let strings = context.strings
    var line = Line()
    line.append(" \(context.ui(strings.data)): ", .label)
    line.append(context.text(context.dataName), .normal)
    line.append(" \(context.glyphs.separator) \(context.text(context.dataset.plan.code))", .normal)
    if context.dataset.hasIllustrativeFigures { context.appendIllustrativeLegend(to: &line, width: width) }
    return line
  }

  /// One part of the national change line: its word, its figures and what they rest on. The
  /// screen and the structured exports (`ExportTables.nationalFigures`) both take these.
  struct ChangeItem {
    var label: String
    var value: [Span]
    var derivation: Derivation
    var note: [Span] = []
  }

  /// The national change against the compared date, improvements and regressions apart; the
  /// communes as the count at each date where they are not listed one by one.
  func changeItems() -> [ChangeItem] {
    guard let change = context.data.change else { return [] }
    let strings = context.strings
    let format = context.format
    func counts(_ count: ChangeCount) -> [Span] {
      count.isEmpty ? [Span(context.ui(strings.noChangeWord), .dim)] : context.changeSpans(count)
    }
    var items = [
      ChangeItem(
        label: context.ui(strings.criteriaWord), value: counts(change.criteria), derivation: change.derivation),
      ChangeItem(
        label: context.ui(strings.greenProvincesWord), value: counts(change.greenProvinces),
        derivation: change.derivation),
    ]
    if let communes = change.communes {
      var item = ChangeItem(
        label: context.ui(strings.greenCommunesWord), value: counts(communes), derivation: change.communesDerivation)
      if !change.communesComplete { item.note = [Span(" (" + context.ui(strings.partialWord) + ")", .dim)] }
      items.append(item)
    } else if change.communesBefore.total > 0 {
      // Counts only: the count at each date, not a net change passed off as progress.
      let text =
        format.ratio(change.communesBefore) + " " + context.glyphs.arrow + " " + format.ratio(change.communesAfter)
      items.append(
        ChangeItem(
          label: context.ui(strings.greenCommunesWord), value: [Span(text, .normal)],
          derivation: change.communesDerivation))
    }
    return items
  }

  /// "So với ngày 31/07/2025: tiêu chí ↑300 ↓12 · tỉnh xanh ↑34 · xã xanh ↑1.011 ↓3 *": the
  /// national change against the compared date, improvements and regressions apart.
  func changeLines() -> [Line] {
    guard let change = context.data.change else { return [] }
    let strings = context.strings
    let format = context.format
    let illustrative = Span(" " + strings.illustrativeMark, .illustrative)
    // Each item is kept whole; on a tall screen the items wrap onto a second line where the
    // width is short.
    let items: [[Span]] = changeItems().map { item in
      [Span(item.label + " ", .normal)] + item.value + (item.derivation.isIllustrative ? [illustrative] : [])
        + item.note
    }
    var lines = [Line()]
    lines[0].append(" " + context.ui(strings.comparedWith(format.date(change.fromDate))) + ":", .label)
    for (index, spans) in items.enumerated() {
      let gap = index == 0 ? " " : " \(context.glyphs.separator) "
      let itemWidth = spans.map(\.text.displayWidth).reduce(0, +)
      if lines[lines.count - 1].width + gap.displayWidth + itemWidth > width - 1 {
        // A short screen keeps the rows: the line does not wrap, and what does not fit is left
        // to the figures above it (the communes' count is there) and to the export.
        guard density == .full else { break }
        lines.append(Line("  ", .normal))
      } else {
        lines[lines.count - 1].append(gap, .normal)
      }
      lines[lines.count - 1].spans += spans
    }
    return lines
  }

  /// The pillars: a grid of bars, each name as wide as the longest where the width allows
  /// (issue 12, item 8: "Technical infrastruct…" was cut with room to spare).
  func pillarLines() -> [Line] {
    let pillars = context.dataset.plan.pillars
    let ratios = context.data.aggregates.national.pillars
    guard !pillars.isEmpty else { return [] }
    let mark = context.data.aggregates.anyProvincialIllustrative ? " " + context.strings.illustrativeMark : ""
    var lines = [context.rule(context.strings.pillars, width: width, extra: mark.trimmingSpaces)]
    let percents = ratios.map { context.format.percent($0, strings: context.strings) }
    let percentWidth = max(6, percents.map(\.displayWidth).max() ?? 0)
    let longest = pillars.map { context.text($0.name).displayWidth }.max() ?? 0
    // A cell: " name bar percent ", the bar 8 wide; as many cells a line as fit, the names cut
    // only where a single cell would not fit them.
    let fixed = 1 + 1 + 8 + 1 + percentWidth + 1
    var nameWidth = max(8, min(longest, width - 1 - fixed))
    var perLine = max(1, (width - 1) / (nameWidth + fixed))
    if perLine == 1, (width - 1) / 2 - fixed >= 12 {
      // Two a line with the names cut beats seven lines on a narrow screen.
      perLine = 2
      nameWidth = (width - 1) / 2 - fixed
    }
    var line = Line()
    for (index, pillar) in pillars.enumerated() {
      if index > 0, index % perLine == 0 {
        lines.append(line)
        line = Line()
      }
      line.append(
        " " + context.text(pillar.name).fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
      line.spans += context.bar(ratios[index].fraction, width: 8)
      line.append(" " + percents[index].fitted(to: percentWidth, alignRight: true) + " ", .normal)
    }
    lines.append(line)
    return lines
  }

  /// Below the rows: the sources the figures cite, and what the marker means.
  func trailer() -> [Line] {
    let cited = context.dataset.sources.indices.filter { citedOnOverview($0) }
    guard !cited.isEmpty || context.dataset.hasIllustrativeFigures else { return [] }
    var lines: [Line] = [.blank, context.rule(context.strings.sources, width: width)]
    lines += context.sourceLines(cited, width: width)
    if context.dataset.hasIllustrativeFigures {
      lines.append(Line(context.ui(context.strings.illustrativeLegend), .illustrative))
    }
    return lines
  }

  private func citedOnOverview(_ source: Int) -> Bool {
    context.data.aggregates.citesNationally(source: source)
  }
}
