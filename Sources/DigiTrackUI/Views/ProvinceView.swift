import DigiTrackModel

/// A province's green completion table, its breakdowns, its communes and its sources.
struct ProvinceView {
  let context: RenderContext
  let width: Int
  let density: Density
  let province: Int

  private var detail: ProvinceDetail {
    ProvinceDetail(dataset: context.dataset, aggregates: context.data.aggregates, province: province)
  }

  func page() -> Page {
    let detail = self.detail
    var top = [titleLine()]
    top += identityLines()
    top += summaryLines(detail)
    if let change = detail.change, density > .compact { top += changeLines(change) }

    var body = Body()
    body.append([context.rule(context.strings.greenTable, width: width)])
    body.append(criteriaSection(detail))
    body.append(breakdownLines(detail))
    body.append(communeCriteriaLines(detail))
    body.append(communeListHeader(detail))
    if let units = detail.report?.communes.units { body.append(communeRows(units)) }
    body.append(sourceLines(detail))
    return Page(top: top, body: body)
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
    // Room for "Cấp xã xanh đủ tiêu chí" always, for the longer English label when wide.
    let labelWidth = width >= 100 ? 31 : 24
    let barWidth = max(6, min(30, width - labelWidth - 30))
    var provincial = Line(" " + context.ui(strings.provincialCriteria).fitted(to: labelWidth - 1) + " ", .label)
    provincial.spans += context.ratioSpans(
      summary.reported ? summary.provincial : nil, barWidth: barWidth, provenance: summary.provincialProvenance)
    var communes = Line(" " + context.ui(strings.communesGreen).fitted(to: labelWidth - 1) + " ", .label)
    communes.spans += context.ratioSpans(summary.commune, barWidth: barWidth, provenance: summary.communeProvenance)

    var flags = Line(" " + context.ui(strings.status).fitted(to: labelWidth - 1) + " ", .label)
    flags.spans.append(context.statusLabel(summary.overall, width: 15))
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
    return density == .compact ? [provincial, communes] : [provincial, communes, flags]
  }

  func changeLines(_ change: ProvinceChange) -> [Line] {
    let format = context.format
    let strings = context.strings
    var text = "\(context.ui(strings.changeSince)) \(format.date(change.fromDate)): "
    text +=
      "\(context.ui(strings.provincial).lowercased()) \(format.ratio(change.provincialBefore)) \(context.glyphs.arrow) \(format.ratio(change.provincialAfter))"
    text += " (\(format.delta(change.provincialAfter.done - change.provincialBefore.done)))"
    if let before = change.communeBefore, let after = change.communeAfter {
      text +=
        " \(context.glyphs.separator) \(context.ui(strings.communes).lowercased()) \(format.ratio(before)) \(context.glyphs.arrow) \(format.ratio(after))"
      text += " (\(format.delta(after.done - before.done)))"
    }
    text += context.marked(change.derivation.marker)
    return context.wrap(context.ui(text), width: width - 1, indent: 1).map { Line(" " + $0, .dim) }
  }

