/// Where a provincial criterion of a province stands against its deadline at a snapshot: the
/// classes the reports use (docs/FORMAT.md, "Derived figures").
public enum Timeliness: Sendable, Hashable {
  /// Green, done on or before the deadline.
  case doneOnTime
  /// Green, done this many days after the deadline.
  case doneLate(days: Int)
  /// Green, but when is not known: green since the file's first snapshot, which is after the
  /// deadline, and no `doneOn`. It may have been done on time or late; saying either would guess.
  case doneUndated
  /// Yellow and not yet due: this many days left (0 on the deadline day).
  case inProgress(daysLeft: Int)
  /// Yellow or red after the deadline: this many days late.
  case overdue(days: Int)
  /// Red and not yet due: nothing done, but not late either.
  case notStarted(daysLeft: Int)
  case notReported

  /// The class of criterion `index` (into `Plan.criteria`, provincial level) of `province` at
  /// snapshot `snapshotIndex`. A green status is dated by its `doneOn` when the file gives one
  /// (on this snapshot, or on the first of the unbroken run of green snapshots ending here), else
  /// by the first snapshot of that run; when that run starts at the file's first snapshot and
  /// that is after the deadline, the date is not known (`doneUndated`).
  public init(dataset: Dataset, snapshotIndex: Int, province: Int, criterion index: Int) {
    let plan = dataset.plan
    let snapshot = dataset.snapshots[snapshotIndex]
    let deadline = plan.deadline(ofCriterion: index)
    guard let ordinal = plan.levelOrdinal(of: index), let report = snapshot.reports[province] else {
      self = .notReported
      return
    }
    let date = snapshot.date
    switch report.provincialStatuses[ordinal] {
    case .notReported:
      self = .notReported
    case .green:
      var first = snapshotIndex
      while first > 0, dataset.snapshots[first - 1].reports[province]?.provincialStatuses[ordinal] == .green {
        first -= 1
      }
      let firstReport = dataset.snapshots[first].reports[province]
      let given = report.provincialDoneOn[ordinal] ?? firstReport?.provincialDoneOn[ordinal]
      let done = given ?? dataset.snapshots[first].date
      if given == nil, first == 0, done.isPast(deadline) {
        self = .doneUndated
      } else {
        self = done.isPast(deadline) ? .doneLate(days: deadline.days(to: done)) : .doneOnTime
      }
    case .yellow:
      self =
        date.isPast(deadline) ? .overdue(days: deadline.days(to: date)) : .inProgress(daysLeft: date.days(to: deadline))
    case .red:
      self =
        date.isPast(deadline) ? .overdue(days: deadline.days(to: date)) : .notStarted(daysLeft: date.days(to: deadline))
    }
  }

  /// Days past the deadline for an overdue criterion, else nil.
  public var daysOverdue: Int? {
    if case .overdue(let days) = self { return days }
    return nil
  }

  /// The class as exports name it: stable English ids for CSV and JSON readers.
  public var id: String {
    switch self {
    case .doneOnTime: "done_on_time"
    case .doneLate: "done_late"
    case .doneUndated: "done_undated"
    case .inProgress: "in_progress"
    case .overdue: "overdue"
    case .notStarted: "not_started"
    case .notReported: "not_reported"
    }
  }

  /// The days the class counts: late for done late and overdue, left for in progress and not
  /// started; nil for done on time and not reported.
  public var days: Int? {
    switch self {
    case .doneLate(let days), .overdue(let days), .inProgress(let days), .notStarted(let days): days
    case .doneOnTime, .doneUndated, .notReported: nil
    }
  }
}

extension Plan {
  /// The position of criterion `index` among the criteria of its level.
  public func levelOrdinal(of index: Int) -> Int? {
    criteria[index].level == .provincial
      ? provincialCriteria.firstIndex(of: index) : communeCriteria.firstIndex(of: index)
  }
}

/// Every provincial criterion past its deadline and not green at a snapshot, oldest deadline
/// first, so most days late first (then in province and criterion order): the overdue list.
public struct OverdueList: Sendable {
  public struct Entry: Sendable, Hashable {
    public let province: Int
    /// Index into `Plan.criteria`.
    public let criterion: Int
    public let deadline: CalendarDate
    public let daysLate: Int
  }

  public let entries: [Entry]

  /// One criterion of the national overdue summary: overdue in this many provinces.
  public struct CriterionCount: Sendable, Hashable {
    /// Index into `Plan.criteria`.
    public let criterion: Int
    public let deadline: CalendarDate
    public let daysLate: Int
    /// The provinces where it is overdue, in the list's order.
    public let provinces: [Int]
  }

  /// The national view of the list: each overdue criterion once, with the provinces where it is
  /// overdue; oldest deadline first, then most provinces, then plan order.
  public var byCriterion: [CriterionCount] {
    var provinces: [Int: [Int]] = [:]
    var first: [Int: Entry] = [:]
    for entry in entries {
      provinces[entry.criterion, default: []].append(entry.province)
      if first[entry.criterion] == nil { first[entry.criterion] = entry }
    }
    return first.values.map {
      CriterionCount(
        criterion: $0.criterion, deadline: $0.deadline, daysLate: $0.daysLate, provinces: provinces[$0.criterion] ?? [])
    }
    .sorted { ($0.deadline, -$0.provinces.count, $0.criterion) < ($1.deadline, -$1.provinces.count, $1.criterion) }
  }

  /// The provinces with anything overdue.
  public var provinceCount: Int { Set(entries.map(\.province)).count }

  /// Work is provinces × provincial criteria, done when the list is asked for.
  public init(dataset: Dataset, snapshotIndex: Int, provinces: [Int]? = nil) {
    let plan = dataset.plan
    let snapshot = dataset.snapshots[snapshotIndex]
    var entries: [Entry] = []
    for province in provinces ?? Array(dataset.provinces.indices) {
      guard let report = snapshot.reports[province] else { continue }
      for (ordinal, index) in plan.provincialCriteria.enumerated() {
        let deadline = plan.deadline(ofCriterion: index)
        guard snapshot.date.isPast(deadline), report.provincialStatuses[ordinal] != .green else { continue }
        entries.append(
          Entry(province: province, criterion: index, deadline: deadline, daysLate: deadline.days(to: snapshot.date)))
      }
    }
    self.entries = entries.sorted {
      ($0.deadline, $0.province, $0.criterion) < ($1.deadline, $1.province, $1.criterion)
    }
  }
}
