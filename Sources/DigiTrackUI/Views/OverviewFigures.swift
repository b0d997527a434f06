import DigiTrackModel

/// The overview's national figures: the metrics, the national provincial and commune completion
/// and the provinces fully green. Labels are whole where the screen allows (issue 12, item 8: they
/// stopped at 40 columns on a 200-column screen); the bars get what is left, and where a bar
/// would cut a label the bar gives way and the numbers stay.
extension OverviewView {
  /// One line's pieces: the label, the bar's fraction (nil: a line without a bar, such as a
  /// metric without a target), the figures after it (each starting with a space), and what is
  /// said after them where it fits.
  struct FigureLine {
    var label: String
    var bar: Double??
    var value: [Span]
    var after: [Span] = []
  }

  /// The label column and the bar width for labels up to `longestLabel` and figures up to
  /// `valueWidth` at `width`: " label bar value", the bar 10 to 30 cells or none.
  static func figureLayout(width: Int, longestLabel: Int, valueWidth: Int) -> (label: Int, bar: Int) {
    let room = width - 3 - valueWidth
    if room - longestLabel >= 10 { return (longestLabel, min(OverviewColumns.barMaximum, room - longestLabel)) }
    if room - 10 >= 32 { return (room - 10, 10) }
    return (max(12, room + 1), 0)
  }

  func figureItems() -> [FigureLine] {
    let national = context.data.aggregates.national
    let aggregates = context.data.aggregates
    let strings = context.strings
    let format = context.format
    var items: [FigureLine] = national.metrics.map { metric in
      let unit = context.text(metric.unit)
      var value: [Span]
      if let target = metric.target {
        value = [
          Span(" \(format.number(metric.value)) / \(format.number(target)) \(unit)", .normal),
          Span(" " + format.percent(metric.value / target), .label),
        ]
      } else {
        var text = format.number(metric.value)
        switch metric.qualifier {
        case .over?: text = context.ui(strings.over) + " " + text
        case .about?: text = context.ui(strings.about) + " " + text
        case nil: break
        }
        value = [Span(" " + text + " " + unit, .normal)]
      }
      value.append(Span(" " + context.marker(metric.provenance), context.markerRole(metric.provenance)))
      return FigureLine(
        label: context.text(metric.label), bar: metric.target.map { .some(metric.value / $0) } ?? .none, value: value)
    }
    items.append(
      FigureLine(
        label: context.ui(strings.provincialCriteria), bar: .some(national.provincial.fraction),
        value: context.ratioSpans(national.provincial, barWidth: 0, provenance: aggregates.provincialProvenance)))
    var communes = FigureLine(
      label: context.ui(strings.communesGreen), bar: .some(national.communes.fraction),
      value: context.ratioSpans(national.communes, barWidth: 0, provenance: aggregates.communeProvenance))
    if !national.communesComplete {
      communes.after = [Span(" (" + context.ui(strings.communesGreenPartial) + ")", .dim)]
    }
    items.append(communes)
    return items
  }

  /// "34/34  · GĐ1: 34/34  · GĐ2: 5/34 *", and what green means where it fits.
  func provincesGreenSpans() -> (value: [Span], meaning: Span) {
    let national = context.data.aggregates.national
    let strings = context.strings
    let format = context.format
    let total = format.integer(national.provinceCount)
    var spans = [Span("\(format.integer(national.fullyGreen))/\(total)", .statusGreen)]
    for (index, count) in national.phaseGreen.enumerated() {
      spans.append(Span("  \(context.glyphs.separator) \(context.ui(strings.phaseShort))\(index + 1): ", .label))
      spans.append(Span("\(format.integer(count))/\(total)", .normal))
      // A phase count resting only on published flags cites them (the 31/07/2025 "34/34").
      if case .sources(let cited) = context.data.aggregates.national.phaseCountDerivations[index],
        let first = cited.first
      {
        spans.append(Span(" " + context.marker(.source(first)), .dim))
      }
    }
    if context.data.aggregates.phaseCountsAreIllustrative {
      spans.append(Span(" " + strings.illustrativeMark, .illustrative))
    }
    // Green at the report date means green on every criterion due by then: said where it fits.
    return (spans, Span("  (" + context.ui(strings.provincesGreenMeaning) + ")", .dim))
  }

