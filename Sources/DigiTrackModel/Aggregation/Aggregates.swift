/// Everything the dashboard shows about one snapshot, computed once when data is loaded.
///
/// The work is proportional to provinces × criteria (communes were counted by the loader), so
/// moving around the dashboard never recomputes it.
public struct Aggregates: Sendable {
  public let snapshotIndex: Int
  public let provinces: [ProvinceSummary]
  /// Competition ranking ("1, 2, 2, 4"), indexed like `Dataset.provinces`.
  public let ranks: [Int]
  /// Province indices from rank 1 down; ties in the order of the data.
  public let rankOrder: [Int]
  public let national: NationalSummary
  /// A rank compares every province's provincial and commune figures, so it rests on all of them.
  public let rankDerivation: Derivation

  public init(dataset: Dataset, snapshotIndex: Int? = nil) {
    let index = snapshotIndex ?? dataset.snapshots.count - 1
    self.snapshotIndex = index
    let snapshot = dataset.snapshots[index]
    let summaries = dataset.provinces.indices.map {
      ProvinceSummary(dataset: dataset, snapshot: snapshot, province: $0)
    }
    provinces = summaries

    // Provincial completion first, commune completion second, fewer overdue criteria third; a
    // province with no data ranks last.
    func key(_ summary: ProvinceSummary) -> (Double, Double, Int) {
      (
        summary.reported ? summary.provincial.fraction ?? -1 : -1, summary.commune?.fraction ?? -1,
        -summary.overdueCount
      )
    }
    let order = summaries.indices.sorted { lhs, rhs in
      let (a, b) = (key(summaries[lhs]), key(summaries[rhs]))
      return a != b ? a > b : lhs < rhs
    }
    var ranks = Array(repeating: 0, count: summaries.count)
    for (position, province) in order.enumerated() {
      if position > 0, key(summaries[order[position - 1]]) == key(summaries[province]) {
        ranks[province] = ranks[order[position - 1]]
      } else {
        ranks[province] = position + 1
      }
    }
    self.ranks = ranks
    rankOrder = order
    national = NationalSummary(dataset: dataset, snapshot: snapshot, provinces: summaries)
    rankDerivation = .combined(summaries.map { $0.provincialDerivation + $0.communeDerivation })
  }
}

/// National roll-ups at one snapshot.
public struct NationalSummary: Sendable {
  public let provinceCount: Int
  public let reportedCount: Int
  public let fullyGreen: Int
  /// Provinces green in each phase (index = number - 1).
  public let phaseGreen: [Int]
  /// Green provincial criteria over all reported provinces.
  public let provincial: Ratio
  /// Fully green communes, over provinces whose data gives the count.
  public let communes: Ratio
  /// Whether the commune total covers every province.
  public let communesComplete: Bool
  /// Green share of the provincial criteria of each pillar, over all reported provinces.
  public let pillars: [Ratio]
  public let metrics: [Metric]
  /// What each national figure rests on (see `Derivation`).
  public let fullyGreenDerivation: Derivation
  public let phaseGreenDerivation: Derivation
  public let provincialDerivation: Derivation
  public let communesDerivation: Derivation
  public let pillarsDerivation: Derivation
  /// What the count of provinces green in each phase rests on: each province's published flag for
  /// that phase where the data has one, else its statuses. At 31/07/2025 the published "34/34"
  /// of phase 1 cites its source although the phase-2 count is illustrative (audit D4).
  public let phaseCountDerivations: [Derivation]
  /// The communes green on each commune-level criterion (given or implied), over the provinces
  /// whose data has them.
  public let communeCriteriaDerivation: Derivation

  init(dataset: Dataset, snapshot: Snapshot, provinces: [ProvinceSummary]) {
    let plan = dataset.plan
    provinceCount = provinces.count
    reportedCount = provinces.count { $0.reported }
    fullyGreen = provinces.count { $0.isFullyGreen }
    phaseGreen = plan.phases.indices.map { phase in provinces.count { $0.phaseGreen[phase] == true } }
    provincial = provinces.filter(\.reported).reduce(Ratio.empty) { $0 + $1.provincial }
    let known = provinces.compactMap(\.commune)
    communes = known.reduce(Ratio.empty, +)
    communesComplete = known.count == provinces.count

    var pillars = Array(repeating: Ratio.empty, count: plan.pillars.count)
    for report in snapshot.reports {
      guard let report else { continue }
      for (ordinal, index) in plan.provincialCriteria.enumerated() {
        let pillar = plan.criteria[index].pillar
        pillars[pillar] = pillars[pillar] + Ratio(report.provincialStatuses[ordinal] == .green ? 1 : 0, of: 1)
      }
    }
    self.pillars = pillars
    metrics = snapshot.metrics
    fullyGreenDerivation = .combined(provinces.map(\.statusDerivation))
    phaseGreenDerivation = .combined(provinces.map(\.phaseDerivation))
    provincialDerivation = .combined(provinces.filter(\.reported).map(\.provincialDerivation))
    communesDerivation = .combined(provinces.map(\.communeDerivation))
    pillarsDerivation = Derivation(snapshot.reports.map { $0?.provincialProvenance })
    phaseCountDerivations = plan.phases.indices.map { phase in
      Derivation(
        snapshot.reports.map { report -> Provenance? in
          guard let report else { return nil }
          if let flags = report.phaseGreen, phase < flags.flags.count, flags.flags[phase] != nil {
            return flags.provenance
          }
          return report.provincialProvenance
        })
    }
    communeCriteriaDerivation = Derivation(
      snapshot.reports.map { report in
        guard let report,
          plan.communeCriteria.indices.contains(where: { report.communes.ratio(onCriterion: $0) != nil })
        else { return nil }
        return report.communes.provenance
      })
  }
}
