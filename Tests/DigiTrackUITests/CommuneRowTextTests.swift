import DigiTrackModel
import TestSupport
import Testing

@testable import DigiTrackUI

/// The export writes a province's commune rows without making their lines
/// (`Body.Section.text`); the text must be the lines' text, whatever the codes and names hold
/// (wide characters, marks, emoji, names longer than their column) and at every width.
@Suite struct CommuneRowTextTests {
  @Test func writtenRowsAreTheDrawnRows() throws {
    var random = SeededRandom.fromEnvironment("CommuneRowTextTests")
    let bytes = try SyntheticDataset(provinces: 2, communes: 120, criteria: 20, seed: 3).json()
    var dataset = try DatasetLoader().load(bytes: bytes, name: "rows").dataset
    let last = dataset.snapshots.count - 1
    let province = try #require(dataset.snapshots[last].reports.firstIndex { $0?.communes.units != nil })
    var units = try #require(dataset.snapshots[last].reports[province]?.communes.units)
    for unit in 0..<units.count where Bool.random(using: &random) {
      var name = ""
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        name += LineTextTests.pieces.randomElement(using: &random)!
      }
      units.names[unit] = name
      if Bool.random(using: &random) { units.codes[unit] = LineTextTests.pieces.randomElement(using: &random)! + "7" }
    }
    dataset.snapshots[last].reports[province]?.communes.units = units
    let data = DashboardData(dataset: dataset, sourceName: "rows")
    for width in [20, 45, 60, 61, 80, 97, 120, 200] {
      for unicode in [true, false] {
        let context = RenderContext(data: data, options: DisplayOptions(language: .vi, unicode: unicode))
        let page = ProvinceView(context: context, width: width, density: .full, province: province).page()
        #expect(
          Canvas.documentText([page], width: width) == Composer.document([page], width: width).text,
          "width \(width), unicode \(unicode)")
      }
    }
  }
}
