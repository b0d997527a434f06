import DigiTrackModel

/// The overdue view's keys: `d` opens it from the overview or the matrix and `d` or Esc go back;
/// the arrows move its own selection (a row is a province and a criterion, not a province), and
/// Enter opens the selected row's province, whose Esc comes back here. `/`, `o`, `[` `]`, `e` and
/// `?` work as everywhere: the list keeps only the provinces the filter leaves.
extension AppState {
  var overdueView: OverdueView {
    OverdueView(context: context, width: width, order: order, selection: overdueSelection)
  }

  /// The rows of the overdue view, for the current filter and report date.
  var overdueEntries: [OverdueList.Entry] { OverdueView.list(context, order: order).entries }

  mutating func toggleOverdue() {
    switch screen {
    case .overdue:
      screen = overdueBack.screen
      keepSelectionVisible()
    case .overview, .matrix:
      overdueBack = screen == .matrix ? .matrix : .overview
      screen = .overdue
      overdueSelection = 0
      overdueOffset = 0
    case .trend(let back):
      if back != .overdue { overdueBack = back }
      screen = .overdue
      overdueSelection = 0
      overdueOffset = 0
    case .province:
      break
    }
  }

  mutating func handleOverdueKey(_ key: Key) {
    switch key {
    case .escape, .backspace, .left:
      // Back clears the filter first, as in the matrix.
      if !clearFilter() { toggleOverdue() }
    case .enter, .right:
      let entries = overdueEntries
      guard entries.indices.contains(overdueSelection) else { return }
      screen = .province(entries[overdueSelection].province, back: .overdue)
      detailOffset = 0
      detailMark = nil
      communeFilter = ""
    default:
      moveOverdueSelection(key)
    }
  }

  /// Moves the overdue view's selection; `wrapping` (for `n` / `N`) goes round at the ends.
  mutating func moveOverdueSelection(_ key: Key, wrapping: Bool = false) {
    let count = overdueEntries.count
    guard count > 0 else {
      if wrapping { status = StatusMessage(text: context.strings.noneOpen, isError: false) }
      return
    }
    keepLayout()
    guard var selection = moved(overdueSelection, by: key, count: count) else { return }
    if wrapping { selection = (selection + count) % count }
    overdueSelection = min(max(0, selection), count - 1)
    keepOverdueSelectionVisible()
  }

  /// Keeps the selection on a row that exists (a filter or another date changes the rows) and in
  /// sight; on the last row the view scrolls to the end, so the national table can be read.
  mutating func keepOverdueSelectionVisible() {
    guard !isTooSmall else { return }
    let count = overdueEntries.count
    overdueSelection = min(max(0, overdueSelection), max(0, count - 1))
    let page = laidOutPage()
    let viewport = bodyViewport(for: page)
    var offset = overdueOffset
    if overdueSelection < offset { offset = overdueSelection }
    if overdueSelection >= offset + viewport { offset = overdueSelection - viewport + 1 }
    if count > 0, overdueSelection == count - 1 { offset = max(offset, page.body.count - viewport) }
    offset = max(0, min(offset, max(0, page.body.count - viewport)))
    if overdueSelection < offset { offset = overdueSelection }
    overdueOffset = offset
  }

  /// The wheel scrolls the selection; a click selects a row, a second click opens it.
  mutating func handleOverdueMouse(_ mouse: MouseEvent) {
    switch mouse.kind {
    case .wheelUp: for _ in 0..<3 { moveOverdueSelection(.up) }
    case .wheelDown: for _ in 0..<3 { moveOverdueSelection(.down) }
    case .press:
      let page = laidOutPage()
      let top = page.top.count
      guard mouse.y >= top, mouse.y < top + bodyViewport(for: page) else { return }
      let row = overdueOffset + mouse.y - top
      guard overdueEntries.indices.contains(row) else { return }
      if row == overdueSelection {
        handleOverdueKey(.enter)
      } else {
        overdueSelection = row
        keepOverdueSelectionVisible()
      }
    }
  }

  /// The status line's right side: `3 / 41 · 5/34 `, the row and the provinces shown.
  func overduePosition() -> String {
    let format = context.format
    let count = overdueEntries.count
    let row = count == 0 ? "0" : format.integer(overdueSelection + 1)
    return
      "\(row) / \(format.integer(count)) \(context.glyphs.separator) \(format.integer(order.count))/\(format.integer(data.dataset.provinces.count)) "
  }
}
