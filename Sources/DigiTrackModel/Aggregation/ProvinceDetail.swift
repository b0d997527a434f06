/// The breakdown behind a province's green completion table.
public struct ProvinceDetail: Sendable {
  public let summary: ProvinceSummary
  public let report: Report?
  public let byPhase: [Ratio]
  public let byBlock: [Ratio]
  public let byGroup: [Ratio]
  public let byPillar: [Ratio]
  /// Commune-level criteria: communes green on each, where the data gives or implies the count
  /// (`CommuneCompletion.green(onCriterion:)`).
  public let communeByCriterion: [Ratio?]
  /// Changes since the compared report date (the previous one by default), when there is one.
  public let change: ProvinceChange?
  /// The breakdowns by phase, block, group and pillar count the provincial statuses.
  public let breakdownDerivation: Derivation

  public init(dataset: Dataset, aggregates: Aggregates, province: Int, comparison: Comparison = .previous) {
    let plan = dataset.plan
    let snapshot = dataset.snapshots[aggregates.snapshotIndex]
    summary = aggregates.provinces[province]
    let report = snapshot.reports[province]
    self.report = report
    breakdownDerivation = Derivation([report?.provincialProvenance])

    var phases = Array(repeating: Ratio.empty, count: plan.phases.count)
    var blocks = Array(repeating: Ratio.empty, count: plan.blocks.count)
    var groups = Array(repeating: Ratio.empty, count: plan.groups.count)
    var pillars = Array(repeating: Ratio.empty, count: plan.pillars.count)
    for (ordinal, index) in plan.provincialCriteria.enumerated() {
      let criterion = plan.criteria[index]
      let one = Ratio(report?.provincialStatuses[ordinal] == .green ? 1 : 0, of: 1)
      phases[criterion.phase - 1] = phases[criterion.phase - 1] + one
      blocks[criterion.block] = blocks[criterion.block] + one
      groups[criterion.group] = groups[criterion.group] + one
      pillars[criterion.pillar] = pillars[criterion.pillar] + one
    }
    byPhase = phases
    byBlock = blocks
    byGroup = groups
    byPillar = pillars
    communeByCriterion = plan.communeCriteria.indices.map { ordinal in
      report?.communes.ratio(onCriterion: ordinal)
    }

    change = comparison.index(shown: aggregates.snapshotIndex, in: dataset).map {
      ProvinceChange(dataset: dataset, from: $0, to: aggregates.snapshotIndex, province: province)
    }
  }
}

/// What changed for one province between two snapshots.
public struct ProvinceChange: Sendable {
  public struct StatusChange: Sendable, Hashable {
    /// Index into `Plan.criteria`.
    public let criterion: Int
    public let from: Status
    public let to: Status

    public var direction: ChangeDirection { ChangeDirection(from: from, to: to) }
  }

  public let fromDate: CalendarDate
  public let toDate: CalendarDate
  public let provincialBefore: Ratio
  public let provincialAfter: Ratio
  public let communeBefore: Ratio?
  public let communeAfter: Ratio?
  /// In plan order; `ordered` puts regressions first.
  public let statusChanges: [StatusChange]
  /// Provincial criteria that improved and that regressed (`ChangeDirection`), never netted.
  public let criteria: ChangeCount
  /// The overall status at each date, each by the rule at its own date.
  public let overallBefore: Status
  public let overallAfter: Status
  /// Communes that became and stopped being fully green, when both dates list the communes.
  public let communes: ChangeCount?
  /// The change line compares both dates' provincial and commune figures.
  public let derivation: Derivation
  /// The criterion counts and the overall statuses rest on both dates' statuses and phase flags.
  public let statusDerivation: Derivation
  /// The commune counts at both dates (listed or published).
  public let communeDerivation: Derivation
  /// The provincial counts at both dates and the criterion changes between them (the statuses).
  public let provincialDerivation: Derivation

  public init(dataset: Dataset, from: Int, to: Int, province: Int) {
    self.init(
      dataset: dataset, from: from, to: to,
      old: ProvinceSummary(dataset: dataset, snapshot: dataset.snapshots[from], province: province),
      new: ProvinceSummary(dataset: dataset, snapshot: dataset.snapshots[to], province: province))
  }

  /// The same from the two dates' summaries, already computed (`ChangeSummary` takes them from
  /// the dashboard's `Aggregates` of every date, so switching date computes no summary again).
  init(dataset: Dataset, from: Int, to: Int, old: ProvinceSummary, new: ProvinceSummary) {
    let province = new.province
    fromDate = dataset.snapshots[from].date
    toDate = dataset.snapshots[to].date
    provincialBefore = old.provincial
    provincialAfter = new.provincial
    communeBefore = old.commune
    communeAfter = new.commune
    let before = dataset.snapshots[from].reports[province]?.provincialStatuses
    let after = dataset.snapshots[to].reports[province]?.provincialStatuses
    var changes: [StatusChange] = []
    for (ordinal, index) in dataset.plan.provincialCriteria.enumerated() {
      let a = before?[ordinal] ?? .notReported
      let b = after?[ordinal] ?? .notReported
      if a != b { changes.append(StatusChange(criterion: index, from: a, to: b)) }
    }
    statusChanges = changes
    criteria = changes.reduce(into: ChangeCount()) { $0.add($1.direction) }
    overallBefore = old.overall
    overallAfter = new.overall
    communes = Self.communeChanges(
      dataset.snapshots[from].reports[province]?.communes.units, dataset.snapshots[to].reports[province]?.communes.units
    )
    statusDerivation = old.statusDerivation + new.statusDerivation
    communeDerivation = old.communeDerivation + new.communeDerivation
    provincialDerivation =
      old.provincialDerivation + new.provincialDerivation
      + Derivation([
        dataset.snapshots[from].reports[province]?.provincialProvenance,
        dataset.snapshots[to].reports[province]?.provincialProvenance,
      ])
    derivation = old.provincialDerivation + new.provincialDerivation + old.communeDerivation + new.communeDerivation
  }
}
