/// What each bound action does on the dashboard: the handler `Update.swift` calls for the key
/// config.json (or the default) binds to it. Movements are not here: their letters become their
/// arrows (`KeyBindings.movement`) and each screen's handler moves.
extension AppState {
  /// Performs `action` on the current screen; nil when the key is the screen's to handle (the
  /// movements, and keys of the export prompt, which has its own handler).
  mutating func perform(_ action: KeyAction) -> [Effect]? {
    switch action {
    case .quit: return [.quit]
    case .help:
      showHelp = true
      helpOffset = 0
    case .onlyOpen:
      openOnly.toggle()
      detailMark = nil
      reorder()
    case .nextOpen: jumpToOpen(forward: true)
    case .previousOpen: jumpToOpen(forward: false)
    case .export: openExportPrompt()
    case .reload:
      guard let dataPath else {
        status = StatusMessage(text: context.strings.cannotReload, isError: false)
        return []
      }
      return [.reload(path: dataPath)]
    case .overdue where screen.kind != .province: toggleOverdue()
    case .trend: toggleTrend()
    case .compare: cycleComparison()
    case .previousDate: showSnapshot(data.aggregates.snapshotIndex - 1)
    case .nextDate: showSnapshot(data.aggregates.snapshotIndex + 1)
    case .filter:
      // In a province's view the filter is its communes'; elsewhere, the provinces'.
      editingFilter = true
    case .sort: cycleSort()
    case .reverse where screen == .overview || screen == .matrix:
      reversed.toggle()
      reorder()
    case .previousBand where screen == .matrix: moveMatrixBand(by: -1)
    case .nextBand where screen == .matrix: moveMatrixBand(by: 1)
    case .up, .down, .top, .bottom, .left, .right: return nil
    case .exportText, .exportMarkdown, .exportCSV, .exportJSON, .exportExcel: return nil
    case .overdue, .reverse, .previousBand, .nextBand: break
    }
    return []
  }

  /// `sort`: the provinces' order in the overview and the matrix, the communes' in a province.
  private mutating func cycleSort() {
    switch screen {
    case .overview, .matrix:
      sort = sort.next
      reorder()
    case .province:
      communeSort = communeSort.next
      detailMark = nil
    case .overdue, .trend:
      break
    }
  }
}
