import DigiTrackModel

/// Adds imported reports to a copy of a dataset, at their report dates, and checks the result.
///
/// A report at a date the dataset has replaces that province's report there; at a new date it
/// starts a new snapshot, where the provinces without a form have not reported. Two forms for the
/// same province and date are a conflict, named with both files. The new JSON is loaded back with
/// the model's own loader before anyone writes it, so what `import` writes is what `validate`
/// accepts.
public enum DatasetUpdate {
  public static let importedLabel = LocalizedText.importedFromForms

  public struct Output: Sendable {
    /// The file to write, as `validate` accepted it.
    public var json: [UInt8]
    public var dataset: Dataset
  }

  public static func apply(_ reports: [ImportedReport], to dataset: Dataset, source: Provenance) -> Result<
    Output, FormProblems
  > {
    var result = dataset
    var placed: [String: ImportedReport] = [:]
    var problems: [FormProblem] = []
    for report in reports {
      let key = "\(report.date)#\(report.province)"
      if let earlier = placed[key] {
        problems.append(
          FormProblem(
            file: report.file,
            message: .sameProvinceAndDate(
              dataset.provinces[report.province].name, date: report.date, earlierFile: earlier.file)))
        continue
      }
      placed[key] = report
      let index: Int
      if let existing = result.snapshots.firstIndex(where: { $0.date == report.date }) {
        index = existing
      } else {
        index = result.snapshots.firstIndex(where: { $0.date > report.date }) ?? result.snapshots.count
        result.snapshots.insert(
          Snapshot(
            date: report.date, label: importedLabel, metrics: [],
            reports: Array(repeating: nil, count: dataset.provinces.count)),
          at: index)
      }
      // A form sent back unchanged keeps the report it was filled from, with its sources.
      if let existing = result.snapshots[index].reports[report.province], same(report, existing, dataset.plan) {
        continue
      }
      result.snapshots[index].reports[report.province] = report.report(
        plan: dataset.plan, province: dataset.provinces[report.province], source: source)
    }
    guard problems.isEmpty else { return .failure(FormProblems(problems)) }
    result.asOf = max(dataset.asOf, result.snapshots.last?.date ?? dataset.asOf)
    let json = DatasetWriter.json(result)
    do {
      let loaded = try DatasetLoader().load(bytes: json, name: "result")
      return .success(Output(json: json, dataset: loaded.dataset))
    } catch {
      return .failure(
        FormProblems([
          FormProblem(
            file: "result",
            message: .combinedInvalid(vi: error.description(in: .vi), en: error.description(in: .en)))
        ]))
    }
  }

  /// Whether an imported report says exactly what a dataset's report says.
  static func same(_ imported: ImportedReport, _ report: Report, _ plan: Plan) -> Bool {
    guard imported.statuses == report.provincialStatuses else { return false }
    switch imported.communes {
    case nil: return report.communes.green == nil && report.communes.units == nil
    case .counts(let green, let byCriterion)?:
      return report.communes.units == nil && green == report.communes.green
        && byCriterion == report.communes.byCriterion
    case .units(let codes, _, let kinds, let statuses)?:
      guard let units = report.communes.units else { return false }
      return codes == units.codes && kinds == units.kinds && statuses == units.statuses
    }
  }
}
