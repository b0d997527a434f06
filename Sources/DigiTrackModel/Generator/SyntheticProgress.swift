/// How generated provinces progress over many report dates (`generate --snapshots N`): each
/// criterion of each province (and of each commune) gets a time at which it is done, drawn once,
/// so successive dates continue one another. Progress therefore rises plausibly; a few greens go
/// back for one date (regressions), some criteria are done after their deadline (lateness), and
/// a criterion not started after its deadline is red (never before it: the loader warns on that).
struct SyntheticProgress {
  let snapshots: Int
  /// Items per owner (criteria per province or per commune).
  let perOwner: Int
  private let seed: UInt64

  init(snapshots: Int, perOwner: Int, random: inout SplitMix64) {
    self.snapshots = snapshots
    self.perOwner = max(1, perOwner)
    seed = random.next()
  }

  /// When item `item` is done, as a share of the timeline (above 1: not within the dates
  /// written). Computed from the seed, not stored, so ten million communes cost no memory. An
  /// owner (province or commune) is fast or slow as a whole, each criterion more or less so.
  func doneAt(_ item: Int) -> Double {
    let pace = 0.55 + Double(mix(item / perOwner, 1 << 20) % 700) / 1000
    return pace * (0.2 + Double(mix(item, 1 << 21) % 900) / 1000)
  }

  /// The status of item `item` at snapshot `snapshot`; `due` when its deadline has passed then.
  func status(item: Int, snapshot: Int, due: Bool) -> Status {
    let time = Double(snapshot + 1) / Double(snapshots)
    let done = doneAt(item)
    if time >= done {
      // A few greens go back to yellow for one report date.
      if snapshot > 0, time - done > 0.05, mix(item, snapshot) % 1000 < 15 { return .yellow }
      return .green
    }
    if time >= done - 0.3 { return .yellow }
    if due { return .red }
    return mix(item, snapshot) % 2 == 0 ? .notReported : .yellow
  }

  /// A deterministic draw for one item at one date, independent of the order of writing.
  private func mix(_ item: Int, _ snapshot: Int) -> UInt64 {
    var stream = SplitMix64(seed: seed ^ (UInt64(item) &* 0x9E37_79B9) ^ (UInt64(snapshot) << 40))
    return stream.next()
  }
}

extension CalendarDate {
  /// The date `days` days later (earlier when negative).
  func adding(days: Int) -> CalendarDate {
    var (year, month, day) = (self.year, self.month, self.day)
    var left = days
    while left > 0 {
      let inMonth = CalendarDate.days(inMonth: month, year: year)
      if day + left <= inMonth {
        day += left
        left = 0
      } else {
        left -= inMonth - day + 1
        day = 1
        (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
      }
    }
    while left < 0 {
      if day + left >= 1 {
        day += left
        left = 0
      } else {
        left += day
        (year, month) = month == 1 ? (year - 1, 12) : (year, month - 1)
        day = CalendarDate.days(inMonth: month, year: year)
      }
    }
    return CalendarDate(year: year, month: month, day: day) ?? self
  }
}
