import DigiTrackModel

/// `n` / `N` (the next and previous row that is not green, as `o` defines it) and the help
/// overlay's scrolling: moves that every view shares.
extension AppState {
  /// Moves to the next (or previous) row that is not green, wrapping at the ends as vim's `n`
  /// does. In the overview and the matrix that selects a province; in a province's view it marks
  /// a criterion or commune row and scrolls it into sight.
  mutating func jumpToOpen(forward: Bool) {
    if screen == .overdue { return moveOverdueSelection(forward ? .down : .up, wrapping: true) }
    if screen.kind == .province {
      let page = laidOutPage()
      guard let row = Self.next(in: page.openRows(), after: detailMark ?? (detailOffset - 1), forward: forward) else {
        status = StatusMessage(text: context.strings.noneOpen, isError: false)
        return
      }
      detailMark = row
      let viewport = bodyViewport(for: page)
      if row < detailOffset || row >= detailOffset + viewport { detailOffset = row }
      clampDetailOffset()
      return
    }
    let summaries = data.aggregates.provinces
    let open = order.indices.filter { summaries[order[$0]].isOpen }
    guard let position = Self.next(in: open, after: selection, forward: forward) else {
      status = StatusMessage(text: context.strings.noneOpen, isError: false)
      return
    }
    selection = position
    keepSelectionVisible()
  }

  /// The first of the sorted `rows` after `current` (before it, backwards), wrapping around.
  static func next(in rows: [Int], after current: Int, forward: Bool) -> Int? {
    if forward { return rows.first { $0 > current } ?? rows.first }
    return rows.last { $0 < current } ?? rows.last
  }

  /// Keeps the province view's scroll within its body after the body changed.
  mutating func clampDetailOffset() {
    guard screen.kind == .province, !isTooSmall else { return }
    let page = laidOutPage()
    detailOffset = max(0, min(detailOffset, page.body.count - bodyViewport(for: page)))
  }

  /// Arrows, j/k, PgUp/PgDn and Home/End scroll the help when it does not fit.
  mutating func scrollHelp(_ key: Key) {
    let help = HelpView(context: context, lastError: reloadError, warnings: data.warnings)
    let last = help.lastOffset(width: width, height: height)
    let page = max(1, help.visibleLines(height: height) - 1)
    switch key {
    case .up: helpOffset -= 1
    case .down: helpOffset += 1
    case .pageUp: helpOffset -= page
    case .pageDown, .character(" "): helpOffset += page
    case .home: helpOffset = 0
    case .end: helpOffset = last
    default: return
    }
    helpOffset = max(0, min(helpOffset, last))
  }
}
