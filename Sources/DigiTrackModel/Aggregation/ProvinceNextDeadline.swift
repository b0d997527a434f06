/// A province's next deadline at a report date: the earliest deadline, on or after the date, of
/// its provincial criteria that are not green, and how many of them fall due then. The plan's
/// next deadline (`NextDeadline`) is the same for every province; this says which province still
/// has work for it, and how much (the overview's "Hạn tới" column, issue 12 item 20).
public struct ProvinceNextDeadline: Sendable, Equatable {
  public let date: CalendarDate
  /// 0 on the deadline day itself (work done that day still meets it).
  public let daysLeft: Int
  /// Provincial criteria not green whose deadline is `date`.
  public let open: Int

  /// Nil when the province did not report at the snapshot, or when every criterion not green is
  /// already past its deadline (those are overdue, `ProvinceSummary.overdueCount`).
  public init?(dataset: Dataset, snapshotIndex: Int, province: Int) {
    let plan = dataset.plan
    let snapshot = dataset.snapshots[snapshotIndex]
    guard let report = snapshot.reports[province] else { return nil }
    var best: CalendarDate?
    var open = 0
    for (ordinal, index) in plan.provincialCriteria.enumerated() where report.provincialStatuses[ordinal] != .green {
      let deadline = plan.deadline(ofCriterion: index)
      guard !snapshot.date.isPast(deadline) else { continue }
      if best == nil || deadline < best! {
        best = deadline
        open = 1
      } else if deadline == best {
        open += 1
      }
    }
    guard let best else { return nil }
    date = best
    daysLeft = snapshot.date.days(to: best)
    self.open = open
  }
}
