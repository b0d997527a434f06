extension Aggregates {
  /// Where the national provincial-criteria figure comes from: illustrative as soon as one
  /// province's is, else the first source cited.
  public var provincialProvenance: Provenance? { national.provincialDerivation.marker }

  /// The same for the national count of fully green communes.
  public var communeProvenance: Provenance? { national.communesDerivation.marker }

  /// Whether the national "fully green" and per-phase counts rest on anything illustrative.
  public var phaseCountsAreIllustrative: Bool {
    national.fullyGreenDerivation.isIllustrative || national.phaseGreenDerivation.isIllustrative
  }

  /// Whether any province's provincial statuses are illustrative (the pillar figures derive from them).
  public var anyProvincialIllustrative: Bool { national.pillarsDerivation.isIllustrative }

  /// What the matrix's counts rest on (its `✓/32` and `✓/8` columns and its "provinces green"
  /// row): the provincial statuses, and the commune counts on each criterion.
  public var matrixCountsDerivation: Derivation {
    national.pillarsDerivation + national.communeCriteriaDerivation
  }

  /// Whether the overview's national figures cite source `index`.
  public func citesNationally(source index: Int) -> Bool {
    let tag = Provenance.source(index)
    let derived = [
      national.provincialDerivation, national.communesDerivation, national.fullyGreenDerivation,
      national.phaseGreenDerivation,
    ]
    return national.metrics.contains { $0.provenance == tag }
      || (derived + national.phaseCountDerivations).contains { $0.cited.contains(index) }
  }
}

extension Report {
  /// What the province's phase flags rest on: the published flags where the data has them, the
  /// provincial statuses where they are derived.
  func phaseDerivation(phases: Int) -> Derivation {
    var inputs: [Provenance?] = []
    for phase in 0..<phases {
      if let flags = phaseGreen, phase < flags.flags.count, flags.flags[phase] != nil {
        inputs.append(flags.provenance)
      } else {
        inputs.append(provincialProvenance)
      }
    }
    return Derivation(inputs)
  }
}

extension Dataset {
  /// What the region column rests on: every region's provenance (a column header carries the
  /// mark the province header gives its own region).
  public var regionsDerivation: Derivation { Derivation(regions.map(\.provenance)) }
}
