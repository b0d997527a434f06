extension CalendarDate {
  /// Days since 0000-03-01 in the proleptic Gregorian calendar: differences of two are day counts.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let m = month <= 2 ? month + 9 : month - 3
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
  }

  /// Whole days from this date to `other` (negative when `other` is earlier).
  public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }
}

/// The next deadline of the plan at a date: the phase (or criterion) deadline that is not yet
/// past, and how many days are left to it. Every screen shows it in its title line.
public struct NextDeadline: Sendable, Equatable {
  /// The phase number whose deadline it is (a criterion's own deadline names its phase too).
  public let phase: Int
  public let date: CalendarDate
  /// 0 on the deadline day itself (work done that day still meets it).
  public let daysLeft: Int

  /// The earliest deadline on or after `date`, or nil when every deadline has passed.
  public init?(plan: Plan, on date: CalendarDate) {
    var best: (phase: Int, date: CalendarDate)?
    for phase in plan.phases where !date.isPast(phase.deadline) {
      if best == nil || phase.deadline < best!.date { best = (phase.number, phase.deadline) }
    }
    for index in plan.criteria.indices {
      guard let own = plan.criteria[index].deadline, !date.isPast(own) else { continue }
      if best == nil || own < best!.date { best = (plan.criteria[index].phase, own) }
    }
    guard let best else { return nil }
    phase = best.phase
    self.date = best.date
    daysLeft = date.days(to: best.date)
  }
}
