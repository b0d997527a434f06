import DigiTrackModel
import DigiTrackUI

/// Load, aggregate and each view rendered as text, in this process.
struct StageResult {
  static let names = ["load", "aggregate", "render overview", "render matrix", "render province"]

  var label: String
  /// load, aggregate, render overview, matrix, province; seconds (medians).
  var times: [Double]
  /// The code of the province with the most communes: the one the province view renders.
  var largestProvince: String?

  static func measure(_ input: BenchInput, runs: Int) throws -> StageResult {
    let loader = DatasetLoader()
    var dataset: Dataset?
    let load = Timing.median(runs: runs) {
      dataset = nil
      dataset = try? loader.load(path: input.path, displayName: input.label).dataset
    }
    guard let dataset else {
      _ = try input.load()  // throws the loader's message
      throw BenchError.invalidData(input.path)
    }
    var data = DashboardData(dataset: dataset, sourceName: input.label)
    let aggregate = Timing.median(runs: runs) {
      data = DashboardData(dataset: dataset, sourceName: input.label)
    }
    let export = ViewExport(data: data, options: DisplayOptions(language: .vi, unicode: true))
    let largest = data.snapshot.reports.indices.max { lhs, rhs in
      (data.snapshot.reports[lhs]?.communes.units?.count ?? 0)
        < (data.snapshot.reports[rhs]?.communes.units?.count ?? 0)
    }
    var times = [load, aggregate]
    for view in [ViewKind.overview, .matrix, .province] {
      times.append(
        Timing.median(runs: runs) {
          _ = export.text(view: view, province: largest, width: 200)
        })
    }
    return StageResult(
      label: input.label, times: times, largestProvince: largest.map { dataset.provinces[$0].code })
  }

  static func table(_ results: [StageResult]) -> TextTable {
    var table = TextTable(["data", "load", "aggregate", "overview", "matrix", "province"])
    for result in results {
      table.add([result.label] + result.times.map(Format.duration))
    }
    return table
  }
}
