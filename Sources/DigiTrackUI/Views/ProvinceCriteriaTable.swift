import DigiTrackModel

/// The province view's criteria table. Its columns get their width from their content: the group,
/// pillar and block columns show names where the longest one fits, else their codes (`G4`, `B2`)
/// with a legend under the table, so no code is left unexplained (issue 12, items 4 and 8).
extension ProvinceView {
  /// One of the group, pillar and block columns.
  struct CategoryColumn {
    let title: String
    /// Index into the plan's list of that category, per criterion (index into `Plan.criteria`).
    let of: (Criterion) -> Int
    let categories: [Category]
    var useNames: Bool
    var width: Int
  }

  struct CriteriaLayout {
    var nameWidth: Int
    var columns: [CategoryColumn]
    /// The widest status label and the mark after it.
    var statusWidth: Int
    /// The timeliness column ("◐  còn 2 ngày"), glyph and words, or glyph and days when narrow.
    var timelinessWidth: Int
    /// Each provincial criterion's timeliness at the report date, worked out once per layout.
    var timeliness: [Timeliness]
    var changeWidth: Int
  }

  /// The widths for this screen: the criterion name gets up to its longest (at least 24), then
  /// each category column shows names if its longest name fits in what is left — pillars first
  /// (shortest), then blocks, then groups — else codes.
  func criteriaLayout(_ detail: ProvinceDetail) -> CriteriaLayout {
    let plan = context.dataset.plan
    let strings = context.strings
    let used = plan.provincialCriteria.map { plan.criteria[$0] }
    func column(_ title: String, _ of: @escaping (Criterion) -> Int, _ list: [Category]) -> CategoryColumn {
      let ids = Set(used.map(of))
      let codeWidth = max(context.ui(title).displayWidth, ids.map { list[$0].id.displayWidth }.max() ?? 0)
      return CategoryColumn(title: title, of: of, categories: list, useNames: false, width: codeWidth)
    }
    var columns = [
      column(strings.group, { $0.group }, plan.groups), column(strings.pillar, { $0.pillar }, plan.pillars),
      column(strings.block, { $0.block }, plan.blocks),
    ]
    let changeWidth = detail.change == nil ? 0 : 7
    // The timeliness column is as wide as its longest label here ("✗! quá hạn 15 ngày"), at most 24;
    // on a narrow screen it may shrink to its longest compact label ("✗! 15") and no further.
    let snapshotIndex = context.data.aggregates.snapshotIndex
    let timeliness = plan.provincialCriteria.map { index in
      Timeliness(dataset: context.dataset, snapshotIndex: snapshotIndex, province: province, criterion: index)
    }
    let longestTimeliness = timeliness.map { context.timelinessLabel($0, width: 100).text.displayWidth }.max() ?? 0
    var timelinessWidth = max(context.ui(strings.timelinessHeading).displayWidth, longestTimeliness) + 1
    timelinessWidth = min(24, timelinessWidth)
    let longestCompact = timeliness.map { context.timelinessCompact($0).displayWidth }.max() ?? 0
    let narrowestTimeliness =
      min(timelinessWidth, max(context.ui(strings.timelinessHeadingShort).displayWidth, longestCompact) + 1)
    // " T01  " + name + " " + "GĐ " + categories (each + 1) + status + marker + timeliness + change.
    let statusWidth = max(context.ui(strings.status).displayWidth, context.statusLabelWidth + 2)
    let fixed = 1 + 5 + 1 + 4 + statusWidth + 2 + changeWidth
    let longestName = used.map { context.text($0.name).displayWidth }.max() ?? 10
    if width < 100 {
      // On a narrow screen the group codes get the short heading: "Nhóm nhiệm vụ" over "G4" would
      // take nine columns from the criterion names.
      columns[0] = column(strings.groupShort, { $0.group }, plan.groups)
    }
    var room = width - fixed - timelinessWidth - columns.reduce(0) { $0 + $1.width + 1 }
    // Where the criterion names would get fewer than 24 columns (or their longest), the timeliness
    // words give way first, down to the glyph and the days ("✗! 15", explained by the legend):
    // the name says which criterion a row is, a cut "xong,…" says nothing.
    let wanted = min(longestName, 24)
    if room < wanted {
      let given = min(wanted - room, max(0, timelinessWidth - narrowestTimeliness))
      timelinessWidth -= given
      room += given
    }
    var nameWidth = max(10, min(longestName, max(24, room / 2)))
    // Still too narrow: the names go down to 12, so a row never runs off the screen.
    if nameWidth > room { nameWidth = max(12, room) }
    room -= nameWidth
    for position in [1, 2, 0] {
      let names = Set(used.map(columns[position].of)).map {
        context.text(columns[position].categories[$0].name).displayWidth
      }
      let full = max(columns[position].width, names.max() ?? 0)
      if full - columns[position].width <= room {
        room -= full - columns[position].width
        columns[position].useNames = true
        columns[position].width = full
      }
    }
    // What is left goes to the criterion names, up to the longest.
    let grown = nameWidth + max(0, min(room, longestName - nameWidth))
    return CriteriaLayout(
      nameWidth: grown, columns: columns, statusWidth: statusWidth, timelinessWidth: timelinessWidth,
      timeliness: timeliness, changeWidth: changeWidth)
  }

