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
  /// Changes since the previous snapshot, when there is one.
  public let change: ProvinceChange?
  /// The breakdowns by phase, block, group and pillar count the provincial statuses.
  public let breakdownDerivation: Derivation

  public init(dataset: Dataset, aggregates: Aggregates, province: Int) {
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

    if aggregates.snapshotIndex > 0 {
      change = ProvinceChange(
        dataset: dataset, from: aggregates.snapshotIndex - 1, to: aggregates.snapshotIndex,
        province: province)
    } else {
      change = nil
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
  }

  public let fromDate: CalendarDate
  public let toDate: CalendarDate
  public let provincialBefore: Ratio
  public let provincialAfter: Ratio
  public let communeBefore: Ratio?
  public let communeAfter: Ratio?
  public let statusChanges: [StatusChange]
  /// The change line compares both dates' provincial and commune figures.
  public let derivation: Derivation

  public init(dataset: Dataset, from: Int, to: Int, province: Int) {
    let old = ProvinceSummary(dataset: dataset, snapshot: dataset.snapshots[from], province: province)
    let new = ProvinceSummary(dataset: dataset, snapshot: dataset.snapshots[to], province: province)
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
    derivation = old.provincialDerivation + new.provincialDerivation + old.communeDerivation + new.communeDerivation
  }
}
