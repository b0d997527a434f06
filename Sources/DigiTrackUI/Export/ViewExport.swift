import DigiTrackModel

/// The order and the narrowing of the province rows in a structured export: the screen's sort,
/// its reversal and `o` (only the rows that are not green), so that `e` writes what is on screen.
public struct ProvinceOrdering: Sendable {
  public var sort: SortKey
  public var reversed: Bool
  public var openOnly: Bool

  public init(sort: SortKey = .rank, reversed: Bool = false, openOnly: Bool = false) {
    self.sort = sort
    self.reversed = reversed
    self.openOnly = openOnly
  }

  /// `export`'s order: by rank, every province.
  public static let standard = ProvinceOrdering()
}

/// Renders a view without a terminal, for `digitrack-tui export`.
public struct ViewExport {
  public let data: DashboardData
  public let options: DisplayOptions

  public init(data: DashboardData, options: DisplayOptions) {
    self.data = data
    self.options = options
  }

  /// Finds a province by code or by name, as search matches ("lang son", "hcm", "20").
  public func province(named query: String) -> Int? {
    let key = SearchMatch.key(query)
    let provinces = data.dataset.provinces
    if let exact = provinces.firstIndex(where: { $0.code == query }) { return exact }
    if let named = data.searchKeys.firstIndex(where: { $0.contains(key) }) { return named }
    let matches = provinces.indices.filter { data.matches(province: $0, query: key) }
    return matches.count == 1 ? matches[0] : nil
  }

  /// The provinces a query that found no single one matches, by the same search as `/`: what an
  /// error lists so that the user can pick one (empty when nothing matches).
  public func provinces(matching query: String) -> [Int] {
    let key = SearchMatch.key(query)
    return data.dataset.provinces.indices.filter { data.matches(province: $0, query: key) }
  }

  /// The text export: exactly what the dashboard draws for that view at that width, every row,
  /// without colour. The height is unlimited, so the full layout is used. Drawn line by line
  /// (`Canvas.documentText`), so the cost grows with the lines, not with a canvas of them all.
  /// `filter` keeps the provinces it matches, as `/` does, and the text says so.
  public func text(view: ViewKind, province: Int?, width: Int, filter: String = "") -> String {
    String(decoding: textBytes(view: view, province: province, width: width, filter: filter), as: UTF8.self)
  }

  /// `text` as UTF-8, as a file gets it: a province of 200,000 communes is 24 MB of text, which
  /// a String would check and `write` copy again.
  public func textBytes(view: ViewKind, province: Int?, width: Int, filter: String = "") -> [UInt8] {
    var state = AppState(data: data, options: options, width: width, height: 100_000)
    state.filter = filter
    state.orderRows()
    switch view {
    case .overview: break
    case .matrix: state.screen = .matrix
    case .province:
      state.screen = .province(province ?? data.aggregates.rankOrder.first ?? 0, back: .overview)
    case .overdue: state.screen = .overdue
    case .trend: state.screen = .trend(back: .overview)
    }
    return Canvas.documentBytes(state.exportPages(), width: width)
  }
}
