import DigiTrackModel

/// A loaded dataset with everything derived from it that the views need, computed once.
public final class DashboardData: Sendable {
  public let dataset: Dataset
  public let aggregates: Aggregates
  /// How the header names the data: the file name, or the built-in demo. A file name comes from
  /// outside the data, so it is made printable here (`SafeText.printable`) for every view and export.
  public let sourceName: String
  /// Folded names, codes and aliases per province (`SearchMatch.key`), for filtering that ignores
  /// case, diacritics, spaces and punctuation.
  public let searchKeys: [[String]]
  /// Sort key for names, so Vietnamese names sort by their letters, not by code point.
  public let nameKeys: [String]
  /// The report date changes are measured against, and the change itself (computed once here).
  public let comparison: Comparison
  public let change: ChangeSummary?
  /// Every report date's figures (the trend view, the sparklines); `aggregates` is one of them.
  public let trend: Trend
  /// One `Aggregates` per snapshot, built at opening (linear in the snapshots), so stepping
  /// through report dates costs nothing more.
  let everyAggregates: [Aggregates]
  /// The other dates and comparisons already derived from this opening (shared by all of them).
  let cache: DashboardDataCache
  /// The loader's warnings about the file ("red before its deadline"), one printed line each, in
  /// the user's language: the dashboard shows them too, not only standard error before it opens.
  public let warnings: [String]

  /// `snapshotIndex` picks the report date shown (the newest when nil; clamped to the snapshots).
  public init(dataset: Dataset, sourceName: String, snapshotIndex: Int? = nil, warnings: [String] = []) {
    self.dataset = dataset
    self.sourceName = SafeText.printable(sourceName)
    self.warnings = warnings.map(SafeText.printable)
    let index = min(max(0, snapshotIndex ?? dataset.snapshots.count - 1), dataset.snapshots.count - 1)
    everyAggregates = dataset.snapshots.indices.map { Aggregates(dataset: dataset, snapshotIndex: $0) }
    aggregates = everyAggregates[index]
    trend = Trend(dataset: dataset, aggregates: everyAggregates)
    searchKeys = dataset.provinces.map { province in
      ([province.name, province.code] + province.aliases).map(SearchMatch.key)
    }
    nameKeys = dataset.provinces.map { SafeText.searchKey($0.name) }
    comparison = .previous
    change = Self.change(dataset, shown: index, comparison: .previous, aggregates: everyAggregates)
    cache = DashboardDataCache()
    cache.keep(self, as: DashboardDataCache.Key(snapshot: index, comparison: .previous))
  }

  private init(_ other: DashboardData, snapshotIndex: Int, comparison: Comparison) {
    dataset = other.dataset
    sourceName = other.sourceName
    aggregates = other.everyAggregates[snapshotIndex]
    everyAggregates = other.everyAggregates
    trend = other.trend
    warnings = other.warnings
    searchKeys = other.searchKeys
    nameKeys = other.nameKeys
    cache = other.cache
    self.comparison = comparison
    change = Self.change(other.dataset, shown: snapshotIndex, comparison: comparison, aggregates: everyAggregates)
  }

  private static func change(
    _ dataset: Dataset, shown: Int, comparison: Comparison, aggregates: [Aggregates]
  ) -> ChangeSummary? {
    comparison.index(shown: shown, in: dataset).map {
      ChangeSummary(dataset: dataset, from: $0, to: shown, aggregates: aggregates)
    }
  }

  /// The same data and date, with changes measured against another report date (`c`, `--compare`).
  public func comparing(_ comparison: Comparison) -> DashboardData {
    comparison == self.comparison
      ? self : derived(snapshotIndex: aggregates.snapshotIndex, comparison: comparison)
  }

  /// The snapshot changes are measured against, if any.
  public var comparedSnapshot: Snapshot? { change.map { dataset.snapshots[$0.fromIndex] } }

