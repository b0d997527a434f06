import DigiTrackModel

/// The trend view (`t`): the national figures over every report date, each drawn as a small
/// chart in the terminal (block glyphs, `#` on ASCII terminals) with a labelled share axis, the
/// report dates along the bottom and each date's value with its source mark below, so a
/// published value shows its source and an illustrative one `*`, as everywhere else.
struct TrendView {
  let context: RenderContext
  let width: Int
  let density: Density

  /// Rows of one chart's plot, by how tall the screen is.
  var plotHeight: Int {
    switch density {
    case .full: 6
    case .medium: 4
    case .compact: 3
    }
  }

  func page() -> Page {
    let trend = context.data.trend
    var body = Body()
    if trend.dates.count < 2 {
      let date = context.format.date(trend.dates.first ?? context.data.snapshot.date)
      body.append(
        context.wrap(context.ui(context.strings.trendSingleDate(date)), width: width - 2).map { Line(" " + $0, .label) }
      )
      body.append([.blank])
    }
    for series in trend.national {
      body.append(chart(series))
    }
    body.append(context.wrap(context.ui(context.strings.trendLegend), width: width - 2).map { Line(" " + $0, .dim) })
    let top = [
      context.titleLine(subject: context.ui(context.strings.trendTitle), width: width),
      context.rule(context.strings.trendTitle, width: width, extra: "(\(context.format.integer(trend.dates.count)))"),
    ]
    return Page(top: top, body: body)
  }

  /// The figure's name as the overview calls it.
  func label(_ series: Trend.Series) -> String {
    switch series.id {
    case Trend.provincesGreen: context.ui(context.strings.provincesFullyGreen)
    case Trend.provincialCriteria: context.ui(context.strings.provincialCriteria)
    case Trend.communesGreen: context.ui(context.strings.communesGreen)
    default: series.label.map(context.text) ?? series.id
    }
  }

  /// "34/34 100%" or "4.450.000 / 5.300.000 84,0%", and the source mark.
  func valueText(_ point: Trend.Point, target: Bool) -> String {
    let format = context.format
    var text =
      target
      ? format.number(point.value) + " / " + format.number(point.total ?? 0)
      : format.integer(Int(point.value)) + "/" + format.integer(Int(point.total ?? 0))
    if let fraction = point.fraction { text += " " + format.percent(fraction) }
    return text + context.marked(point.derivation.marker)
  }

