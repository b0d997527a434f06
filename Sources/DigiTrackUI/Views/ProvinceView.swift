import DigiTrackModel

/// A province's green completion table, its breakdowns, its communes and its sources.
struct ProvinceView {
  let context: RenderContext
  let width: Int
  let density: Density
  let province: Int
  /// Only rows that are not green (`o`).
  var openOnly = false
  /// The commune list's filter (`/` in this view) and order (`s` in this view).
  var communeFilter = ""
  var communeSort: CommuneSort = .listed

  private var detail: ProvinceDetail {
    ProvinceDetail(
      dataset: context.dataset, aggregates: context.data.aggregates, province: province,
      comparison: context.data.comparison)
  }

  func page() -> Page {
    let detail = self.detail
    var top = [titleLine()]
    top += identityLines()
    top += summaryLines(detail)
    top += stillOpenLines(detail)
    if let change = detail.change, density > .compact { top += changeLines(change) }

    var body = Body()
    var openRows: [Int] = []
    var communeOpen: () -> [Int] = { [] }
    body.append([context.rule(context.strings.greenTable, width: width)])
    let criteria = criteriaRows(detail)
    openRows += criteria.open.map { body.count + 1 + $0 }
    var tables = [Page.Table(header: body.count, rows: (body.count + 1)..<(body.count + 1 + criteria.shown.count))]
    let layout = criteriaLayout(detail)
    body.append(criteriaSection(detail, ordinals: criteria.shown, layout: layout))
    body.append(criteriaLegendLines(layout))
    body.append(context.timelinessLegend(width: width))
    body.append(breakdownLines(detail))
    body.append(communeCriteriaLines(detail))
    if let units = detail.report?.communes.units {
      let communes = communeOrder(units)
      let header = communeListHeader(detail, shown: communes.shown.count)
      body.append(header)
      let headerRow = body.count - (communes.shown.isEmpty ? 2 : 1)
      tables.append(Page.Table(header: headerRow, rows: body.count..<(body.count + communes.shown.count)))
      let start = body.count
      communeOpen = { communes.open().map { start + $0 } }
      body.append(communeRows(units, shown: communes.shown))
    } else {
      body.append(communeListHeader(detail, shown: 0))
    }
    body.append(sourceLines(detail))
    let criteriaOpen = openRows
    var page = Page(top: top, body: body, openRows: { [communeOpen] in criteriaOpen + communeOpen() })
    page.tables = tables
    return page
  }

  /// `Còn thiếu: T22 <name> · T23 <name>`, or `none` when every criterion is green: what the
  /// province has still to do, before any table. At most two lines (one when compact), then the
  /// count of those left out.
  func stillOpenLines(_ detail: ProvinceDetail) -> [Line] {
    let plan = context.dataset.plan
    let strings = context.strings
    let head = context.ui(strings.stillOpen) + ": "
    guard detail.summary.reported else {
      return [Line(" " + head + context.ui(strings.statusNames[.notReported] ?? ""), .label)]
    }
    let open = detail.stillOpen(plan: plan)
    guard !open.isEmpty else { return [Line(" " + head + context.ui(strings.stillOpenNone), .statusGreen)] }
    let items = open.map { plan.criteria[$0].id + " " + context.text(plan.criteria[$0].name) }
    let maxLines = density == .compact ? 1 : 2
    let separator = " \(context.glyphs.separator) "
    for shown in stride(from: items.count, through: 1, by: -1) {
      let rest = items.count - shown
      let tail = rest > 0 ? "\(separator)+\(context.format.integer(rest))" : ""
      let wrapped = context.wrap(head + items.prefix(shown).joined(separator: separator) + tail, width: width - 1)
      if wrapped.count <= maxLines || shown == 1 {
        return wrapped.prefix(maxLines).map {
          Line(" " + $0.fitted(to: width - 1, ellipsis: context.glyphs.ellipsis), .statusYellow)
        }
      }
    }
    return []
  }

  /// The criteria table's rows (ordinals into `provincialCriteria`): all, or the open ones with
  /// `o`; and which of the shown rows are open (positions among the shown).
  func criteriaRows(_ detail: ProvinceDetail) -> (shown: [Int], open: [Int]) {
    let statuses = detail.report?.provincialStatuses
    let all = Array(context.dataset.plan.provincialCriteria.indices)
    let isOpen = { (ordinal: Int) in (statuses?[ordinal] ?? .notReported) != .green }
    let shown = openOnly ? all.filter(isOpen) : all
    return (shown, shown.indices.filter { isOpen(shown[$0]) })
  }

  private var name: String { context.text(context.dataset.provinces[province].name) }

