import DigiTrackModel

/// The overdue view (`d`): every provincial criterion past its deadline and not green at the
/// report date, one row per province and criterion, most days late first; below it the national
/// view, each overdue criterion with the number of provinces where it is overdue. The rule is the
/// model's (`OverdueList`); this only lays it out.
struct OverdueView {
  let context: RenderContext
  let width: Int
  /// The provinces the filter (`/`, `o`) leaves; the list keeps only theirs.
  let order: [Int]
  let selection: Int?

  /// The list for the visible provinces at the report date.
  static func list(_ context: RenderContext, order: [Int]) -> OverdueList {
    OverdueList(dataset: context.dataset, snapshotIndex: context.data.aggregates.snapshotIndex, provinces: order)
  }

  private var nameWidth: Int { min(22, max(12, width / 6)) }
  /// The days column: as wide as its heading ("Quá hạn", "Days late"), numbers right-aligned.
  private var daysWidth: Int { max(5, context.ui(context.strings.daysLate).displayWidth) }
  private let dateWidth = 10
  private let statusWidth = 15
  private var criterionWidth: Int {
    min(90, max(12, width - 1 - (daysWidth + 1) - (dateWidth + 1) - (nameWidth + 1) - statusWidth - 2 - 1))
  }

  func page() -> Page {
    let list = Self.list(context, order: order)
    let strings = context.strings
    let summary = summaryLine(list)
    var top = [context.titleLine(subject: context.ui(strings.overdueTitle), width: width), summary]
    top.append(context.rule(strings.overdueByProvince, width: width))
    top.append(header())
    var body = Body()
    let context = self.context
    let entries = list.entries
    if entries.isEmpty {
      body.append([Line(" " + context.ui(strings.overdueNone), .statusGreen)])
    } else {
      body.append(Body.Section(count: entries.count) { row(context, entries[$0]) })
    }
    var tables: [Page.Table] = []
    let national = list.byCriterion
    if !national.isEmpty {
      body.append([.blank, context.rule(strings.overdueNational, width: width)])
      let headerRow = body.count
      body.append([nationalHeader()])
      tables.append(Page.Table(header: headerRow, rows: body.count..<(body.count + national.count)))
      body.append(Body.Section(count: national.count) { nationalRow(context, national[$0]) })
    }
    body.append(trailer(entries))
    // The listed criteria are modelled: said once, beside the summary where it fits whole, else
    // after the sources (issue 16, item 2; audit F9).
    if let note = modelledNote(list), summary.spans.last?.text != note {
      body.append([.blank, Line(context.ui(context.strings.modelledPlan), .illustrative)])
    }
    var page = Page(top: top, body: body, selectedRow: entries.isEmpty ? nil : selection)
    page.tables = tables
    return page
  }

  /// "12 lượt quá hạn: 4 tiêu chí ở 5/34 tỉnh, thành phố", and the illustrative mark's meaning.
  func summaryLine(_ list: OverdueList) -> Line {
    let format = context.format
    let provinces = "\(format.integer(list.provinceCount))/\(format.integer(context.dataset.provinces.count))"
    var line = Line(
      " "
        + context.ui(
          context.strings.overdueSummary(
            entries: list.entries.count, criteria: list.byCriterion.count, provinces: provinces)), .label)
    if list.entries.contains(where: { isIllustrative($0.province) }) {
      context.appendIllustrativeLegend(to: &line, width: width)
    }
    if let note = modelledNote(list), line.width + note.displayWidth <= width { line.append(note, .illustrative) }
    return line
  }

  /// "  * the criteria list is modelled" when the view lists criteria of a plan the data marks
  /// as modelled.
  func modelledNote(_ list: OverdueList) -> String? {
    guard !list.entries.isEmpty, context.dataset.plan.provenance.isIllustrative else { return nil }
    return "  " + context.ui(context.strings.modelledPlanShort)
  }

  private func isIllustrative(_ province: Int) -> Bool {
    context.data.snapshot.reports[province]?.provincialProvenance.isIllustrative ?? false
  }

