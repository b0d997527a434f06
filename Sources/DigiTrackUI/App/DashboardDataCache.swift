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
  struct Key: Hashable {
    var snapshot: Int
    var comparison: Comparison
  }

  private struct Entry {
    weak var data: DashboardData?
  }

  private let entries = Mutex<[Key: Entry]>([:])

  /// The data kept for `key`, or the one `make` builds (then kept).
  func data(_ key: Key, make: () -> DashboardData) -> DashboardData {
    if let found = entries.withLock({ $0[key]?.data }) { return found }
    let made = make()
    entries.withLock { entries in
      entries = entries.filter { $0.value.data != nil }
      entries[key] = Entry(data: made)
    }
    return made
  }

  /// Keeps `data` (the one built at opening) under `key`.
  func keep(_ data: DashboardData, as key: Key) {
    entries.withLock { $0[key] = Entry(data: data) }
  }
}
