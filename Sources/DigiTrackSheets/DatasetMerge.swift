import DigiTrackModel

/// Combines datasets of the same plan into one, by report date (`merge`, issue 13 item 3).
///
/// The first part gives the title, regions and provinces; every part must track the same plan
/// (code and criteria) and the same provinces. Sources are joined by id. At each date, a province
/// reported by one part is taken from it; reported by several with the same values, once; with
/// different values, it is a conflict, listed with both files, unless `prefer` names the part that
/// wins.
public enum DatasetMerge {
  public struct Part: Sendable {
    public var file: String
    public var dataset: Dataset
    /// Modification time, for `--prefer newer`.
    public var modified: Double

    public init(file: String, dataset: Dataset, modified: Double) {
      self.file = file
      self.dataset = dataset
      self.modified = modified
    }
  }

  public enum Preference: Sendable, Equatable {
    case none
    case newer
    case file(String)
  }

  public static func merge(_ parts: [Part], prefer: Preference) -> Result<Dataset, FormProblems> {
    guard let base = parts.first?.dataset else { return .failure(FormProblems([])) }
    var problems: [FormProblem] = []
    var sources = base.sources
    var sourceIndex = Dictionary(sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let criteriaIDs = base.plan.criteria.map(\.id)
    let provinceIndex = Dictionary(base.provinces.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    // date → (snapshot in base indexing, which part gave each report)
    var snapshots: [CalendarDate: (snapshot: Snapshot, owners: [Int?])] = [:]
    for (partNumber, part) in parts.enumerated() {
      let dataset = part.dataset
      guard dataset.plan.code == base.plan.code, dataset.plan.criteria.map(\.id) == criteriaIDs else {
        problems.append(
          FormProblem(
            file: part.file,
            message: .otherPlan(dataset.plan.code, than: parts[0].file, baseCode: base.plan.code)))
        continue
      }
      guard Set(dataset.provinces.map(\.code)) == Set(provinceIndex.keys) else {
        problems.append(
          FormProblem(
            file: part.file,
            message: .otherProvinces(than: parts[0].file)))
        continue
      }
      // Where this part's sources sit in the merged list.
      var remap: [Int] = []
      for source in dataset.sources {
        if let index = sourceIndex[source.id] {
          remap.append(index)
        } else {
          sourceIndex[source.id] = sources.count
          remap.append(sources.count)
          sources.append(source)
        }
      }
      func moved(_ provenance: Provenance) -> Provenance {
        if case .source(let index) = provenance { return .source(remap[index]) }
        return provenance
      }
      for (snapshotNumber, snapshot) in dataset.snapshots.enumerated() {
        var entry =
          snapshots[snapshot.date]
          ?? {
            var empty = snapshot
            empty.reports = Array(repeating: nil, count: base.provinces.count)
            empty.metrics = snapshot.metrics.map { metric in
              var metric = metric
              metric.provenance = moved(metric.provenance)
              return metric
            }
            return (empty, Array(repeating: nil, count: base.provinces.count))
          }()
        for (province, report) in snapshot.reports.enumerated() {
          guard var report else { continue }
          report.provincialProvenance = moved(report.provincialProvenance)
          report.communes.provenance = moved(report.communes.provenance)
          if let provenance = report.reportedCount?.provenance { report.reportedCount?.provenance = moved(provenance) }
          if let provenance = report.phaseGreen?.provenance { report.phaseGreen?.provenance = moved(provenance) }
          let target = provinceIndex[dataset.provinces[province].code]!
          if let owner = entry.owners[target], let existing = entry.snapshot.reports[target] {
            guard let difference = ReportComparison.difference(existing, report, plan: base.plan) else { continue }
            let keepNew: Bool
            switch prefer {
            case .none:
              problems.append(
                FormProblem(
                  file: part.file, sheet: nil,
                  cell: "snapshots[\(snapshotNumber)] (\(snapshot.date)), \(dataset.provinces[province].name)",
                  message: .conflict(with: parts[owner].file, difference)))
              continue
            case .newer: keepNew = part.modified > parts[owner].modified
            case .file(let file): keepNew = part.file == file
            }
            if !keepNew { continue }
          }
          entry.snapshot.reports[target] = report
          entry.owners[target] = partNumber
        }
        snapshots[snapshot.date] = entry
      }
    }
    guard problems.isEmpty else { return .failure(FormProblems(problems)) }
    let ordered = snapshots.keys.sorted().map { snapshots[$0]!.snapshot }
    return .success(
      Dataset(
        title: base.title, asOf: max(parts.map(\.dataset.asOf).max()!, ordered.last!.date), sources: sources,
        plan: base.plan, regions: base.regions, provinces: base.provinces, snapshots: ordered))
  }
}

/// Says how two reports of one province at one date differ, or nil when they agree.
enum ReportComparison {
  static func difference(_ a: Report, _ b: Report, plan: Plan) -> LocalizedText? {
    for (position, criterion) in plan.provincialCriteria.enumerated()
    where a.provincialStatuses[position] != b.provincialStatuses[position] {
      let id = plan.criteria[criterion].id
      let (there, here) = (a.provincialStatuses[position], b.provincialStatuses[position])
      let (thereVI, hereVI) = (StatusWords.word(there, language: .vi), StatusWords.word(here, language: .vi))
      return .statusDiffers(id, there: there, here: here, thereVI: thereVI, hereVI: hereVI)
    }
    if a.reportedCount?.done != b.reportedCount?.done {
      return .publishedCountDiffers
    }
    if a.communes.green != b.communes.green {
      let there = a.communes.green.map(String.init)
      let here = b.communes.green.map(String.init)
      return .communesGreenDiffer(there: there, here: here)
    }
    if a.communes.byCriterion != b.communes.byCriterion {
      return .communeCountsDiffer
    }
    if a.communes.units?.codes != b.communes.units?.codes || a.communes.units?.statuses != b.communes.units?.statuses {
      return .communeUnitsDiffer
    }
    if a.phaseGreen?.flags != b.phaseGreen?.flags {
      return .phaseFlagsDiffer
    }
    return nil
  }
}
