/// Change between two report dates, computed once when the data (or the comparison) changes, for
/// every province and nationally. Improvements and regressions are counted separately and never
/// netted: "+10 −2", not "+8" (docs/FORMAT.md, "Derived figures").

/// Which way one status moved.
public enum ChangeDirection: Sendable, Hashable {
  case improvement
  case regression
  /// A move to or from "not reported" between statuses that are not green: neither better nor worse.
  case other

  /// Green → anything else is a regression and anything else → green an improvement; between
  /// yellow and red, red is worse. A move between "not reported" and yellow or red says nothing
  /// about progress.
  public init(from: Status, to: Status) {
    switch (from, to) {
    case (.green, _): self = .regression
    case (_, .green): self = .improvement
    case (.yellow, .red): self = .regression
    case (.red, .yellow): self = .improvement
    default: self = .other
    }
  }
}

/// How many things got better and how many got worse. Kept as two numbers on purpose.
public struct ChangeCount: Sendable, Hashable {
  public var improvements: Int
  public var regressions: Int

  public init(improvements: Int = 0, regressions: Int = 0) {
    self.improvements = improvements
    self.regressions = regressions
  }

  public var isEmpty: Bool { improvements == 0 && regressions == 0 }

  mutating func add(_ direction: ChangeDirection) {
    switch direction {
    case .improvement: improvements += 1
    case .regression: regressions += 1
    case .other: break
    }
  }

  public static func + (lhs: ChangeCount, rhs: ChangeCount) -> ChangeCount {
    ChangeCount(improvements: lhs.improvements + rhs.improvements, regressions: lhs.regressions + rhs.regressions)
  }
}

/// The change of every province and of the country between two snapshots.
public struct ChangeSummary: Sendable {
  public let fromIndex: Int
  public let toIndex: Int
  public let fromDate: CalendarDate
  /// Indexed like `Dataset.provinces`.
  public let provinces: [ProvinceChange]
  /// Provincial criteria that improved and regressed, over all provinces.
  public let criteria: ChangeCount
  /// Provinces that became green overall at the shown date, and those that stopped being green.
  public let greenProvinces: ChangeCount
  /// Communes that became and stopped being fully green, over the provinces that list their
  /// communes at both dates; nil when none does.
  public let communes: ChangeCount?
  /// Whether `communes` covers every province.
  public let communesComplete: Bool
  /// Fully green communes at both dates, over the provinces whose data counts them at both: the
  /// published counts, where the communes are not listed one by one.
  public let communesBefore: Ratio
  public let communesAfter: Ratio
  /// The criteria and province counts rest on the statuses (and phase flags) at both dates.
  public let derivation: Derivation
  public let communesDerivation: Derivation

  /// `aggregates`, when given, holds one `Aggregates` per snapshot (the dashboard's), so the
  /// provinces' summaries are not computed again.
  public init(dataset: Dataset, from: Int, to: Int, aggregates: [Aggregates]? = nil) {
    fromIndex = from
    toIndex = to
    fromDate = dataset.snapshots[from].date
    if let aggregates {
      provinces = dataset.provinces.indices.map {
        ProvinceChange(
          dataset: dataset, from: from, to: to, old: aggregates[from].provinces[$0], new: aggregates[to].provinces[$0])
      }
    } else {
      provinces = dataset.provinces.indices.map { ProvinceChange(dataset: dataset, from: from, to: to, province: $0) }
    }
    criteria = provinces.reduce(ChangeCount()) { $0 + $1.criteria }
    var green = ChangeCount()
    for change in provinces where (change.overallBefore == .green) != (change.overallAfter == .green) {
      green.add(change.overallAfter == .green ? .improvement : .regression)
    }
    greenProvinces = green
    let listed = provinces.compactMap(\.communes)
    communes = listed.isEmpty ? nil : listed.reduce(ChangeCount(), +)
    communesComplete = listed.count == provinces.count
    let counted = provinces.filter { $0.communeBefore != nil && $0.communeAfter != nil }
    communesBefore = counted.reduce(Ratio.empty) { $0 + ($1.communeBefore ?? .empty) }
    communesAfter = counted.reduce(Ratio.empty) { $0 + ($1.communeAfter ?? .empty) }
    derivation = .combined(provinces.map(\.statusDerivation))
    // The commune counts before and after are those of `counted`, listed or published: their mark
    // is theirs, not only that of the provinces that list their communes one by one.
    communesDerivation = .combined(counted.map(\.communeDerivation))
  }
}

extension ProvinceChange {
  /// The changed criteria as a reader wants them: regressions first, then improvements, then the
  /// rest, each in plan order.
  public var ordered: [StatusChange] {
    func rank(_ change: StatusChange) -> Int {
      switch change.direction {
      case .regression: 0
      case .improvement: 1
      case .other: 2
      }
    }
    return statusChanges.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
      \.element)
  }

  /// Units fully green at one date and not the other, matched by code; nil unless both dates list
  /// the province's communes.
  static func communeChanges(_ before: CommuneUnits?, _ after: CommuneUnits?) -> ChangeCount? {
    guard let before, let after else { return nil }
    var count = ChangeCount()
    if before.codes == after.codes {
      for unit in 0..<after.count where before.isFullyGreen(unit) != after.isFullyGreen(unit) {
        count.add(after.isFullyGreen(unit) ? .improvement : .regression)
      }
      return count
    }
    let old = Dictionary(before.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    for unit in 0..<after.count {
      let was = old[after.codes[unit]].map(before.isFullyGreen) ?? false
      if was != after.isFullyGreen(unit) { count.add(was ? .regression : .improvement) }
    }
    return count
  }
}
