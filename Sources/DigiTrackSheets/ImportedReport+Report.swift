import DigiTrackModel

extension ImportedReport {
  /// The report as the model holds it, so the model's one `DatasetWriter` writes it: every figure
  /// cites `source`, and the commune total is the province's.
  func report(plan: Plan, province: Province, source: Provenance) -> Report {
    let criteria = plan.communeCriteria.count
    var communes = CommuneCompletion(
      green: nil, total: province.units.total, byCriterion: Array(repeating: nil, count: criteria), units: nil,
      provenance: source)
    switch self.communes {
    case .counts(let green, let byCriterion)?:
      communes.green = green
      communes.byCriterion = byCriterion
    case .units(let codes, let names, let kinds, let statuses)?:
      communes.units = CommuneUnits(
        codes: codes, names: names, kinds: kinds, statuses: statuses, criteriaCount: criteria)
    case nil: break
    }
    return Report(provincialStatuses: statuses, provincialProvenance: source, communes: communes)
  }
}