  /// Columns of the criteria table: id, name, phase, group, pillar, block, status, timeliness, and
  /// what changed.
  func criteriaSection(_ detail: ProvinceDetail, ordinals: [Int], layout: CriteriaLayout) -> Body.Section {
    let plan = context.dataset.plan
    let strings = context.strings
    let changes = Dictionary(
      (detail.change?.statusChanges ?? []).map { ($0.criterion, $0) }, uniquingKeysWith: { a, _ in a })
    var header = Line()
    header.append(" " + context.ui(strings.criterionID).fitted(to: 4) + " ", .header)
    header.append(context.ui(strings.criterion).fitted(to: layout.nameWidth) + " ", .header)
    header.append(context.ui(strings.phaseShort).fitted(to: 3) + " ", .header)
    for column in layout.columns {
      header.append(context.ui(column.title).fitted(to: column.width, ellipsis: context.glyphs.ellipsis) + " ", .header)
    }
    header.append(context.ui(strings.status).fitted(to: layout.statusWidth), .header)
    let headings = [context.ui(strings.timelinessHeading), context.ui(strings.timelinessHeadingShort)]
    let heading = headings.first { $0.displayWidth <= layout.timelinessWidth - 1 } ?? headings[1]
    header.append(
      " " + heading.fitted(to: layout.timelinessWidth - 1, ellipsis: self.context.glyphs.ellipsis), .header)
    let context = self.context
    let statuses = detail.report?.provincialStatuses
    let marker = detail.report.map { context.marker($0.provincialProvenance) } ?? ""
    let markerRole = detail.report.map { context.markerRole($0.provincialProvenance) } ?? .dim
    return Body.Section(count: ordinals.count + 1) { row in
      guard row > 0 else { return header }
      let ordinal = ordinals[row - 1]
      let index = plan.provincialCriteria[ordinal]
      let criterion = plan.criteria[index]
      let status = statuses?[ordinal] ?? .notReported
      var line = Line()
      line.append(" " + criterion.id.fitted(to: 4) + " ", .dim)
      line.append(
        context.text(criterion.name).fitted(to: layout.nameWidth, ellipsis: context.glyphs.ellipsis) + " ", .normal)
      line.append(String(criterion.phase).fitted(to: 3) + " ", .normal)
      for column in layout.columns {
        let category = column.categories[column.of(criterion)]
        let text = column.useNames ? context.text(category.name) : category.id
        line.append(text.fitted(to: column.width, ellipsis: context.glyphs.ellipsis) + " ", .label)
      }
      line.spans.append(context.statusLabel(status, width: layout.statusWidth - 2))
      line.append(" " + marker.fitted(to: 1), markerRole)
      line.append(" ", .normal)
      line.spans.append(context.timelinessLabel(layout.timeliness[ordinal], width: layout.timelinessWidth - 1))
      if let change = changes[index] {
        let direction = context.directionMark(change.direction)
        line.append(" " + direction.text, direction.role)
        line.append(context.glyphs.status(change.from) + context.glyphs.arrow + context.glyphs.status(change.to), .dim)
      }
      return line
    }
  }

  /// "Nhóm: G1 Hoàn thiện thể chế, pháp luật · G2 …" for each column shown as codes, wrapped.
  func criteriaLegendLines(_ layout: CriteriaLayout) -> [Line] {
    let plan = context.dataset.plan
    let used = plan.provincialCriteria.map { plan.criteria[$0] }
    var lines: [Line] = []
    for column in layout.columns where !column.useNames {
      let ids = Set(used.map(column.of)).sorted()
      let items = ids.map { column.categories[$0].id + " " + context.text(column.categories[$0].name) }
      // The legend always gives the column's full name, even where its heading is short.
      let title = column.title == context.strings.groupShort ? context.strings.group : column.title
      let text = context.ui(title) + ": " + items.joined(separator: " \(context.glyphs.separator) ")
      lines += context.wrap(text, width: width - 1, indent: 2).map { Line(" " + $0, .dim) }
    }
    return lines
  }
}
