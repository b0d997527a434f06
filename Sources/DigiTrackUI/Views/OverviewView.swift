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
    var top: [Line] = []
    top.append(titleLine())
    top.append(dataLine())
    if density == .full { top.append(context.rule(context.strings.nationalFigures, width: width)) }
    top += metricLines()
    top += changeLines()
    top += pillarLines()
    if density == .full {
      let count = "(\(context.format.integer(order.count))/\(context.format.integer(context.dataset.provinces.count)))"
      top.append(context.rule(context.strings.provinces, width: width, extra: count + " " + sortLabel))
    }
    top.append(columns.header(context))

    var body = Body()
    let columns = self.columns
    let context = self.context
    let order = self.order
    if order.isEmpty {
      body.append([Line(context.ui(context.strings.noMatch) + ": \"\(context.text(filter))\"", .dim)])
    } else {
      body.append(Body.Section(count: order.count) { columns.row(context, province: order[$0]) })
    }
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
    if context.dataset.hasIllustrativeFigures {
      line.append("  " + context.ui(strings.illustrativeLegend), .illustrative)
    }
    return line
  }

  /// The national metrics, national provincial completion, green provinces and communes.
  func metricLines() -> [Line] {
    let national = context.data.aggregates.national
    let strings = context.strings
    let format = context.format
    // Each metric's figures, measured first so the bars get whatever room is left.
    let values: [(text: String, percent: String?)] = national.metrics.map { metric in
      let unit = context.text(metric.unit)
      if let target = metric.target {
        return (
          "\(format.number(metric.value)) / \(format.number(target)) \(unit)", format.percent(metric.value / target)
        )
      }
      var value = format.number(metric.value)
      switch metric.qualifier {
      case .over?: value = context.ui(strings.over) + " " + value
      case .about?: value = context.ui(strings.about) + " " + value
      case nil: break
      }
      return (value + " " + unit, nil)
    }
    let valueWidth = values.map { $0.text.displayWidth + ($0.percent.map { $0.displayWidth + 1 } ?? 0) }.max() ?? 0
    // The label gives way before a figure would be cut (issue 12, item 9).
    // As wide as the longest label where the screen allows (issue 12, item 8: not cut at 40 on 200).
    let longest = max(40, (national.metrics.map { context.text($0.label).displayWidth }.max() ?? 0) + 2)
    let labelWidth = max(
      12, min(min(longest, max(18, width * 2 / 5)), width - 6 - valueWidth - 3 - context.markerWidth))
    let barWidth = max(6, min(30, width - labelWidth - max(valueWidth, 24) - 3 - context.markerWidth))
    var lines: [Line] = []

    for (metric, value) in zip(national.metrics, values) {
      var line = Line()
      line.append(
        " " + context.text(metric.label).fitted(to: labelWidth - 1, ellipsis: context.glyphs.ellipsis) + " ", .label)
      if let target = metric.target {
        line.spans += context.bar(metric.value / target, width: barWidth)
      } else {
        line.append(String(repeating: " ", count: barWidth), .normal)
      }
      line.append(" " + value.text, .normal)
      if let percent = value.percent { line.append(" " + percent, .label) }
      let mark = context.marker(metric.provenance)
      line.append(" " + mark, context.markerRole(metric.provenance))
      lines.append(line)
    }

    let aggregates = context.data.aggregates
    let provincialSource = aggregates.provincialProvenance
    var provincial = Line()
    provincial.append(" " + context.ui(strings.provincialCriteria).fitted(to: labelWidth - 1) + " ", .label)
    provincial.spans += context.ratioSpans(national.provincial, barWidth: barWidth, provenance: provincialSource)
    lines.append(provincial)

    var communes = Line()
    let communeSource = aggregates.communeProvenance
    communes.append(" " + context.ui(strings.communesGreen).fitted(to: labelWidth - 1) + " ", .label)
    communes.spans += context.ratioSpans(national.communes, barWidth: barWidth, provenance: communeSource)
    if !national.communesComplete { communes.append(" (" + context.ui(strings.communesGreenPartial) + ")", .dim) }
    lines.append(communes)

    var green = Line()
    green.append(" " + context.ui(strings.provincesFullyGreen).fitted(to: labelWidth - 1) + " ", .label)
    let total = format.integer(national.provinceCount)
    green.append("\(format.integer(national.fullyGreen))/\(total)", .statusGreen)
    for (index, count) in national.phaseGreen.enumerated() {
      green.append("  \(context.glyphs.separator) \(context.ui(strings.phaseShort))\(index + 1): ", .label)
      green.append("\(format.integer(count))/\(total)", .normal)
    }
    if aggregates.phaseCountsAreIllustrative { green.append(" " + strings.illustrativeMark, .illustrative) }
    // Green at the report date means green on every criterion due by then: said where it fits.
    let meaning = "  (" + context.ui(strings.provincesGreenMeaning) + ")"
    if green.width + meaning.displayWidth <= width { green.append(meaning, .dim) }
    lines.append(green)
    return lines
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
    var items: [[Span]] = []
    func item(_ word: String, _ count: ChangeCount, illustrativeFrom derivation: Derivation) {
      var spans = [Span(context.ui(word) + " ", .normal)]
      spans += count.isEmpty ? [Span(context.ui(strings.noChangeWord), .dim)] : context.changeSpans(count)
      if derivation.isIllustrative { spans.append(illustrative) }
      items.append(spans)
    }
    item(strings.criteriaWord, change.criteria, illustrativeFrom: change.derivation)
    item(strings.greenProvincesWord, change.greenProvinces, illustrativeFrom: change.derivation)
    if let communes = change.communes {
      item(strings.greenCommunesWord, communes, illustrativeFrom: change.communesDerivation)
      if !change.communesComplete {
        items[items.count - 1].append(Span(" (" + context.ui(strings.partialWord) + ")", .dim))
      }
    } else if change.communesBefore.total > 0 {
      // Counts only: the count at each date, not a net change passed off as progress.
      var spans = [Span(context.ui(strings.greenCommunesWord) + " ", .normal)]
      spans.append(
        Span(
          format.ratio(change.communesBefore) + " " + context.glyphs.arrow + " " + format.ratio(change.communesAfter),
          .normal))
      if change.communesDerivation.isIllustrative { spans.append(illustrative) }
      items.append(spans)
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

  /// The pillars: a grid of bars when there is room, one wrapped line of percentages when not.
  func pillarLines() -> [Line] {
    let pillars = context.dataset.plan.pillars
    let ratios = context.data.aggregates.national.pillars
    guard !pillars.isEmpty, density > .compact else { return [] }
    let mark = context.data.aggregates.anyProvincialIllustrative ? " " + context.strings.illustrativeMark : ""
    var lines: [Line] = []
    if density == .full {
      lines.append(context.rule(context.strings.pillars, width: width, extra: mark.trimmingSpaces))
      let perLine = max(1, (width - 1) / 34)
      let cell = min(48, (width - 1) / perLine)
      let nameWidth = cell - 8 - 8
      var line = Line()
      for (index, pillar) in pillars.enumerated() {
        if index > 0, index % perLine == 0 {
          lines.append(line)
          line = Line()
        }
        line.append(
          " " + context.text(pillar.name).fitted(to: nameWidth - 1, ellipsis: context.glyphs.ellipsis) + " ", .label)
        line.spans += context.bar(ratios[index].fraction, width: 8)
        line.append(
          " " + context.format.percent(ratios[index], strings: context.strings).fitted(to: 6, alignRight: true) + " ",
          .normal)
      }
      lines.append(line)
    } else {
      let items = pillars.enumerated().map { index, pillar in
        context.text(pillar.name) + " " + context.format.percent(ratios[index], strings: context.strings)
      }
      // One line where the screen is short (80×24 keeps 12 province rows): the pillars that fit,
      // then how many more; the full list is on a taller screen and in every export.
      let head = context.ui(context.strings.pillars) + mark + ": "
      let separator = " \(context.glyphs.separator) "
      for shown in stride(from: items.count, through: 1, by: -1) {
        let rest = items.count - shown
        let text = head + items.prefix(shown).joined(separator: separator) + (rest > 0 ? "\(separator)+\(rest)" : "")
        if text.displayWidth <= width - 1 || shown == 1 {
          lines.append(Line(" " + text.fitted(to: width - 1, ellipsis: context.glyphs.ellipsis), .normal))
          break
        }
      }
    }
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

/// The overview table's columns for one width, shared by its header and its rows.
struct OverviewColumns {
  let nameWidth: Int
  let provincialBar: Int
  let communeBar: Int
  let markerWidth: Int
  let phases: Int
  let statusWidth = 14
  /// 0 when the region is not shown.
  let regionWidth: Int
  /// The change column ("↑10 ↓2"), 0 without a comparison or when it does not fit.
  let changeWidth: Int
  /// The per-province sparkline, 0 below 120 columns or with a single report date.
  let sparkWidth: Int

  init(width: Int, context: RenderContext, showRegion: Bool = false) {
    markerWidth = context.markerWidth
    phases = context.dataset.plan.phases.count
    nameWidth = min(26, max(12, width / 6))
    let longestRegion = context.dataset.regions.map { context.text($0.name).displayWidth }.max() ?? 0
    regionWidth = showRegion ? min(longestRegion, max(10, width / 6)) : 0
    // rank 4, name, region, " 31/32" 6 + marker, " 100,0%" 7 + marker, flags 4 each, status.
    let fixed =
      4 + nameWidth + 1 + (regionWidth > 0 ? regionWidth + 1 : 0) + 6 + 1 + markerWidth + 1 + 7 + 1 + markerWidth + 1
      + phases * 4 + 1 + statusWidth
    // The change column comes first when room is short: the commune bar goes (its percentage
    // stays), and the column is left out only where even that does not make it fit.
    let wantsChange = context.data.change != nil
    changeWidth = wantsChange && width - fixed - 1 - 9 >= 5 ? (width >= 100 ? 11 : 9) : 0
    let snapshots = context.dataset.snapshots.count
    sparkWidth = width >= 120 && snapshots > 1 ? min(26, max(11, snapshots + 1)) : 0
    let bars = max(4, width - fixed - 1 - changeWidth - sparkWidth)
    if changeWidth > 0, bars < 10 {
      provincialBar = min(30, bars)
      communeBar = 0
    } else {
      provincialBar = min(30, max(2, bars / 2))
      communeBar = min(30, max(2, bars - bars / 2))
    }
  }

  func header(_ context: RenderContext) -> Line {
    let strings = context.strings
    var line = Line()
    // A rank and a status are derived figures: the header carries their mark once for the column.
    let rankMark = context.marker(context.data.aggregates.rankDerivation.marker)
    let rankTitle = strings.rank + (rankMark.hasPrefix("[") ? "" : rankMark)
    line.append(rankTitle.fitted(to: 3, alignRight: true) + " ", .header)
    line.append(context.ui(strings.province).fitted(to: nameWidth) + " ", .header)
    if regionWidth > 0 { line.append(context.ui(strings.region).fitted(to: regionWidth) + " ", .header) }
    line.append(context.ui(strings.provincial).fitted(to: provincialBar + 6 + 1 + markerWidth) + " ", .header)
    line.append(context.ui(strings.communes).fitted(to: communeBar + 7 + 1 + markerWidth) + " ", .header)
    for phase in 0..<phases {
      line.append((context.ui(strings.phaseShort) + "\(phase + 1)").fitted(to: 3, alignRight: true) + " ", .header)
    }
    let statusMark = context.data.aggregates.national.fullyGreenDerivation.isIllustrative
    let status = " " + context.ui(strings.status) + (statusMark ? " " + strings.illustrativeMark : "")
    if changeWidth == 0 && sparkWidth == 0 {
      line.append(status, .header)
      return line
    }
    line.append(status.fitted(to: statusWidth + 1) + " ", .header)
    if let change = context.data.change, changeWidth > 0 {
      let mark = change.derivation.isIllustrative ? " " + strings.illustrativeMark : ""
      let word = context.ui(strings.changeColumn)
      // Narrow: the arrows stand for the word, so the mark is never cut.
      let title = word.displayWidth + mark.count < changeWidth ? word : context.upMark + context.downMark
      line.append((title + mark).fitted(to: changeWidth), .header)
    }
    if sparkWidth > 0 {
      let mark = context.data.trend.provinces.contains { $0[0].isIllustrative } ? " " + strings.illustrativeMark : ""
      line.append((context.ui(strings.trendColumn) + mark).fitted(to: sparkWidth), .header)
    }
    return line
  }

  func row(_ context: RenderContext, province: Int) -> Line {
    let summary = context.data.aggregates.provinces[province]
    let rank = context.data.aggregates.ranks[province]
    let format = context.format
    var line = Line()
    line.append(format.integer(rank).fitted(to: 3, alignRight: true) + " ", .dim)
    let name = context.text(context.dataset.provinces[province].name)
    line.append(name.fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
    if regionWidth > 0 {
      let region = context.text(context.dataset.regions[context.dataset.provinces[province].region].name)
      line.append(region.fitted(to: regionWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
    }

    line.spans += context.bar(summary.reported ? summary.provincial.fraction : nil, width: provincialBar)
    let provincialText = summary.reported ? format.ratio(summary.provincial) : context.ui(context.strings.noData)
    line.append(" " + provincialText.fitted(to: 5, alignRight: true, ellipsis: ""), .normal)
    line.append(
      " " + context.marker(summary.provincialProvenance).fitted(to: markerWidth),
      context.markerRole(summary.provincialProvenance))
    line.append(" ", .normal)

    line.spans += context.bar(summary.commune?.fraction, width: communeBar)
    let percent =
      summary.commune.map { format.percent($0, strings: context.strings) } ?? context.ui(context.strings.noData)
    line.append(" " + percent.fitted(to: 6, alignRight: true, ellipsis: ""), .normal)
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
    if changeWidth > 0 || sparkWidth > 0 { line.append(" ", .normal) }
    if changeWidth > 0, let change = context.data.change?.provinces[province] {
      let spans = context.changeSpans(change.criteria)
      line.spans += spans
      let used = spans.map(\.text.displayWidth).reduce(0, +)
      line.append(String(repeating: " ", count: max(1, changeWidth - used)), .normal)
    }
    if sparkWidth > 0 {
      line.append(context.sparkline(context.data.trend.provinces[province][0], width: sparkWidth - 1), .label)
    }
    return line
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
