import DigiTrackModel

/// The keys of the change and trend features: `t` opens and closes the trend view, `c` changes
/// the report date that changes are measured against.
extension AppState {
  /// `t`: to the trend view from anywhere, and back to the screen it came from.
  mutating func toggleTrend() {
    switch screen {
    case .trend(let back):
      screen = back.screen
      keepSelectionVisible()
    case .overdue, .province(_, .overdue):
      screen = .trend(back: .overdue)
      detailOffset = 0
    case .overview, .province(_, .overview):
      screen = .trend(back: .overview)
      detailOffset = 0
    case .matrix, .province(_, .matrix):
      screen = .trend(back: .matrix)
      detailOffset = 0
    }
  }

  /// `c`: the previous report date, then each earlier one, then none, and round again; the status
  /// line says which.
  mutating func cycleComparison() {
    let next = data.comparison.next(shown: data.aggregates.snapshotIndex, in: data.dataset)
    replaceComparison(next)
    let text =
      data.comparedSnapshot.map { context.strings.comparedWith(context.format.date($0.date)) }
      ?? context.strings.noComparison
    status = StatusMessage(text: context.ui(text), isError: false)
  }

  /// Scrolling the trend view, and Esc back.
  mutating func handleTrendKey(_ key: Key) {
    let page = laidOutPage()
    let viewport = bodyViewport(for: page)
    let last = max(0, page.body.count - viewport)
    switch key {
    case .escape, .backspace, .left: toggleTrend()
    default: scrollBody(key, viewport: viewport, last: last)
    }
  }

  /// The scrolling keys of the views without a selection (a province's, the trend): `detailOffset`
  /// within 0…`last`, a screenful being `viewport` rows.
  mutating func scrollBody(_ key: Key, viewport: Int, last: Int) {
    switch key {
    case .up: detailOffset = max(0, detailOffset - 1)
    case .down: detailOffset = min(last, detailOffset + 1)
    case .pageUp: detailOffset = max(0, detailOffset - max(1, viewport - 1))
    case .pageDown: detailOffset = min(last, detailOffset + max(1, viewport - 1))
    case .home: detailOffset = 0
    case .end: detailOffset = last
    default: break
    }
  }

  /// The trend view's right status: how many report dates it draws.
  func trendStatus() -> String {
    context.ui(context.strings.reportDates(context.format.integer(data.dataset.snapshots.count))) + " "
  }
}
