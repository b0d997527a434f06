/// The figures of one province at one snapshot that the overview, the matrix and the exports use.
public struct ProvinceSummary: Sendable {
  public let province: Int
  /// Whether the province reported at this snapshot at all.
  public let reported: Bool
  /// Green provincial-level criteria out of those in the plan.
  public let provincial: Ratio
  /// The published count's source when the data has one, else the statuses' provenance.
  public let provincialProvenance: Provenance?
  /// Communes green on every commune-level criterion, out of all; nil when the data has no count.
  public let commune: Ratio?
  public let communeProvenance: Provenance?
  /// Per phase (index = number - 1): green, not green, or nil when not reported.
  public let phaseGreen: [Bool?]
  /// Set when the flags are published figures; nil when they are derived from the statuses.
  public let phaseGreenProvenance: Provenance?
  public let overall: Status
  /// How many provincial criteria have each status, indexed by `Status.rawValue`.
  public let statusCounts: [Int]

  /// Provincial criteria past their deadline and not green: the ranking's last tie-break.
  public let overdueCount: Int
  /// What each derived figure rests on (see `Derivation`): the provincial count, the commune
  /// count, the phase flags, and the overall status (statuses and phase flags together).
  public let provincialDerivation: Derivation
  public let communeDerivation: Derivation
  public let phaseDerivation: Derivation
  public let statusDerivation: Derivation

  public var isFullyGreen: Bool { overall == .green }

  init(dataset: Dataset, snapshot: Snapshot, province: Int) {
    let plan = dataset.plan
    self.province = province
    guard let report = snapshot.reports[province] else {
      reported = false
      provincial = Ratio(0, of: plan.provincialCriteria.count)
      provincialProvenance = nil
      commune = nil
      communeProvenance = nil
      phaseGreen = Array(repeating: nil, count: plan.phases.count)
      phaseGreenProvenance = nil
      overall = .notReported
      statusCounts = [0, 0, 0, plan.provincialCriteria.count]
      overdueCount = 0
      (provincialDerivation, communeDerivation, phaseDerivation, statusDerivation) = (.none, .none, .none, .none)
      return
    }
    reported = true
    var counts = [0, 0, 0, 0]
    for status in report.provincialStatuses { counts[Int(status.rawValue)] += 1 }
    statusCounts = counts
    provincial = Ratio(counts[0], of: report.provincialStatuses.count)
    provincialProvenance = report.reportedCount?.provenance ?? report.provincialProvenance
    commune = report.communes.green.map { Ratio($0, of: report.communes.total) }
    communeProvenance = report.communes.provenance

    var phases: [Bool?] = []
    for phase in plan.phases {
      if let published = report.phaseGreen?.flags[phase.number - 1] {
        phases.append(published)
      } else {
        phases.append(Self.derivedPhaseGreen(phase.number, report: report, plan: plan))
      }
    }
    phaseGreen = phases
    phaseGreenProvenance = report.phaseGreen?.provenance
    provincialDerivation = Derivation([provincialProvenance])
    communeDerivation = commune == nil ? .none : Derivation([communeProvenance])
    phaseDerivation = report.phaseDerivation(phases: plan.phases.count)
    statusDerivation = phaseDerivation + Derivation([report.provincialProvenance])

    overall = Self.overall(report: report, plan: plan, on: snapshot.date, counts: counts)
    overdueCount = plan.provincialCriteria.enumerated().count { ordinal, index in
      snapshot.date.isPast(plan.deadline(ofCriterion: index)) && report.provincialStatuses[ordinal] != .green
    }
  }

  /// The overall status at the snapshot's date: the one rule of `Status.overall` (communes use it
  /// too), where a criterion is due once its deadline has passed (`CalendarDate.isPast`), and a
  /// published phase flag decides its phase once the phase deadline has passed.
  static func overall(report: Report, plan: Plan, on date: CalendarDate, counts: [Int]) -> Status {
    // A published flag decides for its phase once the phase's deadline has passed.
    let decided: [Bool?] = plan.phases.map { phase in
      date.isPast(phase.deadline) ? report.phaseGreen?.flags[phase.number - 1] : nil
    }
    let byCriteria = Status.overall(report.provincialStatuses) { ordinal in
      let index = plan.provincialCriteria[ordinal]
      return decided[plan.criteria[index].phase - 1] == nil && date.isPast(plan.deadline(ofCriterion: index))
    }
    guard byCriteria == .green else { return byCriteria }
    return decided.contains(false) ? .yellow : .green
  }

  /// A phase is green when every provincial-level criterion of that phase is green. Commune-level
  /// completion is reported as its own figure and does not decide a province's phase flag.
  static func derivedPhaseGreen(_ phase: Int, report: Report, plan: Plan) -> Bool {
    for (ordinal, index) in plan.provincialCriteria.enumerated() where plan.criteria[index].phase == phase {
      if report.provincialStatuses[ordinal] != .green { return false }
    }
    return true
  }
}