  /// The same data at another report date. Its `Aggregates` was built at opening; only the change
  /// against the compared date (provinces × criteria, plus the communes where both dates list
  /// them) is computed, so stepping through dates costs no more than a single snapshot's opening.
  public func atSnapshot(_ index: Int) -> DashboardData {
    let index = min(max(0, index), dataset.snapshots.count - 1)
    return index == aggregates.snapshotIndex ? self : derived(snapshotIndex: index, comparison: comparison)
  }

  /// The data at `snapshotIndex` compared with `comparison`: the object already derived for them
  /// if one is still in use, so going back to it costs no change and no layout.
  private func derived(snapshotIndex: Int, comparison: Comparison) -> DashboardData {
    cache.data(DashboardDataCache.Key(snapshot: snapshotIndex, comparison: comparison)) {
      DashboardData(self, snapshotIndex: snapshotIndex, comparison: comparison)
    }
  }

  /// Whether the newest report date is the one shown.
  public var showsLatest: Bool { aggregates.snapshotIndex == dataset.snapshots.count - 1 }

  public var snapshot: Snapshot { dataset.snapshots[aggregates.snapshotIndex] }

  /// Whether `query` (already folded by `SearchMatch.key`) matches a province: it is a part of the
  /// folded name, the code or an alias ("langson", "son", "hanoi" and "hcm" all match by that rule).
  public func matches(province: Int, query: String) -> Bool {
    SearchMatch.matches(query, in: searchKeys[province])
  }

  /// The overview's order of provinces for a filter and a sort.
  /// `openOnly` keeps only the provinces that are not green (the `o` key).
  public func order(filter: String, sort: SortKey, reversed: Bool, openOnly: Bool = false) -> [Int] {
    let query = SearchMatch.key(filter)
    let ranks = aggregates.ranks
    let summaries = aggregates.provinces
    let ranked = aggregates.rankOrder.filter {
      matches(province: $0, query: query) && (!openOnly || summaries[$0].isOpen)
    }
    // Ties fall back to rank order, which is stable. (An array by province, not a dictionary: that
    // instantiated its type by name, a scan of every conformance record, at every start.)
    var position = [Int](repeating: 0, count: dataset.provinces.count)
    for (place, province) in aggregates.rankOrder.enumerated() where position.indices.contains(province) {
      position[province] = place
    }
    var sorted: [Int]
    switch sort {
    case .rank:
      sorted = ranked
    case .name:
      sorted = ranked.sorted { (nameKeys[$0], dataset.provinces[$0].name) < (nameKeys[$1], dataset.provinces[$1].name) }
    case .provincial:
      sorted = ranked.sorted {
        let (a, b) = (summaries[$0].provincial.fraction ?? -1, summaries[$1].provincial.fraction ?? -1)
        return a != b ? a > b : position[$0] < position[$1]
      }
    case .commune:
      sorted = ranked.sorted {
        let (a, b) = (summaries[$0].commune?.fraction ?? -1, summaries[$1].commune?.fraction ?? -1)
        return a != b ? a > b : position[$0] < position[$1]
      }
    case .region:
      sorted = ranked.sorted {
        let (a, b) = (dataset.provinces[$0].region, dataset.provinces[$1].region)
        return a != b ? a < b : ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1
      }
    }
    return reversed ? sorted.reversed() : sorted
  }
}

/// The overview's sort orders, in the order `s` cycles through them.
public enum SortKey: String, Sendable, CaseIterable {
  case rank, name, provincial, commune, region

  public var next: SortKey {
    let all = SortKey.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}

/// The three views, as export file names and the `--view` flag name them.
public enum ViewKind: String, Sendable, CaseIterable {
  case overview
  case matrix
  case province
  case overdue
  /// National figures over every report date (`t`).
  case trend
}

/// The province view's commune list orders, in the order `s` cycles through them there.
public enum CommuneSort: String, Sendable, CaseIterable {
  /// As the data lists them.
  case listed
  case name
  /// Worst status first, then as listed.
  case status

  public var next: CommuneSort {
    let all = CommuneSort.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}