  func titleLine() -> Line { context.titleLine(subject: name, width: width) }

  func identityLines() -> [Line] {
    let province = context.dataset.provinces[self.province]
    let strings = context.strings
    let format = context.format
    let units = province.units
    var parts = [
      context.ui(strings.typeNames[province.type] ?? ""),
      "\(context.ui(strings.code)) \(province.code)",
      "\(context.ui(strings.region)): \(context.text(context.dataset.regions[province.region].name))"
        + context.marked(context.dataset.regions[province.region].provenance),
    ]
    var counts: [String] = []
    for (count, kind) in [(units.wards, UnitKind.ward), (units.communes, .commune), (units.specialZones, .specialZone)]
    where count > 0 {
      counts.append("\(format.integer(count)) \(context.ui(strings.unitKindCounts[kind] ?? ""))")
    }
    parts.append("\(format.integer(units.total)) \(context.ui(strings.units)) (\(counts.joined(separator: ", ")))")
    let text = parts.joined(separator: " \(context.glyphs.separator) ") + " " + context.marker(units.provenance)
    return context.wrap(text, width: width - 1, indent: 1).map { Line(" " + $0, .label) }
  }

  func summaryLines(_ detail: ProvinceDetail) -> [Line] {
    let summary = detail.summary
    let strings = context.strings
    // The labels are as wide as the longest of them, whole while the bar keeps 6 cells: a label
    // cut to "Communes green on all …" loses what is counted.
    let longest =
      [strings.provincialCriteria, strings.communesGreen, strings.status]
      .map { context.ui($0).displayWidth }.max() ?? 0
    let labelWidth = max(12, min(longest + 2, width - 30 - 6))
    let barWidth = max(6, min(30, width - labelWidth - 30))
    var provincial = Line(" " + context.ui(strings.provincialCriteria).fitted(to: labelWidth - 1) + " ", .label)
    provincial.spans += context.ratioSpans(
      summary.reported ? summary.provincial : nil, barWidth: barWidth, provenance: summary.provincialProvenance)
    var communes = Line(" " + context.ui(strings.communesGreen).fitted(to: labelWidth - 1) + " ", .label)
    communes.spans += context.ratioSpans(summary.commune, barWidth: barWidth, provenance: summary.communeProvenance)

    func flagsLine(labelWidth: Int, statusWidth: Int = 15) -> Line {
      var flags = Line(" " + context.ui(strings.status).fitted(to: labelWidth - 1) + " ", .label)
      // The overall status rests on the statuses and phase flags: it carries their mark, as the
      // CSV's and JSON's `status_source` does.
      let mark = context.marked(summary.statusDerivation.marker)
      var label = context.statusLabel(summary.overall, width: 100)
      label.text = label.text.trimmingSpaces
      let pad = max(0, statusWidth - label.text.displayWidth - mark.displayWidth)
      flags.spans.append(label)
      if !mark.isEmpty { flags.append(mark, context.markerRole(summary.statusDerivation.marker)) }
      flags.append(String(repeating: " ", count: pad), .normal)
      for (index, flag) in summary.phaseGreen.enumerated() {
        let status = context.phaseStatus(flag, phase: index)
        flags.append(" \(context.glyphs.separator) \(context.ui(strings.phaseShort))\(index + 1) ", .label)
        flags.append(context.glyphs.status(status), context.statusRole(status))
      }
      if let provenance = summary.phaseGreenProvenance {
        flags.append(
          " (\(context.ui(strings.phaseGreenPublished)) \(context.marker(provenance)))", context.markerRole(provenance))
      } else if summary.reported {
        flags.append(" (\(context.ui(strings.derived)))", .dim)
      }
      return flags
    }
    // Aligned with the bars above where it fits; else its own short label keeps "(xanh theo công
    // bố [5])" whole, since the source mark is what the line is for.
    var flags = flagsLine(labelWidth: labelWidth)
    if flags.width > width {
      flags = flagsLine(labelWidth: context.ui(strings.status).displayWidth + 2, statusWidth: 0)
    }
    return density == .compact ? [provincial, communes] : [provincial, communes, flags]
  }

