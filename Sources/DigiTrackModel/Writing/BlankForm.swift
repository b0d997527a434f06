/// A form to fill in: the plan, the provinces and their unit counts as the given dataset has them,
/// one report date, and every status `not_reported` (issue 16). Nothing invented can leave the
/// program through it: no metric, no count of green communes, no phase flag.
extension Dataset {
  /// - Parameters:
  ///   - date: the one report date of the form.
  ///   - provinces: indices of the provinces to keep (all when nil), in dataset order.
  public func blankForm(date: CalendarDate, provinces kept: [Int]? = nil) -> Dataset {
    let kept = kept.map { Set($0) }
    let indices = provinces.indices.filter { kept?.contains($0) ?? true }
    let reports: [Report?] = indices.map { index in
      Report(
        provincialStatuses: Array(repeating: .notReported, count: plan.provincialCriteria.count),
        provincialProvenance: .illustrative, reportedCount: nil,
        communes: CommuneCompletion(
          green: nil, total: provinces[index].units.total,
          byCriterion: Array(repeating: nil, count: plan.communeCriteria.count), units: nil,
          provenance: .illustrative),
        phaseGreen: nil)
    }
    let label = "\(date.day < 10 ? "0" : "")\(date.day)/\(date.month < 10 ? "0" : "")\(date.month)/\(date.year)"
    var form = Dataset(
      title: LocalizedText(
        vi: "Biểu mẫu báo cáo \(plan.code) (chưa có số liệu)", en: "Report form, \(plan.code) (no figures yet)"),
      asOf: date, sources: sources, plan: plan, regions: regions, provinces: indices.map { provinces[$0] },
      snapshots: [
        Snapshot(
          date: date, label: LocalizedText(vi: "Kỳ báo cáo \(label)", en: "Report of \(label)"), metrics: [],
          reports: reports)
      ])
    form.keepCitedSourcesOnly()
    return form
  }

  /// Drops the sources nothing cites any more (the format wants each listed source cited) and
  /// renumbers the provenance of what remains.
  mutating func keepCitedSourcesOnly() {
    var cited = Set<Int>()
    func note(_ provenance: Provenance) { if case .source(let index) = provenance { cited.insert(index) } }
    note(plan.provenance)
    regions.forEach { note($0.provenance) }
    provinces.forEach { note($0.units.provenance) }
    let kept = sources.indices.filter { cited.contains($0) }
    let renumber = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
    func map(_ provenance: Provenance) -> Provenance {
      if case .source(let index) = provenance, let new = renumber[index] { return .source(new) }
      return provenance
    }
    sources = kept.map { sources[$0] }
    plan.provenance = map(plan.provenance)
    for index in regions.indices { regions[index].provenance = map(regions[index].provenance) }
    for index in provinces.indices { provinces[index].units.provenance = map(provinces[index].units.provenance) }
  }
}

extension Dataset {
  /// The dataset cut to one report date and to some provinces (nil keeps all), or nil when it
  /// has no report at that date.
  public func narrowed(to date: CalendarDate?, provinces kept: [Int]?) -> Dataset? {
    var out = self
    if let date {
      guard let snapshot = snapshots.first(where: { $0.date == date }) else { return nil }
      out.snapshots = [snapshot]
      out.asOf = date
    }
    if let kept {
      let indices = provinces.indices.filter { kept.contains($0) }
      out.provinces = indices.map { provinces[$0] }
      for index in out.snapshots.indices {
        let reports = out.snapshots[index].reports
        out.snapshots[index].reports = indices.map { reports[$0] }
      }
    }
    return out
  }
}
