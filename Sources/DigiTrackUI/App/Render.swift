import DigiTrackModel

extension AppState {
  /// The screen as it should look now.
  public func render() -> Canvas {
    if isTooSmall { return TooSmallView(context: context, width: width, height: height).canvas() }
    let page = currentPage()
    let drawn = keptDrawnRows
    let hints = drawn?.hintLine(editingFilter: editingFilter) { hintLine() } ?? hintLine()
    // The status and key-hint lines are drawn with the body, so that the canvas is finished
    // when its rows are kept (`DrawnRows` may keep the canvas itself).
    var canvas = Composer.screen(
      page, offset: currentOffset, width: width, height: height, reserved: 2, bottom: [statusLine(), hints],
      drawn: drawn)
    if showHelp {
      HelpView(context: context, lastError: reloadError, warnings: data.warnings, offset: helpOffset).draw(
        into: &canvas)
    }
    return canvas
  }

  /// The current view as an export writes it: every line the screen shows except the status and
  /// key-hint lines, plus the rows scrolled out of sight (and, for the matrix, every column band).
  public func document() -> Canvas {
    Composer.document(exportPages(), width: width)
  }

  /// The pages an export writes. A filtered list says so under its title line, so a shared file
  /// never passes a few provinces off as the whole country.
  func exportPages() -> [Page] {
    var pages = screen == .matrix ? matrixView.pages() : [currentPage()]
    for index in pages.indices {
      if let note = deadlineNote(missingFrom: pages[index], short: false) {
        pages[index].top.insert(Line(" " + note, .label), at: min(1, pages[index].top.count))
      }
    }
    if let note = filterNote() {
      for index in pages.indices {
        pages[index].top.insert(Line(" " + note, .label), at: min(1, pages[index].top.count))
      }
    }
    return pages
  }

  /// `Đã lọc theo "hcm": 1/34 tỉnh, thành phố` (and `+ chưa xanh` with `o`), or nil when nothing
  /// is filtered (or the view is a province's, which the province filter does not touch).
  func filterNote() -> String? {
    guard !filter.isEmpty || openOnly, screen.kind != .province else { return nil }
    let format = context.format
    var by: [String] = []
    if !filter.isEmpty { by.append("\"" + context.text(filter) + "\"") }
    if openOnly { by.append(context.ui(context.strings.openOnlyShort)) }
    let shown = "\(format.integer(order.count))/\(format.integer(data.dataset.provinces.count))"
    return context.ui(context.strings.filteredBy) + " " + by.joined(separator: " + ")
      + context.ui(": \(shown) \(context.strings.provinces.lowercased())")
  }

  var currentOffset: Int {
    switch screen {
    case .overview: listOffset
    case .matrix: matrixOffset
    case .province, .trend: detailOffset
    case .overdue: overdueOffset
    }
  }

  /// The drawn rows of the kept layout, when it is the current view's.
  var keptDrawnRows: DrawnRows? {
    layout.flatMap { $0.key == layoutKey ? $0.drawn : nil }
  }

  /// The current view laid out: the layout kept for this frame when nothing it depends on has
  /// changed since (moving the selection or scrolling never lays out again), else a new one.
  func currentPage() -> Page {
    var page = layout.flatMap { $0.key == layoutKey ? $0.page : nil } ?? layOutCurrentPage()
    if screen == .overdue {
      page.selectedRow = page.selectedRow.map { _ in overdueSelection }
    } else if !screen.scrollsFreely {
      page.selectedRow = order.isEmpty ? nil : selection
    } else {
      page.selectedRow = detailMark
    }
    return page
  }

  /// Lays out the current view now; `keepLayout` keeps the result for the frame.
  func layOutCurrentPage() -> Page {
    switch screen {
    case .overview: overviewView.page()
    case .matrix: matrixView.page(band: matrixBand)
    case .province(let province, _):
      ProvinceView(
        context: context, width: width, density: Density(height: height), province: province, openOnly: openOnly,
        communeFilter: communeFilter, communeSort: communeSort
      ).page()
    case .overdue: overdueView.page()
    case .trend: TrendView(context: context, width: width, density: Density(height: height)).page()
    }
  }

