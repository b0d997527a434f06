import DigiTrackModel

/// Small pieces of the change and trend features: a change cell ("↑10 ↓2"), a sparkline, and the
/// arrows of one criterion's move.
extension RenderContext {
  /// "↑10 ↓2", improvements in the good role and regressions in the bad one, never netted; a dim
  /// "·" when nothing moved. ASCII terminals get "+10 -2".
  func changeSpans(_ count: ChangeCount) -> [Span] {
    guard !count.isEmpty else { return [Span(glyphs.separator, .dim)] }
    var spans: [Span] = []
    if count.improvements > 0 { spans.append(Span(upMark + format.integer(count.improvements), .statusGreen)) }
    if count.regressions > 0 {
      if !spans.isEmpty { spans.append(Span(" ", .normal)) }
      spans.append(Span(downMark + format.integer(count.regressions), .statusRed))
    }
    return spans
  }

  /// The plain text of `changeSpans`.
  func changeText(_ count: ChangeCount) -> String { changeSpans(count).map(\.text).joined() }

  var upMark: String { unicode ? "↑" : "+" }
  var downMark: String { unicode ? "↓" : "-" }

  /// The mark of one move: ↓ for a regression, ↑ for an improvement, → for anything else.
  func directionMark(_ direction: ChangeDirection) -> (text: String, role: Role) {
    switch direction {
    case .regression: (downMark, .statusRed)
    case .improvement: (upMark, .statusGreen)
    case .other: (glyphs.arrow, .dim)
    }
  }

  /// A sparkline of the series' shares, one cell per report date (the latest ones when there are
  /// more dates than cells); a gap where the figure has no value. ASCII terminals get digits 0–9.
  func sparkline(_ series: Trend.Series, width: Int) -> String {
    guard width > 0 else { return "" }
    let points = series.points.suffix(width)
    let levels: [Character] = unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : Array("0123456789")
    var text = ""
    for point in points {
      guard let fraction = point?.fraction else {
        text.append(" ")
        continue
      }
      text.append(levels[min(levels.count - 1, Int((fraction * Double(levels.count - 1)).rounded()))])
    }
    return text.fitted(to: width)
  }

  /// `head` then the items, separated by " · ", onto as many lines as `width` needs, breaking only
  /// between items so no count is split from its mark (a later line is indented by two).
  func wrapItems(_ head: [Span], _ items: [[Span]], width: Int) -> [Line] {
    var lines = [Line(head)]
    for (index, item) in items.enumerated() {
      let gap = index == 0 ? " " : " \(glyphs.separator) "
      let itemWidth = item.reduce(0) { $0 + $1.text.displayWidth }
      if index > 0, lines[lines.count - 1].width + gap.displayWidth + itemWidth > width {
        lines.append(Line("  ", .dim))
      } else {
        lines[lines.count - 1].append(gap, .dim)
      }
      lines[lines.count - 1].spans += item
    }
    return lines
  }
}