  /// One figure: a heading, the plot with its axis, the dates, and the values.
  func chart(_ series: Trend.Series) -> [Line] {
    let axisWidth = 6
    let plotWidth = max(4, width - axisWidth - 2)
    let dates = context.data.trend.dates
    let columns = columnDates(count: dates.count, plotWidth: plotWidth)
    var lines: [Line] = [.blank]
    let mark = series.isIllustrative ? " " + context.strings.illustrativeMark : ""
    // A long name (a published metric says what it is not) wraps rather than lose its meaning
    // (audit F8: "…green on all…" at 120×40).
    var heading = context.wrap(label(series), width: width - 2 - mark.count).map { Line(" " + $0, .header) }
    if !mark.isEmpty { heading[heading.count - 1].append(mark, .illustrative) }
    lines += heading
    if series.hasTarget {
      // The target is the chart's 100 %: a dashed line above the plot, named and valued.
      let target = series.points.last { $0?.total != nil }??.total
      let words = " " + context.ui(context.strings.targetWord) + (target.map { " " + context.format.number($0) } ?? "")
      var line = Line()
      line.append(String(repeating: " ", count: axisWidth), .normal)
      line.append(
        String(repeating: context.unicode ? "┄" : "-", count: max(1, plotWidth - words.displayWidth + 1)), .label)
      line.append(words, .label)
      lines.append(line)
    }
    let levels: [String] =
      context.unicode ? [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : [" ", " ", " ", " ", "#", "#", "#", "#", "#"]
    for row in (0..<plotHeight).reversed() {
      var line = Line()
      let axisLabel: String
      if row == plotHeight - 1 {
        axisLabel = "100%"
      } else if row == plotHeight / 2 - (plotHeight % 2 == 0 ? 1 : 0) && plotHeight > 2 {
        axisLabel = "50%"
      } else {
        axisLabel = ""
      }
      line.append(axisLabel.fitted(to: axisWidth - 1, alignRight: true) + " ", .label)
      line.append(context.unicode ? "┤" : "|", .border)
      var cells = ""
      for column in columns {
        guard let index = column, let fraction = series.points[index]?.fraction else {
          cells += " "
          continue
        }
        var eighths = Int((fraction * Double(plotHeight * 8)).rounded())
        if fraction > 0 { eighths = max(1, eighths) }
        cells += levels[min(8, max(0, eighths - row * 8))]
      }
      line.append(cells, .barFill)
      lines.append(line)
    }
    var axis = Line()
    axis.append("0%".fitted(to: axisWidth - 1, alignRight: true) + " ", .label)
    axis.append((context.unicode ? "└" : "+") + String(repeating: context.glyphs.rule, count: plotWidth), .border)
    lines.append(axis)
    lines.append(Line(String(repeating: " ", count: axisWidth + 1) + dateLabels(columns, plotWidth: plotWidth), .label))
    lines += valueLines(series)
    return lines
  }

  /// Which report date each plot column draws (nil for a gap between bars): each date gets an
  /// equal slot while they fit, with a one-column gap when the slot allows; with more dates than
  /// columns, each column shows the latest date that falls in it.
  func columnDates(count: Int, plotWidth: Int) -> [Int?] {
    guard count > 0 else { return [] }
    if count <= plotWidth {
      let slot = min(12, plotWidth / count)
      var columns: [Int?] = []
      for index in 0..<count {
        let bar = slot > 2 ? slot - 1 : slot
        columns += Array(repeating: index, count: bar) + Array(repeating: nil, count: slot - bar)
      }
      return columns
    }
    return (0..<plotWidth).map { column in ((column + 1) * count - 1) / plotWidth }
  }

  /// The dates under the plot, each at the first column it draws; the last date always, the
  /// others where they do not run into a neighbour.
  func dateLabels(_ columns: [Int?], plotWidth: Int) -> String {
    let dates = context.data.trend.dates
    var starts: [(Int, Int)] = []
    for (column, index) in columns.enumerated() {
      if let index, starts.last?.1 != index { starts.append((column, index)) }
    }
    var cells = Array(repeating: Character(" "), count: plotWidth + 12)
    var taken = Array(repeating: false, count: cells.count)
    func place(_ column: Int, _ text: String) -> Bool {
      let start = min(column, max(0, cells.count - text.count))
      let range = max(0, start - 1)..<min(cells.count, start + text.count + 1)
      guard !range.contains(where: { taken[$0] }), start + text.count <= cells.count else { return false }
      for (offset, character) in text.enumerated() {
        cells[start + offset] = character
        taken[start + offset] = true
      }
      return true
    }
    let short = plotWidth / max(1, starts.count) < 11 && dates.count > 2
    func text(_ index: Int) -> String {
      let full = context.format.date(dates[index])
      return short ? String(full.prefix(5)) : full
    }
    if let last = starts.last { _ = place(last.0, text(last.1)) }
    for (column, index) in starts.dropLast() { _ = place(column, text(index)) }
    var line = String(cells)
    while line.last == " " { line.removeLast() }
    return line
  }

  /// Each date's value with its mark; with many dates, the first and the last two.
  func valueLines(_ series: Trend.Series) -> [Line] {
    let dates = context.data.trend.dates
    var picked = Array(dates.indices)
    if picked.count > 4 { picked = [picked[0], picked[picked.count - 2], picked[picked.count - 1]] }
    var pieces: [String] = []
    for (position, index) in picked.enumerated() {
      if position > 0, picked[position - 1] != index - 1 { pieces.append(context.glyphs.ellipsis) }
      let value =
        series.points[index].map { valueText($0, target: series.hasTarget) } ?? context.ui(context.strings.noData)
      pieces.append(context.format.date(dates[index]) + ": " + value)
    }
    let joined = pieces.joined(separator: " \(context.glyphs.separator) ")
    return context.wrap(context.text(joined), width: width - 8).map {
      Line(String(repeating: " ", count: 7) + $0, .normal)
    }
  }
}
