extension Aggregates {
  /// Where the national provincial-criteria figure comes from: illustrative as soon as one
  /// province's is, else the first province's provenance.
  public var provincialProvenance: Provenance? {
    provinces.contains { $0.provincialProvenance == .illustrative }
      ? .illustrative : provinces.first?.provincialProvenance
  }

  /// The same for the national count of fully green communes.
  public var communeProvenance: Provenance? {
    provinces.contains { $0.communeProvenance == .illustrative }
      ? .illustrative : provinces.first?.communeProvenance
  }

  /// Whether the national "fully green" and per-phase counts rest on anything illustrative: a
  /// province's phase flags derived from statuses (no published figure), or illustrative ones.
  public var phaseCountsAreIllustrative: Bool {
    provinces.contains {
      $0.phaseGreenProvenance == nil || $0.phaseGreenProvenance == .illustrative
        || $0.provincialProvenance == .illustrative
    }
  }

  /// Whether any province's provincial statuses are illustrative (the pillar figures derive from them).
  public var anyProvincialIllustrative: Bool {
    provinces.contains { $0.provincialProvenance == .illustrative }
  }

  /// Whether the overview's national figures cite source `index`.
  public func citesNationally(source index: Int) -> Bool {
    let tag = Provenance.source(index)
    return national.metrics.contains { $0.provenance == tag }
      || provinces.contains {
        $0.provincialProvenance == tag || $0.communeProvenance == tag || $0.phaseGreenProvenance == tag
      }
  }
}
