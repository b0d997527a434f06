import DigiTrackModel

/// The province view's list of commune-level units: filtered by name (`/` in this view, folded as
/// province search is, `SearchMatch`), narrowed to the units that are not green (`o`), and sorted
/// (`s` in this view). A province has 40 to 168 units, generated data thousands.
extension ProvinceView {
  /// The units to show, in order, and which of the shown rows are not green (positions among the
  /// shown, for `n` / `N`). Statuses are read only when the filter, `o` or the sort needs them,
  /// and the open rows only when `n` asks: opening a province of 100 000 units stays lazy.
  func communeOrder(_ units: CommuneUnits) -> (shown: [Int], open: () -> [Int]) {
    let query = SearchMatch.key(communeFilter)
    var shown = Array(0..<units.count)
    if !query.isEmpty {
      shown = shown.filter { SearchMatch.matches(query, in: [SearchMatch.key(units.names[$0]), units.codes[$0]]) }
    }
    if openOnly { shown = shown.filter { units.isOpen($0) } }
    switch communeSort {
    case .listed: break
    case .name:
      let keys = Dictionary(uniqueKeysWithValues: shown.map { ($0, SafeText.searchKey(units.names[$0])) })
      shown.sort { (keys[$0] ?? "", $0) < (keys[$1] ?? "", $1) }
    case .status:
      let due = context.dataset.plan.communeCriteriaDue(on: context.data.snapshot.date)
      let severity = Dictionary(uniqueKeysWithValues: shown.map { ($0, units.overall($0, due: due).severity) })
      shown.sort {
        let (a, b) = (severity[$0] ?? 0, severity[$1] ?? 0)
        return a != b ? a > b : $0 < $1
      }
    }
    let rows = shown
    return (rows, { rows.indices.filter { units.isOpen(rows[$0]) } })
  }

  func communeListHeader(_ detail: ProvinceDetail, shown: Int) -> [Line] {
    var lines = [Line.blank]
    let strings = context.strings
    guard let communes = detail.report?.communes, let units = communes.units else {
      lines.append(context.rule(strings.communeList, width: width))
      lines.append(Line(" " + context.ui(strings.communeListMissing), .dim))
      return lines
    }
    let format = context.format
    let narrowed = shown != units.count
    var extra = "(" + (narrowed ? format.integer(shown) + "/" : "") + format.integer(units.count) + ")"
    let mark = context.marker(communes.provenance)
    if !mark.isEmpty { extra += " " + mark }
    if !communeFilter.isEmpty {
      extra += " \(context.glyphs.separator) \(context.ui(strings.filter)): " + context.text(communeFilter)
    }
    if communeSort != .listed {
      extra +=
        " \(context.glyphs.separator) \(context.ui(strings.sort)): "
        + context.ui(strings.communeSortNames[communeSort] ?? "")
    }
    lines.append(context.rule(strings.communeList, width: width, extra: extra))
    let columns = communeColumns(units)
    var header = Line(" " + context.ui(strings.code).fitted(to: columns.code) + " ", .header)
    header.append(context.ui(strings.communes).fitted(to: columns.name) + " ", .header)
    header.append(context.ui(strings.kind).fitted(to: columns.kind) + " ", .header)
    for index in context.dataset.plan.communeCriteria {
      header.append(String(context.dataset.plan.criteria[index].id.suffix(3)).fitted(to: 3) + " ", .header)
    }
    header.append(" " + context.ui(strings.status), .header)
    lines.append(header)
    if shown == 0, units.count > 0 {
      lines.append(Line(" " + context.ui(strings.noCommuneMatch), .dim))
    }
    return lines
  }

  /// The commune table's column widths, by content (issue 12, item 8): the code and kind columns
  /// as wide as their longest, the status as its longest label, and the name as its longest
  /// where the screen allows (at least 12), so a wide screen cuts no name.
  struct CommuneColumns: Equatable {
    var code: Int
    var name: Int
    var kind: Int
    var status: Int
  }

  func communeColumns(_ units: CommuneUnits) -> CommuneColumns {
    let strings = context.strings
    let kinds: [UnitKind] = [.ward, .commune, .specialZone]
    let kind = max(
      context.ui(strings.kind).displayWidth,
      kinds.map { context.ui(strings.unitKindNames[$0] ?? "").displayWidth }.max() ?? 0)
    let code = max(context.ui(strings.code).displayWidth, Self.longest(units.codes))
    let status = context.statusLabelWidth
    let fixed = 1 + code + 1 + kind + 1 + context.dataset.plan.communeCriteria.count * 4 + 1 + status + 1
    let longestName = max(context.ui(strings.communes).displayWidth, Self.longest(units.names))
    return CommuneColumns(code: code, name: max(12, min(longestName, width - fixed - 1)), kind: kind, status: status)
  }

