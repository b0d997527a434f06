import DigiTrackModel
import Synchronization

/// The report dates (with their comparison) already derived from one opening of the data, so that
/// going back to a date just left (`[` then `]`, or `c` round the comparisons) finds the same
/// `DashboardData` object: no change to compute again, and the layout kept for it (`LayoutKey`
/// compares the data by identity) is drawn again as it is (issue 14 target 5).
///
/// The references are weak: the cache keeps nothing alive by itself (a kept layout or the state
/// does), so memory does not grow with the dates visited, and a reload, which opens new data with
/// a new cache, drops the old one with its data.
final class DashboardDataCache: Sendable {
  struct Key: Equatable {
    var snapshot: Int
    var comparison: Comparison
  }

  private struct Entry {
    let key: Key
    weak var data: DashboardData?
  }

  /// Searched in order: only the dates still alive are kept, a handful. (A dictionary keyed by
  /// `Key` instantiated its type by name at every opening, a conformance scan.)
  private let entries = Mutex<[Entry]>([])

  /// The data kept for `key`, or the one `make` builds (then kept).
  func data(_ key: Key, make: () -> DashboardData) -> DashboardData {
    if let found = entries.withLock({ $0.first { $0.key == key }?.data }) { return found }
    let made = make()
    keep(made, as: key)
    return made
  }

  /// Keeps `data` (the one built at opening) under `key`.
  func keep(_ data: DashboardData, as key: Key) {
    entries.withLock { entries in
      entries.removeAll { $0.data == nil || $0.key == key }
      entries.append(Entry(key: key, data: data))
    }
  }
}
