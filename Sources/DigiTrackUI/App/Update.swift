import DigiTrackModel

extension AppState {
  /// Applies one event. Returns what the shell must do (write an export, quit).
  ///
  /// The page is laid out at most once per event: the layout is kept with the state (see
  /// `keepLayout`) and the frame that `render` draws next uses it too.
  public mutating func update(_ event: Event) -> [Effect] {
    let effects = apply(event)
    keepLayout()
    return effects
  }

  private mutating func apply(_ event: Event) -> [Effect] {
    switch event {
    case .resize(let width, let height):
      resize(width: width, height: height)
      return []
    case .exportFinished(let result):
      switch result {
      case .success(let path):
        status = StatusMessage(text: "\(context.strings.exported): \(path)", isError: false)
      case .failure(let error):
        status = StatusMessage(text: "\(context.strings.exportFailed): \(error.message)", isError: true)
      }
      return []
    case .dataReloaded(let newData):
      replaceData(newData)
      reloadError = nil
      let reloaded = context.strings.reloaded
      status = StatusMessage(text: warningStatus.map { reloaded + "; " + $0.text } ?? reloaded, isError: false)
      return []
    case .reloadFailed(let message):
      // The newest event wins the status line: a failure replaces "reloaded" at once, and stays
      // (as `reloadError`, below any later message) until a good reload.
      reloadError = message
      status = StatusMessage(text: context.strings.reloadFailed + ": " + message, isError: true)
      return []
    case .notice(let message):
      status = StatusMessage(text: message, isError: false)
      return []
    case .mouse(let mouse):
      handleMouse(mouse)
      return []
    case .key(let key):
      return handleKey(key)
    }
  }

  private mutating func handleKey(_ key: Key) -> [Effect] {
    if key == .interrupt { return [.quit] }
    // What the key does goes through the bindings (KeyBindings.swift): config.json may move any
    // single-character command to another key.
    let keys = options.keys
    let action = keys.action(for: key)
    if isTooSmall { return action == .quit ? [.quit] : [] }
    if editingFilter { return handleFilterKey(key) }
    if exportPrompt { return handleExportPromptKey(key) }
    // A letter bound to a movement (j k g G h l by default) does what its arrow does, everywhere.
    let key = keys.movement(key)
    if showHelp {
      switch (action, key) {
      case (.quit?, _): return [.quit]
      case (.help?, _), (_, .escape), (_, .enter), (_, .backspace), (_, .left): showHelp = false
      default: scrollHelp(key)
      }
      return []
    }
    status = nil
    if let action, let effects = perform(action) { return effects }
    if key == .tab || key == .backTab {
      switchTopScreen()
      return []
    }
    switch screen {
    case .overview: handleListKey(key)
    case .matrix: handleMatrixKey(key)
    case .province: handleDetailKey(key)
    case .overdue: handleOverdueKey(key)
    case .trend: handleTrendKey(key)
    }
    return []
  }

  private mutating func handleFilterKey(_ key: Key) -> [Effect] {
    switch key {
    case .escape:
      editingFilter = false
      _ = clearFilter()
    case .enter:
      // Enter keeps the filter and leaves the input (as k9s and lazygit do): s, r, e and Tab then
      // work on the filtered list, and a second Enter opens the selected row.
      editingFilter = false
    case .backspace:
      if !activeFilter.isEmpty {
        activeFilter.removeLast()
        filterChanged()
      }
    case .up, .down, .pageUp, .pageDown:
      if screen.kind == .province {
        handleDetailKey(key)
      } else if screen == .overdue {
        moveOverdueSelection(key)
      } else {
        moveSelection(key)
      }
    case .character(let character):
      guard activeFilter.count < 64, !character.isNewline,
        character.unicodeScalars.allSatisfy({ !SafeText.isInvisible($0) })
      else { return [] }
      activeFilter.append(character)
      selection = 0
      filterChanged()
    default:
      break
    }
    return []
  }

  private mutating func handleListKey(_ key: Key) {
    switch key {
    case .enter, .right: openSelected()
    case .escape: _ = clearFilter()
    default: moveSelection(key)
    }
  }

  private mutating func handleMatrixKey(_ key: Key) {
    switch key {
    case .enter: openSelected()
    case .left: moveMatrixColumn(to: matrixColumn - 1)
    case .right: moveMatrixColumn(to: matrixColumn + 1)
    case .escape, .backspace:
      // Back clears a filter first, then returns to the overview.
      if !clearFilter() {
        screen = .overview
        keepSelectionVisible()
      }
    default: moveSelection(key)
    }
  }