  /// The headings both tables start with: days late and the deadline.
  private func headings() -> Line {
    var line = Line()
    line.append(" " + context.ui(context.strings.daysLate).fitted(to: daysWidth, alignRight: true) + " ", .header)
    line.append(context.ui(context.strings.deadline).fitted(to: dateWidth) + " ", .header)
    return line
  }

  func header() -> Line {
    let strings = context.strings
    var line = headings()
    line.append(context.ui(strings.province).fitted(to: nameWidth) + " ", .header)
    line.append(context.ui(strings.criterion).fitted(to: criterionWidth) + " ", .header)
    line.append(context.ui(strings.status).fitted(to: statusWidth), .header)
    return line
  }

  func row(_ context: RenderContext, _ entry: OverdueList.Entry) -> Line {
    let plan = context.dataset.plan
    let criterion = plan.criteria[entry.criterion]
    let report = context.data.snapshot.reports[entry.province]
    let status = plan.levelOrdinal(of: entry.criterion).flatMap { report?.provincialStatuses[$0] } ?? .notReported
    var line = Line()
    line.append(" " + context.format.integer(entry.daysLate).fitted(to: daysWidth, alignRight: true) + " ", .statusRed)
    line.append(context.format.date(entry.deadline).fitted(to: dateWidth) + " ", .normal)
    let name = context.text(context.dataset.provinces[entry.province].name)
    line.append(name.fitted(to: nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
    let title = criterion.id + " " + context.text(criterion.name)
    line.append(title.fitted(to: criterionWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
    line.spans.append(context.statusLabel(status, width: statusWidth - 1))
    let provenance = report?.provincialProvenance
    line.append(" " + context.marker(provenance), context.markerRole(provenance))
    return line
  }

  func nationalHeader() -> Line {
    let strings = context.strings
    var line = headings()
    line.append(context.ui(strings.criterion).fitted(to: criterionWidth) + " ", .header)
    line.append(context.ui(strings.provinceCountHeading), .header)
    return line
  }

  func nationalRow(_ context: RenderContext, _ count: OverdueList.CriterionCount) -> Line {
    let criterion = context.dataset.plan.criteria[count.criterion]
    var line = Line()
    line.append(" " + context.format.integer(count.daysLate).fitted(to: daysWidth, alignRight: true) + " ", .statusRed)
    line.append(context.format.date(count.deadline).fitted(to: dateWidth) + " ", .normal)
    let title = criterion.id + " " + context.text(criterion.name)
    line.append(title.fitted(to: criterionWidth, ellipsis: context.glyphs.ellipsis) + " ", .label)
    let names = count.provinces.map { context.text(context.dataset.provinces[$0].name) }
    let mark = count.provinces.contains {
      context.data.snapshot.reports[$0]?.provincialProvenance.isIllustrative ?? false
    }
    let head =
      context.ui(context.strings.overdueIn(context.format.integer(count.provinces.count)))
      + (mark ? " " + context.strings.illustrativeMark : "") + ": "
    let room = max(4, width - line.width - head.displayWidth - 1)
    line.append(head, .normal)
    line.append(names.joined(separator: ", ").fitted(to: room, ellipsis: context.glyphs.ellipsis), .dim)
    return line
  }

  /// The sources the rows cite, and what `*` means.
  func trailer(_ entries: [OverdueList.Entry]) -> [Line] {
    var cited: [Int] = []
    for entry in entries {
      if case .source(let index)? = context.data.snapshot.reports[entry.province]?.provincialProvenance,
        !cited.contains(index)
      {
        cited.append(index)
      }
    }
    var lines: [Line] = []
    if !cited.isEmpty {
      lines += [.blank, context.rule(context.strings.sources, width: width)]
      lines += context.sourceLines(cited.sorted(), width: width)
    }
    if entries.contains(where: { isIllustrative($0.province) }) {
      lines += [.blank, Line(context.ui(context.strings.illustrativeLegend), .illustrative)]
    }
    return lines
  }
}
