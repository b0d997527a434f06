/// Which report date a change is measured against: `--compare DATE` on export and the `c` key in
/// the dashboard. The default is the report date before the one shown.
public enum Comparison: Sendable, Hashable {
  /// The report date just before the one shown (none for the first).
  case previous
  /// A fixed report date (the date shown itself means no change at all, a later one a change
  /// backwards); falls back to `previous` when the file has no report at that date.
  case date(CalendarDate)
  /// No comparison: no change column, no change lines.
  case none

  /// The snapshot compared with when `shown` is on screen, or nil for none.
  public func index(shown: Int, in dataset: Dataset) -> Int? {
    switch self {
    case .none: return nil
    case .previous: return shown > 0 ? shown - 1 : nil
    case .date(let date):
      guard let index = dataset.snapshots.firstIndex(where: { $0.date == date }) else {
        return Comparison.previous.index(shown: shown, in: dataset)
      }
      return index
    }
  }

  /// What the `c` key goes to next: previous report date, then each earlier date, then none, then
  /// the previous one again.
  public func next(shown: Int, in dataset: Dataset) -> Comparison {
    guard let current = index(shown: shown, in: dataset) else { return shown > 0 ? .previous : .none }
    let earlier = min(current, shown) - 1
    return earlier >= 0 ? .date(dataset.snapshots[earlier].date) : .none
  }
}
