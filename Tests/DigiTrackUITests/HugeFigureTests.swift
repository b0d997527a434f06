import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// `validate` refuses amounts above 10^15 (FORMAT.md), but the views and exports must not depend on
/// that: figures at and beyond 2^63 show and export without a trap. The datasets are made in memory
/// from an accepted file, since no file holding them passes the loader.
@Suite struct HugeFigureTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../DigiTrackModelTests/Corpus").standardized

  /// The metrics' (value, target) pairs of each in-memory dataset, as the refused corpus files
  /// `metric-value-beyond-int64`, `metric-value-near-double-max` and `metric-target-beyond-int64` hold them.
  static let figures: [String: [(Double, Double?)]] = [
    "metric-value-beyond-int64": [(1e19, nil), (9.3e18, 1e19), (9_223_372_036_854_775_808, nil)],
    "metric-value-near-double-max": [(1e308, nil), (1e308, .greatestFiniteMagnitude), (1, 1e300)],
    "metric-target-beyond-int64": [(1, 1e19), (2, 9.3e18), (3, 1e308)],
  ]
  static let files = figures.keys.sorted()

  static let numbers: [(Double, String, String)] = [
    (0, "0", "0"),
    (1234.5, "1.234,5", "1,234.5"),
    (-0.5, "-0,5", "-0.5"),
    (9e15, "9.000.000.000.000.000", "9,000,000,000,000,000"),
    (9.3e18, "9.300.000.000.000.000.000", "9,300,000,000,000,000,000"),
    (9_223_372_036_854_775_808, "9.223.372.036.854.775.808", "9,223,372,036,854,775,808"),
    (1e19, "10.000.000.000.000.000.000", "10,000,000,000,000,000,000"),
    (-1e19, "-10.000.000.000.000.000.000", "-10,000,000,000,000,000,000"),
    (1e21, "1e21", "1e21"),
    (1.5e300, "1,5e300", "1.5e300"),
    (1e308, "1e308", "1e308"),
    (Double.greatestFiniteMagnitude, "1,8e308", "1.8e308"),
    (-Double.greatestFiniteMagnitude, "-1,8e308", "-1.8e308"),
    (Double.leastNonzeroMagnitude, "0", "0"),
    (.infinity, "–", "–"),
    (.nan, "–", "–"),
  ]

  @Test(arguments: 0..<numbers.count)
  func numberIsTotal(_ index: Int) {
    let (value, vi, en) = Self.numbers[index]
    #expect(NumberFormat(language: .vi).number(value) == vi)
    #expect(NumberFormat(language: .en).number(value) == en)
  }

  @Test func percentAndDeltaAreTotal() {
    let format = NumberFormat(language: .en)
    #expect(format.percent(.nan) == "–")
    #expect(format.percent(.infinity) == "100.0%")
    #expect(format.percent(-.infinity) == "0.0%")
    #expect(format.delta(Int.min) == "-9,223,372,036,854,775,808")
    #expect(format.integer(Int.min) == "-9,223,372,036,854,775,808")
  }

  /// The accepted file at the format's maximum, with its metrics replaced by the named figures.
  func load(_ name: String) throws -> DashboardData {
    let file = "valid-metric-value-at-maximum.json"
    var dataset = try DatasetLoader().load(path: Self.corpus.appendingPathComponent(file).path, displayName: file)
      .dataset
    let last = dataset.snapshots.count - 1
    var metrics = dataset.snapshots[last].metrics
    let template = metrics[0]
    metrics = (Self.figures[name] ?? []).enumerated().map { index, figure in
      var metric = template
      metric.id = "m\(index)"
      (metric.value, metric.target) = figure
      return metric
    }
    dataset.snapshots[last].metrics = metrics
    return DashboardData(dataset: dataset, sourceName: name)
  }

  /// Every view at several widths and every format, in both languages and both character sets.
  @Test(arguments: files)
  func everyViewAndFormatOfAHugeFigure(_ file: String) throws {
    let data = try load(file)
    for language in [Language.vi, .en] {
      for unicode in [true, false] {
        let export = ViewExport(data: data, options: DisplayOptions(language: language, unicode: unicode))
        for view in ViewKind.allCases {
          for format in ExportFormat.allCases {
            for width in format == .text ? [20, 80, 200] : [100] {
              let text = export.render(view: view, province: 0, format: format, width: width)
              #expect(!text.isEmpty)
            }
          }
        }
        for (width, height) in [(80, 24), (200, 60), (30, 10)] {
          _ = AppState(
            data: data, options: DisplayOptions(language: language, unicode: unicode), width: width, height: height
          )
          .render()
        }
      }
    }
  }

  @Test func theFiguresReadInFull() throws {
    let data = try load("metric-value-beyond-int64")
    let export = ViewExport(data: data, options: DisplayOptions(language: .en))
    let text = export.render(view: .overview, province: nil, format: .text, width: 200)
    #expect(text.contains("9,300,000,000,000,000,000 / 10,000,000,000,000,000,000"), "\(text)")
    let markdown = export.render(view: .overview, province: nil, format: .markdown, width: 100)
    #expect(markdown.contains("| 10,000,000,000,000,000,000 |"), "\(markdown)")
    #expect(markdown.contains("| 9,223,372,036,854,775,808 |"), "\(markdown)")
    let huge = ViewExport(data: try load("metric-value-near-double-max"), options: DisplayOptions(language: .vi))
    #expect(huge.render(view: .overview, province: nil, format: .markdown, width: 100).contains("| 1e308 | 1,8e308 |"))
  }
}