  /// Columns of the criteria table: id, name, phase, group, block, status, and what changed.
  func criteriaSection(_ detail: ProvinceDetail) -> Body.Section {
    let plan = context.dataset.plan
    let strings = context.strings
    let wide = width >= 120
    let groupWidth = width >= 160 ? 36 : wide ? 22 : 5
    let blockWidth = width >= 160 ? 36 : wide ? 16 : 5
    let statusWidth = 15
    let changeWidth = detail.change == nil ? 0 : 6
    let nameWidth = max(10, width - 1 - 5 - 4 - (groupWidth + 1) - (blockWidth + 1) - statusWidth - changeWidth - 1)
    let changes = Dictionary(
      (detail.change?.statusChanges ?? []).map { ($0.criterion, $0) }, uniquingKeysWith: { a, _ in a })
    var header = Line()
    header.append(" " + context.ui(strings.criterionID).fitted(to: 4) + " ", .header)
    header.append(context.ui(strings.criterion).fitted(to: nameWidth) + " ", .header)
    header.append(context.ui(strings.phaseShort).fitted(to: 3) + " ", .header)
    header.append(context.ui(strings.group).fitted(to: groupWidth) + " ", .header)
    header.append(context.ui(strings.block).fitted(to: blockWidth) + " ", .header)
    header.append(context.ui(strings.status).fitted(to: statusWidth), .header)
    let context = self.context
    let statuses = detail.report?.provincialStatuses
    let marker = detail.report.map { context.marker($0.provincialProvenance) } ?? ""
    let markerRole = detail.report.map { context.markerRole($0.provincialProvenance) } ?? .dim
    return Body.Section(count: plan.provincialCriteria.count + 1) { row in
      guard row > 0 else { return header }
      let ordinal = row - 1
      let index = plan.provincialCriteria[ordinal]
      let criterion = plan.criteria[index]
      let status = statuses?[ordinal] ?? .notReported
      var line = Line()
      line.append(" " + criterion.id.fitted(to: 4) + " ", .dim)
      line.append(context.text(criterion.name).fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
      line.append(String(criterion.phase).fitted(to: 3) + " ", .normal)
      let group = wide ? context.text(plan.groups[criterion.group].name) : plan.groups[criterion.group].id
      let block = wide ? context.text(plan.blocks[criterion.block].name) : plan.blocks[criterion.block].id
      line.append(group.fitted(to: groupWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
      line.append(block.fitted(to: blockWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
      line.spans.append(context.statusLabel(status, width: statusWidth - 2))
      line.append(" " + marker.fitted(to: 1), markerRole)
      if let change = changes[index] {
        line.append(
          " " + context.glyphs.status(change.from) + context.glyphs.arrow + context.glyphs.status(change.to), .dim)
      }
      return line
    }
  }

  func breakdownLines(_ detail: ProvinceDetail) -> [Line] {
    let plan = context.dataset.plan
    let strings = context.strings
    let format = context.format
    let labelWidth = min(40, max(20, width / 3))
    let barWidth = max(6, min(30, width - labelWidth - 22))
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
    lines += section(
      strings.byPhase,
      plan.phases.enumerated().map { index, phase in
        (
          "\(context.ui(strings.phase)) \(phase.number): \(context.text(phase.name)) (\(format.date(phase.deadline)))",
          detail.byPhase[index]
        )
      })
    lines += section(strings.byBlock, plan.blocks.enumerated().map { (context.text($1.name), detail.byBlock[$0]) })
    lines += section(strings.byGroup, plan.groups.enumerated().map { (context.text($1.name), detail.byGroup[$0]) })
    lines += section(strings.byPillar, plan.pillars.enumerated().map { (context.text($1.name), detail.byPillar[$0]) })
    return lines
  }

  func communeCriteriaLines(_ detail: ProvinceDetail) -> [Line] {
    let plan = context.dataset.plan
    guard !plan.communeCriteria.isEmpty else { return [] }
    let format = context.format
    let labelWidth = min(48, max(24, width * 2 / 5))
    let barWidth = max(6, min(30, width - labelWidth - 28))
    let provenance = detail.report?.communes.provenance
    var lines = [Line.blank, context.rule(context.strings.communeCriteria, width: width)]
    for (ordinal, index) in plan.communeCriteria.enumerated() {
      let criterion = plan.criteria[index]
      var line = Line(" " + criterion.id.fitted(to: 4) + " ", .dim)
      line.append(
        context.text(criterion.name).fitted(to: labelWidth - 6, ellipsis: context.glyphs.ellipsis) + " ", .normal)
      if let ratio = detail.communeByCriterion[ordinal] {
        line.spans += context.bar(ratio.fraction, width: barWidth)
        line.append(
          " " + format.ratio(ratio).fitted(to: 9, alignRight: true) + " "
            + format.percent(ratio, strings: context.strings).fitted(to: 6, alignRight: true), .normal)
        line.append(" " + context.marker(provenance), context.markerRole(provenance))
      } else {
        line.append(String(repeating: " ", count: barWidth) + " " + context.ui(context.strings.noData), .dim)
      }
      lines.append(line)
    }
    return lines
  }

  func communeListHeader(_ detail: ProvinceDetail) -> [Line] {
    var lines = [Line.blank]
    guard let communes = detail.report?.communes, let units = communes.units else {
      lines.append(context.rule(context.strings.communeList, width: width))
      lines.append(Line(" " + context.ui(context.strings.communeListMissing), .dim))
      return lines
    }
    let count = "(\(context.format.integer(units.count)))"
    let mark = context.marker(communes.provenance)
    lines.append(
      context.rule(context.strings.communeList, width: width, extra: count + (mark.isEmpty ? "" : " " + mark)))
    var header = Line(" " + context.ui(context.strings.code).fitted(to: 8) + " ", .header)
    header.append(context.ui(context.strings.communes).fitted(to: communeNameWidth) + " ", .header)
    header.append(context.ui(context.strings.kind).fitted(to: 12) + " ", .header)
    for index in context.dataset.plan.communeCriteria {
      header.append(String(context.dataset.plan.criteria[index].id.suffix(3)).fitted(to: 3) + " ", .header)
    }
    header.append(" " + context.ui(context.strings.status), .header)
    lines.append(header)
    return lines
  }

  private var communeNameWidth: Int {
    max(12, min(32, width - 1 - 9 - 13 - context.dataset.plan.communeCriteria.count * 4 - 16))
  }

  func communeRows(_ units: CommuneUnits) -> Body.Section {
    let context = self.context
    let nameWidth = communeNameWidth
    return Body.Section(count: units.count) { unit in
      var line = Line(" " + context.text(units.codes[unit]).fitted(to: 8) + " ", .dim)
      line.append(
        context.text(units.names[unit]).fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
      line.append(context.ui(context.strings.unitKindNames[units.kinds[unit]] ?? "").fitted(to: 12) + " ", .label)
      let statuses = (0..<units.criteriaCount).map { units.status(unit: unit, criterion: $0) }
      for status in statuses {
        line.append(" " + context.glyphs.status(status) + "  ", context.statusRole(status))
      }
      line.spans.append(context.statusLabel(.dominant(of: statuses), width: 15))
      return line
    }
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
