import DigiTrackModel

extension AppState {
  /// The screen as it should look now.
  public func render() -> Canvas {
    if isTooSmall { return TooSmallView(context: context, width: width, height: height).canvas() }
    let page = currentPage()
    var canvas = Composer.screen(page, offset: currentOffset, width: width, height: height, reserved: 2)
    statusLine().draw(into: &canvas, y: height - 2)
    hintLine().draw(into: &canvas, y: height - 1)
    if showHelp { HelpView(context: context, lastError: reloadError).draw(into: &canvas) }
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
    if let note = filterNote() {
      for index in pages.indices {
        pages[index].top.insert(Line(" " + note, .label), at: min(1, pages[index].top.count))
      }
    }
    return pages
  }

  /// `Đã lọc theo "hcm": 1/34 tỉnh, thành phố`, or nil when nothing is filtered (or the view is
  /// a province's, which the filter does not touch).
  func filterNote() -> String? {
    guard !filter.isEmpty, screen.kind != .province else { return nil }
    let format = context.format
    let shown = "\(format.integer(order.count))/\(format.integer(data.dataset.provinces.count))"
    return context.ui("\(context.strings.filteredBy) \"") + context.text(filter)
      + context.ui("\": \(shown) \(context.strings.provinces.lowercased())")
  }

  var currentOffset: Int {
    switch screen {
    case .overview: listOffset
    case .matrix: matrixOffset
    case .province: detailOffset
    }
  }

  /// The current view laid out: the layout kept for this frame when nothing it depends on has
  /// changed since (moving the selection or scrolling never lays out again), else a new one.
  func currentPage() -> Page {
    var page = layout.flatMap { $0.key == layoutKey ? $0.page : nil } ?? layOutCurrentPage()
    if screen.kind != .province { page.selectedRow = order.isEmpty ? nil : selection }
    return page
  }

  /// Lays out the current view now; `keepLayout` keeps the result for the frame.
  func layOutCurrentPage() -> Page {
    switch screen {
    case .overview: overviewView.page()
    case .matrix: matrixView.page(band: matrixBand)
    case .province(let province, _):
      ProvinceView(context: context, width: width, density: Density(height: height), province: province).page()
    }
  }

  var overviewView: OverviewView {
    OverviewView(
      context: context, width: width, density: Density(height: height), order: order,
      selection: order.isEmpty ? nil : selection, sortLabel: sortLabel, filter: filter)
  }

  var matrixView: MatrixView {
    MatrixView(context: context, width: width, order: order, selection: order.isEmpty ? nil : selection, filter: filter)
  }

  var matrixBandCount: Int { matrixView.bandCount }

  /// "Sắp xếp: hạng ▼"
  var sortLabel: String {
    let context = self.context
    let name = context.strings.sortKeys[sort] ?? sort.rawValue
    let arrow = reversed ? context.glyphs.up : context.glyphs.down
    return context.ui("\(context.strings.sort): \(name) ") + arrow
  }

  func statusLine() -> Line {
    let context = self.context
    var line = Line(fill: .statusLine)
    if editingFilter {
      line.append(" \(context.ui(context.strings.filter)): /", .key)
      line.append(context.text(filter) + "_", .statusLine)
    } else if let status {
      // The newest event's message; a failed reload's stays after a key as the line below.
      line.append(" " + context.text(status.text), status.isError ? .error : .statusLine)
    } else if let reloadError {
      line.append(" " + context.ui(context.strings.reloadFailed) + ": " + context.text(reloadError), .error)
    } else if !filter.isEmpty {
      line.append(" \(context.ui(context.strings.filter)): ", .statusLine)
      line.append(context.text(filter), .key)
    }
    let right = rightStatus()
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
    case .province(let province, _):
      return context.text(data.dataset.provinces[province].name) + " "
    case .matrix:
      let band = "\(context.ui(context.strings.columns)) \(matrixBand + 1)/\(matrixBandCount)"
      return
        "\(band) \(context.glyphs.separator) \(format.integer(order.count))/\(format.integer(data.dataset.provinces.count)) "
    case .overview:
      return
        "\(sortLabel) \(context.glyphs.separator) \(format.integer(order.count))/\(format.integer(data.dataset.provinces.count)) "
    }
  }

  func hintLine() -> Line {
    let context = self.context
    let hints: [(key: String, text: String)]
    if editingFilter {
      hints = context.strings.filterHints
    } else {
      switch screen {
      case .overview: hints = context.strings.overviewHints
      case .matrix: hints = context.strings.matrixHints
      case .province: hints = context.strings.detailHints
      }
    }
    var line = Line()
    for (index, hint) in hints.enumerated() {
      let piece = (index == 0 ? " " : "  ")
      let width = piece.count + context.ui(hint.key).displayWidth + 1 + context.ui(hint.text).displayWidth
      if line.width + width > self.width { break }
      line.append(piece + context.ui(hint.key), .key)
      line.append(" " + context.ui(hint.text), .keyHint)
    }
    return line
  }

  /// What the `e` key writes: the current view's document, named after the view. The document is
  /// built from a copy of this state when the shell reads the request's text, not here.
  func exportRequest() -> ExportRequest {
    var copy = self
    copy.layout = nil
    let snapshot = FrozenState(state: copy)
    return ExportRequest(viewName: screen.kind.rawValue) { snapshot.state.document().text }
  }
}

/// A copy of the state handed to the export's thread. Never mutated after the copy; its views hold
/// only immutable values and the Sendable `DashboardData`, so reading it from another thread is safe.
private struct FrozenState: @unchecked Sendable {
  let state: AppState
}