  /// `Change since 31/07/2025: provincial 17/32 → 31/32 (↑14) * · communes 40/65 → 65/65 (↑25) *`:
  /// improvements and regressions counted apart and never netted (a regression in the "bad"
  /// role), each part with its own mark; where the communes are not listed one by one, only the
  /// count at each date (as the overview does), since a difference of counts is a net change.
  func changeLines(_ change: ProvinceChange) -> [Line] {
    let format = context.format
    let strings = context.strings
    let arrow = context.glyphs.arrow
    func counts(_ word: String, _ before: Ratio, _ after: Ratio, _ moves: ChangeCount?, _ derivation: Derivation)
      -> [Span]
    {
      var spans = [
        Span(context.ui(word).lowercased() + " " + format.ratio(before) + " " + arrow + " " + format.ratio(after), .dim)
      ]
      if let moves {
        spans.append(Span(" (", .dim))
        spans += moves.isEmpty ? [Span(context.ui(strings.noChangeWord), .dim)] : context.changeSpans(moves)
        spans.append(Span(")", .dim))
      }
      if let marker = derivation.marker { spans.append(Span(" " + context.marker(marker), context.markerRole(marker))) }
      return spans
    }
    var items = [
      counts(
        strings.provincial, change.provincialBefore, change.provincialAfter, change.criteria,
        change.provincialDerivation)
    ]
    if let before = change.communeBefore, let after = change.communeAfter {
      items.append(counts(strings.communes, before, after, change.communes, change.communeDerivation))
    }
    let head = [Span(" " + context.ui("\(strings.changeSince) \(format.date(change.fromDate)):"), .dim)]
    return context.wrapItems(head, items, width: width - 1) + changedCriteriaLines(change)
  }

  /// `Tiêu chí thay đổi: ↓ T17 ✓→· · ↑ T03 ◐→✓`: what moved, criterion by criterion, regressions
  /// first, each marked so a step back never reads like progress (two lines on a tall screen, one
  /// on a short one, then a count of those left out).
  func changedCriteriaLines(_ change: ProvinceChange) -> [Line] {
    let ordered = change.ordered
    guard !ordered.isEmpty else { return [] }
    let plan = context.dataset.plan
    let glyphs = context.glyphs
    let mark = context.marked(change.statusDerivation.marker)
    var lines = [Line(" " + context.ui(context.strings.changedCriteria) + mark + ":", .label)]
    var shown = 0
    for item in ordered {
      let direction = context.directionMark(item.direction)
      let body =
        " " + plan.criteria[item.criterion].id + " " + glyphs.status(item.from) + glyphs.arrow
        + glyphs.status(item.to)
      let piece = " " + direction.text + body
      let rest = ordered.count - shown - 1
      let more = rest > 0 ? " +\(context.format.integer(rest))" : ""
      if lines[lines.count - 1].width + piece.displayWidth + more.displayWidth > width - 1 {
        guard lines.count < (density == .full ? 2 : 1) else { break }
        lines.append(Line("  ", .normal))
      }
      lines[lines.count - 1].append(" " + direction.text, direction.role)
      lines[lines.count - 1].append(body, .normal)
      shown += 1
    }
    if shown < ordered.count {
      lines[lines.count - 1].append(" +\(context.format.integer(ordered.count - shown))", .dim)
    }
    return lines
  }

  func breakdownLines(_ detail: ProvinceDetail) -> [Line] {
    let plan = context.dataset.plan
    let strings = context.strings
    let format = context.format
    // Labels as wide as the longest (a phase keeps its deadline), leaving the bar at least 10.
    let phaseLabels = plan.phases.map {
      "\(context.ui(strings.phase)) \($0.number): \(context.text($0.name)) (\(format.date($0.deadline)))"
    }
    let names = phaseLabels + (plan.blocks + plan.groups + plan.pillars).map { context.text($0.name) }
    let longest = names.map(\.displayWidth).max() ?? 20
    let labelWidth = max(20, min(longest + 2, width - 22 - 10))
    let barWidth = max(6, min(30, width - labelWidth - 22))
    // A phase's label gives up its name before its deadline: "Phase 2: Acceleration… (2025-12-31)".
    let shortPhaseLabels = plan.phases.map { phase in
      let head = "\(context.ui(strings.phase)) \(phase.number): "
      let tail = " (\(format.date(phase.deadline)))"
      let room = labelWidth - 1 - head.displayWidth - tail.displayWidth
      let name = context.text(phase.name)
      guard name.displayWidth > room, room >= 4 else { return head + name + tail }
      return head + name.fitted(to: room, ellipsis: context.glyphs.ellipsis).trimmingSpaces + tail
    }
    // Every breakdown counts the provincial statuses, so each rule carries their mark.
    let mark = context.marker(detail.breakdownDerivation.marker)
    func section(_ title: String, _ items: [(String, Ratio)]) -> [Line] {
      var lines = [Line.blank, context.rule(title, width: width, extra: mark)]
      for (label, ratio) in items where ratio.total > 0 {
        var line = Line(" " + label.fitted(to: labelWidth - 1, ellipsis: context.glyphs.ellipsis) + " ", .label)
        line.spans += context.bar(ratio.fraction, width: barWidth)
        line.append(
          " " + format.ratio(ratio).fitted(to: 7, alignRight: true) + " "
            + format.percent(ratio, strings: strings).fitted(to: 6, alignRight: true), .normal)
        lines.append(line)
      }
      return lines
    }
    var lines: [Line] = []
    lines += section(strings.byPhase, plan.phases.indices.map { (shortPhaseLabels[$0], detail.byPhase[$0]) })
    lines += section(strings.byBlock, plan.blocks.enumerated().map { (context.text($1.name), detail.byBlock[$0]) })
    lines += section(strings.byGroup, plan.groups.enumerated().map { (context.text($1.name), detail.byGroup[$0]) })
    lines += section(strings.byPillar, plan.pillars.enumerated().map { (context.text($1.name), detail.byPillar[$0]) })
    return lines
  }