  var overviewView: OverviewView {
    OverviewView(
      context: context, width: width, density: Density(height: height), order: order,
      selection: order.isEmpty ? nil : selection, sortLabel: sortLabel, filter: filter,
      // Sorting by region shows the region; a wide screen shows it by the columns' rule (issue 12, item 20).
      showRegion: sort == .region)
  }

  var matrixView: MatrixView {
    MatrixView(
      context: context, width: width, order: order, selection: order.isEmpty ? nil : selection, filter: filter,
      cursor: matrixColumn)
  }

  var matrixBandCount: Int { matrixView.bandCount }

  /// "Sắp xếp: hạng 1→34", "tên A→Z", "% cấp tỉnh cao→thấp": the key and its direction in
  /// words, which an arrow alone cannot say (▼ read as both "rank ascending" and "% descending").
  var sortLabel: String {
    let context = self.context
    let name = context.strings.sortKeys[sort] ?? sort.rawValue
    let direction: String
    if sort == .rank {
      let count = context.format.integer(data.dataset.provinces.count)
      direction = reversed ? count + context.glyphs.arrow + "1" : "1" + context.glyphs.arrow + count
    } else {
      let words = context.strings.sortDirections[sort] ?? ("", "")
      direction = (reversed ? words.reversed : words.natural).replacingEvery("→", with: context.glyphs.arrow)
    }
    return context.ui("\(context.strings.sort): \(name) \(direction)")
  }

  func statusLine() -> Line {
    let context = self.context
    var line = Line(fill: .statusLine)
    let shownFilter = screen.kind == .province ? communeFilter : filter
    if editingFilter {
      // The prompt shows the key that opened it (`/`, or the one config.json binds to filter).
      line.append(" \(context.ui(context.strings.filter)): \(context.keys.label(.filter, all: false))", .key)
      line.append(context.text(shownFilter) + "_", .statusLine)
    } else if let status {
      // The newest event's message; a failed reload's stays after a key as the line below.
      line.append(" " + context.text(status.text), status.isError ? .error : .statusLine)
    } else if let reloadError {
      line.append(" " + context.ui(context.strings.reloadFailed) + ": " + context.text(reloadError), .error)
    } else if !shownFilter.isEmpty || openOnly {
      line.append(" \(context.ui(context.strings.filter)): ", .statusLine)
      if !shownFilter.isEmpty { line.append(context.text(shownFilter), .key) }
      if openOnly {
        line.append((shownFilter.isEmpty ? "" : " + ") + context.ui(context.strings.openOnlyShort), .key)
      }
    }
    var right = rightStatus()
    if let note = deadlineNote(missingFrom: currentPage()) { right = note + " \(context.glyphs.separator) " + right }
    let room = width - line.width
    if room > right.displayWidth + 1 {
      line.append(right.fitted(to: room, alignRight: true), .statusLine)
    }
    return line
  }

  private func rightStatus() -> String {
    let context = self.context
    let format = context.format
    switch screen {
    case .trend:
      return trendStatus()
    case .province(let province, _):
      return tablePosition() + context.text(data.dataset.provinces[province].name) + " "
    case .matrix:
      let band = "\(context.ui(context.strings.columns)) \(matrixBand + 1)/\(matrixBandCount)"
      return
        "\(band) \(context.glyphs.separator) \(format.integer(order.count))/\(format.integer(data.dataset.provinces.count)) "
    case .overview:
      return
        "\(sortLabel) \(context.glyphs.separator) \(format.integer(order.count))/\(format.integer(data.dataset.provinces.count)) "
    case .overdue: return overduePosition()
    }
  }