  /// The widest of `texts`, measured once per layout. Past 10 000 units (generated data has
  /// hundreds of thousands) the UTF-8 length stands in: never narrower than the text, so a
  /// column is at worst a little wide, and opening such a province stays quick.
  ///
  /// Text takes no more columns than its UTF-8 bytes (a wide character has three or more), so
  /// a text no longer in bytes than the widest so far is not measured: opening a province of
  /// 4,800 communes measured every name twice, a millisecond of an Enter.
  static func longest(_ texts: [String]) -> Int {
    guard texts.count <= 10_000 else { return texts.map(\.utf8.count).max() ?? 0 }
    var widest = 0
    for text in texts where text.utf8.count > widest { widest = max(widest, text.displayWidth) }
    return widest
  }

  /// The commune table's rows. What does not depend on the commune (a kind's word, a status
  /// cell, the status label) is made once per layout; a row only fits its code and name, so an
  /// export of 200,000 communes costs little more per row than the matrix does.
  func communeRows(_ units: CommuneUnits, shown: [Int]) -> Body.Section {
    let context = self.context
    let columns = communeColumns(units)
    let (nameWidth, codeWidth, kindWidth) = (columns.name, columns.code, columns.kind)
    let due = context.dataset.plan.communeCriteriaDue(on: context.data.snapshot.date)
    let ellipsis = context.glyphs.ellipsis
    var kindSpans: [UnitKind: Span] = [:]
    for kind in [UnitKind.ward, .commune, .specialZone] {
      kindSpans[kind] = Span(context.ui(context.strings.unitKindNames[kind] ?? "").fitted(to: kindWidth) + " ", .label)
    }
    let statusSpans = Status.allCases.map { Span(" " + context.glyphs.status($0) + "  ", context.statusRole($0)) }
    let labelSpans = Status.allCases.map { context.statusLabel($0, width: columns.status) }
    let criteria = units.criteriaCount
    let row = { (row: Int) -> Line in
      let unit = shown[row]
      var spans: [Span] = []
      spans.reserveCapacity(criteria + 4)
      spans.append(Span(" " + context.text(units.codes[unit]).fitted(to: codeWidth) + " ", .dim))
      spans.append(Span(context.text(units.names[unit]).fitted(to: nameWidth, ellipsis: ellipsis) + " ", .normal))
      spans.append(kindSpans[units.kinds[unit]] ?? Span(String(repeating: " ", count: kindWidth + 1), .label))
      for criterion in 0..<criteria {
        spans.append(statusSpans[Int(units.status(unit: unit, criterion: criterion).rawValue)])
      }
      spans.append(labelSpans[Int(units.overall(unit, due: due).rawValue)])
      return Line(spans)
    }
    // The same rows as text for the export, from the same pieces measured once: spaces 0...n,
    // then the kinds, the status cells and the status labels.
    let padding = max(codeWidth, nameWidth, kindWidth) + 1
    let kinds: [UnitKind] = [.ward, .commune, .specialZone]
    let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, padding + 1 + $0) })
    let statusIndex = padding + 1 + kinds.count
    let labelIndex = statusIndex + statusSpans.count
    let pieces = TextPieces(
      (0...padding).map { String(repeating: " ", count: $0) } + kinds.map { kindSpans[$0]?.text ?? "" }
        + statusSpans.map(\.text) + labelSpans.map(\.text))
    return Body.Section(count: shown.count, row: row) { row, width, bytes in
      let unit = shown[row]
      var text = RowText(width: width, bytes: bytes)
      let code = context.text(units.codes[unit])
      if let columns = DisplayWidth.standaloneWidth(code), columns <= codeWidth {
        // Nothing in it joins a neighbour: the span " code   " can be written in pieces.
        text.append(pieces, 1, to: &bytes)
        text.append(code, standaloneColumns: columns, to: &bytes)
        text.append(pieces, codeWidth - columns + 1, to: &bytes)
      } else {
        text.append(" " + code.fitted(to: codeWidth) + " ", to: &bytes)
      }
      let name = context.text(units.names[unit])
      if let columns = DisplayWidth.standaloneWidth(name), columns <= nameWidth {
        text.append(name, standaloneColumns: columns, to: &bytes)
        text.append(pieces, nameWidth - columns + 1, to: &bytes)
      } else {
        text.append(name.fitted(to: nameWidth, ellipsis: ellipsis) + " ", to: &bytes)
      }
      text.append(pieces, kindIndex[units.kinds[unit]] ?? kindWidth + 1, to: &bytes)
      let statuses = units.statuses
      let first = unit * criteria
      for index in first..<(first + criteria) {
        text.append(pieces, statusIndex + Int(statuses[index].rawValue), to: &bytes)
      }
      text.append(pieces, labelIndex + Int(units.overall(unit, due: due).rawValue), to: &bytes)
      text.finish(&bytes)
    }
  }
}