  func communeCriteriaLines(_ detail: ProvinceDetail) -> [Line] {
    let plan = context.dataset.plan
    guard !plan.communeCriteria.isEmpty else { return [] }
    let format = context.format
    // The names as wide as the longest, where the bar keeps 10 cells and what follows it (the
    // count, the share, the mark, "(implied)") stays whole (audit F8: the names stopped at 48
    // columns on a 200-column screen).
    let longest = plan.communeCriteria.map { context.text(plan.criteria[$0].name).displayWidth }.max() ?? 0
    let anyImplied = plan.communeCriteria.indices.contains { detail.report?.communes.isImplied($0) == true }
    let impliedWidth = anyImplied ? 3 + context.ui(context.strings.impliedShort).displayWidth : 0
    let tail = 1 + 9 + 1 + 6 + 1 + context.markerWidth + impliedWidth
    let labelWidth = max(24, min(longest + 9, width - 2 - 10 - tail))
    let barWidth = max(6, min(30, width - 2 - labelWidth - tail))
    let provenance = detail.report?.communes.provenance
    var lines = [Line.blank, context.rule(context.strings.communeCriteria, width: width)]
    var implied = false
    for (ordinal, index) in plan.communeCriteria.enumerated() {
      let criterion = plan.criteria[index]
      var line = Line(" " + criterion.id.fitted(to: 4) + " ", .dim)
      var level = context.communeLevelSpan(CommuneLevel(detail.communeByCriterion[ordinal]))
      level.text += " "
      line.spans.append(level)
      line.append(
        context.text(criterion.name).fitted(to: labelWidth - 8, ellipsis: context.glyphs.ellipsis) + " ", .normal)
      if let ratio = detail.communeByCriterion[ordinal] {
        line.spans += context.bar(ratio.fraction, width: barWidth)
        line.append(
          " " + format.ratio(ratio).fitted(to: 9, alignRight: true) + " "
            + format.percent(ratio, strings: context.strings).fitted(to: 6, alignRight: true), .normal)
        line.append(" " + context.marker(provenance), context.markerRole(provenance))
        if detail.report?.communes.isImplied(ordinal) == true {
          implied = true
          line.append(" (\(context.ui(context.strings.impliedShort)))", .dim)
        }
      } else {
        line.append(String(repeating: " ", count: barWidth) + " " + context.ui(context.strings.noData), .dim)
      }
      lines.append(line)
    }
    if implied {
      lines.append(
        Line(" (\(context.ui(context.strings.impliedShort))): " + context.ui(context.strings.impliedByAllGreen), .dim))
    }
    lines.append(Line([Span(" ")] + context.communeLevelLegend(width: width - 1)))
    return lines
  }

  func sourceLines(_ detail: ProvinceDetail) -> [Line] {
    var cited: [Int] = []
    func cite(_ provenance: Provenance?) {
      if case .source(let index)? = provenance, !cited.contains(index) { cited.append(index) }
    }
    let report = detail.report
    cite(context.dataset.provinces[province].units.provenance)
    cite(report?.provincialProvenance)
    cite(report?.reportedCount?.provenance)
    cite(report?.communes.provenance)
    cite(report?.phaseGreen?.provenance)
    var lines = [Line.blank, context.rule(context.strings.sources, width: width)]
    lines += context.sourceLines(cited.sorted(), width: width)
    if context.dataset.hasIllustrativeFigures {
      lines.append(Line(context.ui(context.strings.illustrativeLegend), .illustrative))
    }
    if context.dataset.plan.provenance.isIllustrative {
      lines += context.wrap(context.ui(context.strings.modelledPlan), width: width).map { Line($0, .illustrative) }
    }
    return lines
  }
}
