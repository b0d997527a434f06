import DigiTrackModel

@testable import DigiTrackUI

/// Draws a dataset every way the program can show it: every view (overview, matrix in each
/// column band, every province's detail, help, too small) at several sizes and scrolled to the
/// end, and every export format of every view, in both languages.
///
/// A trap anywhere here is a file that `validate` accepts and the program cannot show. One
/// implementation serves both `EveryViewTests` (accepted files of the test suite) and the
/// whole-pipeline fuzzer (Tests/Fuzz/FuzzPipeline.swift, built by `scripts/fuzz.sh SECONDS
/// pipeline`), so this file must not import Testing.
enum EveryView {
  /// Screen sizes, from the minimum the views need to a wide terminal.
  static let sizes = [(60, 14), (80, 24), (120, 40), (200, 60)]
  /// Sizes below the minimum: the "too small" view.
  static let tooSmall = [(59, 40), (200, 13), (20, 6), (1, 1)]
  /// Text export widths (the export's range is 20…1000).
  static let exportWidths = [20, 60, 80, 120, 200]

  /// What was drawn: the number of canvases and of exported characters, so the work is not
  /// optimised away and a test can check that something was drawn.
  struct Tally {
    var canvases = 0
    var exportedCharacters = 0
  }

  /// `sizes` and `exportWidths` can be narrowed where time is short (the 34-province demo in a
  /// debug build); the fuzzer and the small test files use them all.
  static func exercise(
    _ dataset: Dataset, sourceName: String = "every-view.json", sizes: [(Int, Int)] = sizes,
    exportWidths: [Int] = exportWidths
  ) -> Tally {
    var tally = Tally()
    let data = DashboardData(dataset: dataset, sourceName: sourceName)
    for language in [Language.vi, .en] {
      for unicode in [true, false] {
        let options = DisplayOptions(language: language, unicode: unicode)
        for (width, height) in sizes { screens(data, options, width, height, &tally) }
        for (width, height) in tooSmall {
          let state = AppState(data: data, options: options, width: width, height: height)
          count(state.render(), &tally)
        }
      }
      exports(ViewExport(data: data, options: DisplayOptions(language: language)), exportWidths, &tally)
    }
    return tally
  }

  private static func screens(
    _ data: DashboardData, _ options: DisplayOptions, _ width: Int, _ height: Int, _ tally: inout Tally
  ) {
    var state = AppState(data: data, options: options, width: width, height: height)
    count(state.render(), &tally)
    _ = state.update(.key(.end))
    count(state.render(), &tally)
    _ = state.update(.key(.character("?")))
    count(state.render(), &tally)
    _ = state.update(.key(.escape))

    // The trend view, scrolled to its end, and the overview under every comparison.
    _ = state.update(.key(.character("t")))
    count(state.render(), &tally)
    _ = state.update(.key(.end))
    count(state.render(), &tally)
    count(state.document(), &tally)
    _ = state.update(.key(.character("t")))
    for _ in 0..<(data.dataset.snapshots.count + 1) {
      _ = state.update(.key(.character("c")))
      count(state.render(), &tally)
    }

    // The matrix, band by band, scrolled down as well.
    _ = state.update(.key(.tab))
    for _ in 0..<max(1, state.matrixBandCount) {
      count(state.render(), &tally)
      _ = state.update(.key(.pageDown))
      count(state.render(), &tally)
      _ = state.update(.key(.character("L")))
    }
    count(state.document(), &tally)

    // The overdue list, at the top, at the end, and the province its last row opens.
    state.screen = .overview
    _ = state.update(.key(.character("d")))
    count(state.render(), &tally)
    _ = state.update(.key(.end))
    count(state.render(), &tally)
    count(state.document(), &tally)
    _ = state.update(.key(.enter))
    count(state.render(), &tally)

    // Every province, at the top and scrolled to the end.
    for province in data.dataset.provinces.indices {
      state.screen = .province(province, back: .overview)
      state.detailOffset = 0
      count(state.render(), &tally)
      _ = state.update(.key(.end))
      count(state.render(), &tally)
      count(state.document(), &tally)
    }
  }

  private static func exports(_ exporter: ViewExport, _ exportWidths: [Int], _ tally: inout Tally) {
    let provinces = exporter.data.dataset.provinces.indices
    let views: [(ViewKind, Int?)] =
      [(.overview, nil), (.matrix, nil), (.overdue, nil), (.trend, nil)] + provinces.map { (.province, $0) }
    for (view, province) in views {
      for format in ExportFormat.allCases {
        let widths = format == .text ? exportWidths : [100]
        for width in widths {
          tally.exportedCharacters +=
            exporter.render(
              view: view, province: province, format: format, width: width
            ).utf8.count
        }
      }
    }
  }

  private static func count(_ canvas: Canvas, _ tally: inout Tally) {
    tally.canvases += 1
    tally.exportedCharacters += canvas.text.utf8.count
  }
}