  /// Clears the filter (the communes' in a province's view); false when there was none.
  mutating func clearFilter() -> Bool {
    guard !activeFilter.isEmpty else { return false }
    activeFilter = ""
    filterChanged()
    return true
  }

  /// The filter that `/` edits here: the communes' in a province's view, else the provinces'.
  private var activeFilter: String {
    get { screen.kind == .province ? communeFilter : filter }
    set {
      if screen.kind == .province { communeFilter = newValue } else { filter = newValue }
    }
  }

  private mutating func filterChanged() {
    if screen.kind == .province {
      detailMark = nil
      clampDetailOffset()
    } else {
      reorder()
    }
  }

  private mutating func handleDetailKey(_ key: Key) {
    guard case .province(_, let back) = screen else { return }
    let page = laidOutPage()
    let viewport = bodyViewport(for: page)
    let last = max(0, page.body.count - viewport)
    switch key {
    case .escape, .backspace, .left:
      // Back clears the commune filter first, then returns.
      if !clearFilter() {
        screen = back.screen
        keepSelectionVisible()
      }
    default: scrollBody(key, viewport: viewport, last: last)
    }
  }

  private mutating func switchTopScreen() {
    switch screen {
    case .overview: screen = .matrix
    case .matrix: screen = .overview
    case .province(_, let back), .trend(let back): screen = back == .overview ? .matrix : .overview
    case .overdue: screen = overdueBack == .overview ? .matrix : .overview
    }
    keepSelectionVisible()
  }

  mutating func openSelected() {
    guard let province = selectedProvince else { return }
    let back: TopScreen = screen == .matrix ? .matrix : .overview
    screen = .province(province, back: back)
    detailOffset = 0
    detailMark = nil
    communeFilter = ""
  }

  private mutating func moveSelection(_ key: Key) {
    guard !order.isEmpty else { return }
    keepLayout()
    guard let moved = moved(selection, by: key, count: order.count) else { return }
    selection = min(max(0, moved), order.count - 1)
    keepSelectionVisible()
  }

  /// Where a selection among `count` rows goes for a moving key (unclamped), or nil for another key.
  func moved(_ selection: Int, by key: Key, count: Int) -> Int? {
    let page = max(1, bodyViewport(for: currentPage()) - 1)
    switch key {
    case .up: return selection - 1
    case .down: return selection + 1
    case .pageUp: return selection - page
    case .pageDown: return selection + page
    case .home: return 0
    case .end: return count - 1
    default: return nil
    }
  }

  private mutating func handleMouse(_ mouse: MouseEvent) {
    guard !isTooSmall, !showHelp, !editingFilter else { return }
    if screen == .overdue { return handleOverdueMouse(mouse) }
    let page = laidOutPage()
    let top = page.top.count
    switch mouse.kind {
    case .wheelUp, .wheelDown:
      let step = mouse.kind == .wheelUp ? -3 : 3
      if screen.scrollsFreely {
        let last = max(0, page.body.count - bodyViewport(for: page))
        detailOffset = min(last, max(0, detailOffset + step))
      } else if !order.isEmpty {
        selection = min(max(0, selection + step), order.count - 1)
        keepSelectionVisible()
      }
    case .press:
      guard !screen.scrollsFreely, mouse.y >= top, mouse.y < top + bodyViewport(for: page) else { return }
      let row = (screen == .matrix ? matrixOffset : listOffset) + mouse.y - top
      guard order.indices.contains(row) else { return }
      if row == selection {
        openSelected()
      } else {
        selection = row
        keepSelectionVisible()
      }
    }
  }

  /// Rows of the body that fit between the fixed top lines and the two bottom lines.
  func bodyViewport(for page: Page) -> Int {
    max(1, height - page.top.count - 2)
  }

  /// Scrolls the overview and matrix so the selection is in sight. On the last province the view
  /// scrolls to the end of the body, so the source list below the rows can be read.
  mutating func keepSelectionVisible() {
    if screen == .overdue { return keepOverdueSelectionVisible() }
    guard !isTooSmall, !screen.scrollsFreely else { return }
    // A new width makes new bands: the one on screen is the one that holds the cursor.
    moveMatrixColumn(to: matrixColumn)
    let page = laidOutPage()
    let viewport = bodyViewport(for: page)
    var offset = screen == .matrix ? matrixOffset : listOffset
    if selection < offset { offset = selection }
    if selection >= offset + viewport { offset = selection - viewport + 1 }
    if !order.isEmpty, selection == order.count - 1 {
      offset = max(offset, page.body.count - viewport)
    }
    offset = max(0, min(offset, max(0, page.body.count - viewport)))
    if selection < offset { offset = selection }
    if screen == .matrix { matrixOffset = offset } else { listOffset = offset }
  }
}
