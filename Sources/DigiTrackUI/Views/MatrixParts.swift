import DigiTrackModel

/// The matrix's reading aids (issue 12, item 15): the line naming the criterion under the column
/// cursor, the totals row (provinces green on each column), and the legend of the band's codes,
/// which an export carries too.
extension MatrixView {
  /// Whether a province is green on a column: its status on a provincial criterion
  /// (`provincial`), or every commune meeting a commune-level one. `ordinal` is the column's
  /// `plan.levelOrdinals[index]`, which the caller works out once per column: the plan makes the
  /// list anew at every use. The report is read in place: copying it (and the plan) for each
  /// province and column cost more than the rest of the totals row.
  static func isGreen(_ reports: [Report?], province: Int, provincial: Bool, ordinal: Int) -> Bool {
    if provincial { return reports[province]?.provincialStatuses[ordinal] == .green }
    return reports[province]?.communes.ratio(onCriterion: ordinal)?.isComplete ?? false
  }

  /// "▸ T22 Số hóa tài liệu … · GĐ2, hạn 31/12/2025 · 29/34 tỉnh xanh".
  func cursorLine(_ index: Int, order: [Int]) -> Line {
    let plan = context.dataset.plan
    let criterion = plan.criteria[index]
    let ordinal = plan.levelOrdinals[index]
    let reports = context.data.snapshot.reports
    let provincial = criterion.level == .provincial
    let green = order.count { Self.isGreen(reports, province: $0, provincial: provincial, ordinal: ordinal) }
    let strings = context.strings
    let tail =
      " \(context.glyphs.separator) \(context.ui(strings.phaseShort))\(criterion.phase), "
      + "\(context.ui(strings.deadlineWord)) \(context.format.date(plan.deadline(ofCriterion: index)))"
      + " \(context.glyphs.separator) \(context.format.integer(green))/\(context.format.integer(order.count)) "
      + context.ui(strings.provincesGreenShort)
    let head = (context.unicode ? " ▸ " : " > ") + criterion.id + " "
    let room = max(8, width - head.displayWidth - tail.displayWidth - 1)
    var line = Line(head, .key)
    line.append(context.text(criterion.name).fitted(to: min(room, context.text(criterion.name).displayWidth)), .normal)
    line.append(tail, .label)
    return line
  }

  /// The last row: for each column, how many of the listed provinces are green on it.
  func totalsLine(_ shown: [Int], order: [Int]) -> Line {
    let mark = countsMark.isEmpty ? "" : " " + countsMark
    let label = context.ui(context.strings.provincesGreenRow)
    let room = fixedWidthForTotals - mark.count
    let marked =
      label.displayWidth <= room ? label + mark : label.fitted(to: room, ellipsis: context.glyphs.ellipsis) + mark
    var line = Line("    " + marked.fitted(to: fixedWidthForTotals), .header)
    line.append(context.unicode ? "│" : "|", .border)
    let ordinals = context.dataset.plan.levelOrdinals
    let criteria = context.dataset.plan.criteria
    let reports = context.data.snapshot.reports
    for index in shown {
      let provincial = criteria[index].level == .provincial
      let ordinal = ordinals[index]
      let green = order.count { Self.isGreen(reports, province: $0, provincial: provincial, ordinal: ordinal) }
      line.append(context.format.integer(green).fitted(to: Self.cellWidth - 1, alignRight: true) + " ", .label)
    }
    return line
  }

  /// The codes of the band and what they stand for, wrapped: "T01 Nâng cấp … (GĐ1, 30/06/2025) · …".
  func criteriaLegend(_ shown: [Int]) -> [Line] {
    let plan = context.dataset.plan
    let items = shown.map { index in
      let criterion = plan.criteria[index]
      return criterion.id + " " + context.text(criterion.name) + " (\(context.ui(context.strings.phaseShort))"
        + "\(criterion.phase), \(context.format.date(plan.deadline(ofCriterion: index))))"
    }
    var lines = [Line.blank, context.rule(context.strings.criteriaLegend, width: width)]
    lines += context.wrap(items.joined(separator: " \(context.glyphs.separator) "), width: width - 1, indent: 1)
      .map { Line(" " + $0, .dim) }
    return lines
  }
}
