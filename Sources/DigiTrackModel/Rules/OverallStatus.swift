/// The one overall rule, for a province and for a commune alike (docs/FORMAT.md, "Derived
/// figures"): not reported when nothing was reported; red when any criterion is red; green when
/// every criterion that is due is green; yellow otherwise. A criterion not yet due is on track
/// whatever its status, so it never makes a row yellow — nor does one not reported before its
/// deadline. Both levels call this, so a commune's row and a province's never disagree.
extension Status {
  /// `statuses[i]` is due when `isDue(i)`.
  public static func overall<Statuses: Collection<Status>>(_ statuses: Statuses, isDue: (Int) -> Bool) -> Status {
    var anyReported = false
    var anyRed = false
    var dueOpen = false
    for (position, status) in statuses.enumerated() {
      if status != .notReported { anyReported = true }
      if status == .red { anyRed = true }
      if status != .green, !dueOpen, isDue(position) { dueOpen = true }
    }
    if !anyReported { return .notReported }
    if anyRed { return .red }
    return dueOpen ? .yellow : .green
  }
}

extension Plan {
  /// For each commune-level criterion (as `communeCriteria`): whether it is due on `date`.
  public func communeCriteriaDue(on date: CalendarDate) -> [Bool] {
    communeCriteria.map { date.isPast(deadline(ofCriterion: $0)) }
  }

  /// A published phase flag read at `date`: green; not green before the phase's deadline (in
  /// progress); not green after it (late); or not reported. Every view and format shows this.
  public func phaseStatus(_ flag: Bool?, phase index: Int, on date: CalendarDate) -> Status {
    switch flag {
    case true?: .green
    case nil: .notReported
    case false?: date.isPast(phases[index].deadline) ? .red : .yellow
    }
  }
}

extension CommuneUnits {
  /// A commune's overall status under the province's rule; `due` from `Plan.communeCriteriaDue`.
  public func overall(_ unit: Int, due: [Bool]) -> Status {
    let start = unit * criteriaCount
    // A slice of the row, not a copy: the commune table asks this for every row it draws.
    return .overall(statuses[start..<(start + criteriaCount)]) { due[$0] }
  }

  /// A commune is open (for `o`, `n`, and the "not green first" sort) when any of its criteria is
  /// not green, as a province row is open while anything in it is still to do.
  public func isOpen(_ unit: Int) -> Bool { !isFullyGreen(unit) }
}