  /// Where the province view's scroll is in the table on screen: `41–60 / 391 · `, or nothing
  /// when no table's rows are in sight.
  func tablePosition() -> String {
    let page = currentPage()
    let viewport = bodyViewport(for: page)
    let start = detailOffset + (page.stickyTable(at: detailOffset) == nil ? 0 : 1)
    let end = detailOffset + viewport
    guard let table = page.tables.first(where: { $0.rows.lowerBound < end && $0.rows.upperBound > start }) else {
      return ""
    }
    let first = max(table.rows.lowerBound, start) - table.rows.lowerBound + 1
    let last = min(table.rows.upperBound, end) - table.rows.lowerBound
    let format = context.format
    return
      "\(format.integer(first))\(context.unicode ? "–" : "-")\(format.integer(last)) / \(format.integer(table.rows.count)) \(context.glyphs.separator) "
  }

  func hintLine() -> Line {
    let context = self.context
    let lines: [KeyHelp]
    if editingFilter {
      lines = context.strings.filterHints
    } else {
      switch screen {
      case .overview: lines = context.strings.overviewHints
      case .matrix: lines = context.strings.matrixHints
      case .province: lines = context.strings.detailHints
      case .overdue: lines = context.strings.overdueHints
      case .trend: lines = context.strings.trendHints
      }
    }
    // Each hint names the first key bound to its action; one whose action has no key is left out.
    // Help and quit are always shown, at the end: the others fill the room left before them.
    let hints = lines.compactMap { line -> (key: String, text: String, kept: Bool)? in
      let key = context.keyColumn(line, all: false)
      return key.isEmpty ? nil : (key, line.text, line.names(.help) || line.names(.quit))
    }
    let isKept = { (hint: (key: String, text: String, kept: Bool)) in hint.kept }
    let kept = hints.filter(isKept)
    let pieces = { (hint: (key: String, text: String, kept: Bool)) in
      2 + context.ui(hint.key).displayWidth + 1 + context.ui(hint.text).displayWidth
    }
    var room = self.width - 1 + 2 - kept.map(pieces).reduce(0, +)
    var shown: [(key: String, text: String, kept: Bool)] = []
    for hint in hints where !isKept(hint) {
      guard pieces(hint) <= room else { break }
      room -= pieces(hint)
      shown.append(hint)
    }
    var line = Line()
    for (index, hint) in (shown + kept).enumerated() {
      line.append((index == 0 ? " " : "  ") + context.ui(hint.key), .key)
      line.append(" " + context.ui(hint.text), .keyHint)
    }
    return line
  }

  /// What the `e` key writes in `format`: the current view named after the view. Text is the
  /// screen's document; the other formats are the view's export, filtered, sorted and narrowed
  /// (`o`) as the screen is. The
  /// content is built from a copy of this state when the shell reads the request, not here.
  func exportRequest(format: ExportFileFormat = .text) -> ExportRequest {
    var copy = self
    copy.layout = nil
    copy.previousLayout = nil
    let snapshot = FrozenState(state: copy)
    // Text is written line by line (`Canvas.documentText`), not through `document()`'s canvas of
    // every row: a province of 200,000 communes would hold 40 million cells while the dashboard runs.
    return ExportRequest(viewName: screen.kind.rawValue, format: format) {
      let state = snapshot.state
      var province: Int?
      if case .province(let index, _) = state.screen { province = index }
      let export = ViewExport(data: state.data, options: state.options)
      let ordering = ProvinceOrdering(sort: state.sort, reversed: state.reversed, openOnly: state.openOnly)
      switch format.textFormat {
      case .text?: return .text(Canvas.documentText(state.exportPages(), width: state.width))
      case let textFormat?:
        return .text(
          export.render(
            view: state.screen.kind, province: province, format: textFormat, width: state.width, filter: state.filter,
            ordering: ordering))
      case nil:
        return .workbook(
          export.document(view: state.screen.kind, province: province, filter: state.filter, ordering: ordering))
      }
    }
  }
}

/// A copy of the state handed to the export's thread. Never mutated after the copy; its views hold
/// only immutable values and the Sendable `DashboardData`, so reading it from another thread is safe.
private struct FrozenState: @unchecked Sendable {
  let state: AppState
}