  /// The national figures on a tall screen: one line each, labels in a column, bars where they
  /// fit beside whole labels.
  func metricLines() -> [Line] {
    let items = figureItems()
    let greenLabel = context.ui(context.strings.provincesFullyGreen)
    let longest = max(greenLabel.displayWidth, items.map(\.label.displayWidth).max() ?? 0)
    let valueWidth = items.map { $0.value.map(\.text.displayWidth).reduce(0, +) }.max() ?? 0
    let (labelWidth, barWidth) = Self.figureLayout(width: width, longestLabel: longest, valueWidth: valueWidth)
    let ellipsis = context.glyphs.ellipsis
    var lines: [Line] = []
    for item in items {
      var line = Line()
      let ownValue = item.value.map(\.text.displayWidth).reduce(0, +)
      let hasBar = barWidth > 0 && item.bar != nil
      // A line without a bar lends its label the bar's cells; any line lends it what its own
      // figures leave, so a label is cut only where its own line has no room.
      let column = labelWidth + (barWidth > 0 && !hasBar ? barWidth + 1 : 0)
      let room = max(column, width - 2 - ownValue - (hasBar ? barWidth + 1 : 0))
      let label =
        item.label.displayWidth <= column
        ? item.label.fitted(to: column) : item.label.fitted(to: room, ellipsis: ellipsis)
      line.append(" " + label, .label)
      if hasBar, let fraction = item.bar {
        line.append(" ", .normal)
        line.spans += context.bar(fraction, width: barWidth)
      }
      line.spans += item.value + item.after
      lines.append(line)
    }
    // Figures in the column; what green means where it fits, the figures moving up to their
    // label to make room for it before it is left out.
    let (value, meaning) = provincesGreenSpans()
    let greenWidth = value.map(\.text.displayWidth).reduce(0, +)
    let meaningWidth = meaning.text.displayWidth
    var green = Line(" " + greenLabel.fitted(to: labelWidth, ellipsis: ellipsis) + " ", .label)
    let natural = greenLabel.displayWidth + 3
    if green.width + greenWidth + meaningWidth > width,
      natural + greenWidth + meaningWidth <= width || green.width + greenWidth > width
    {
      green = Line(" " + greenLabel + " ", .label)
    }
    lines += greenLines(green)
    return lines
  }

  /// `start` (the label), then the provinces-green figures a phase at a time, the next phase on a
  /// further line where the width ends, never cut (audit F4: "GĐ2: 0/34 *" was lost at 60
  /// columns), then what green means where it fits.
  func greenLines(_ start: Line) -> [Line] {
    let (value, meaning) = provincesGreenSpans()
    let phaseStart = "  " + context.glyphs.separator
    var groups: [[Span]] = []
    for span in value {
      if groups.isEmpty || span.text.hasPrefix(phaseStart) {
        groups.append([span])
      } else {
        groups[groups.count - 1].append(span)
      }
    }
    var lines = [start]
    for (index, group) in groups.enumerated() {
      let groupWidth = group.reduce(0) { $0 + $1.text.displayWidth }
      if index > 0, lines[lines.count - 1].width + groupWidth > width {
        var moved = group
        moved[0].text = String(moved[0].text.drop { $0 == " " })
        lines.append(Line([Span("   ", .label)] + moved))
      } else {
        lines[lines.count - 1].spans += group
      }
    }
    if lines[lines.count - 1].width + meaning.text.displayWidth <= width {
      lines[lines.count - 1].spans.append(meaning)
    }
    return lines
  }

  /// The national figures on a short screen (80×24 keeps 13 province rows): the metrics without
  /// bars, the provincial and commune completion on one line, the provinces green on the next.
  func compactMetricLines() -> [Line] {
    let items = figureItems()
    let metrics = items.dropLast(2)
    let longest = metrics.map(\.label.displayWidth).max() ?? 0
    let valueWidth = metrics.map { $0.value.map(\.text.displayWidth).reduce(0, +) }.max() ?? 0
    let labelWidth = min(longest, max(12, width - 2 - valueWidth))
    let ellipsis = context.glyphs.ellipsis
    var lines: [Line] = []
    for item in metrics {
      let ownValue = item.value.map(\.text.displayWidth).reduce(0, +)
      let room = max(labelWidth, width - 2 - ownValue)
      let label =
        item.label.displayWidth <= labelWidth
        ? item.label.fitted(to: labelWidth) : item.label.fitted(to: room, ellipsis: ellipsis)
      var line = Line(" " + label, .label)
      line.spans += item.value
      lines.append(line)
    }
    // "Tiêu chí, nhiệm vụ cấp tỉnh 1.003/1.088 92,2% * · Cấp xã xanh đủ tiêu chí …", or the
    // short labels where the long ones do not fit.
    let strings = context.strings
    let pairs = [
      [items[items.count - 2].label, items[items.count - 1].label],
      [context.ui(strings.provincialShort), context.ui(strings.communesGreenShort)],
    ]
    // A figure is whole or on the next line, never cut (issue 12, item 9): where neither pair
    // fits on one line, each figure takes a line of its own with its short label.
    var placed = false
    for labels in pairs {
      var line = Line()
      for (position, item) in items.suffix(2).enumerated() {
        if position > 0 { line.append(" \(context.glyphs.separator)", .normal) }
        line.append(" " + labels[position], .label)
        line.spans += item.value + item.after
      }
      if line.width < width {
        lines.append(line)
        placed = true
        break
      }
    }
    if !placed {
      for (position, item) in items.suffix(2).enumerated() {
        var line = Line(" " + pairs[pairs.count - 1][position], .label)
        line.spans += item.value
        if line.width + item.after.map(\.text.displayWidth).reduce(0, +) < width { line.spans += item.after }
        lines.append(line)
      }
    }
    lines += greenLines(Line(" " + context.ui(strings.provincesFullyGreen) + " ", .label))
    return lines
  }
}
