import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// The acceptance audit of issues 11, 12 and 16 (F1–F10, D1–D3): each failure it found, as it
/// found it, at the size and in the language where it failed.
@Suite struct TruthAuditTests {
  static func export(_ language: Language) -> ViewExport {
    ViewExport(data: Fixtures.demo, options: DisplayOptions(language: language))
  }

  static func province(code: String) -> Int {
    Fixtures.demo.dataset.provinces.firstIndex { $0.code == code } ?? -1
  }

  static func lines(_ text: String, containing needle: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
  }

  /// F1: the commune part of the national change rests on illustrative counts, so it is marked.
  @Test(arguments: [
    (Language.en, "green communes 2,153/3,321 → 2,992/3,321 *"),
    (.vi, "xã xanh 2.153/3.321 → 2.992/3.321 *"),
  ])
  func theNationalCommuneChangeIsMarked(_ language: Language, _ expected: String) {
    for width in [100, 200] {
      let text = Self.export(language).text(view: .overview, province: nil, width: width)
      #expect(text.contains(expected), "width \(width)")
    }
    #expect(Fixtures.demo.change?.communesDerivation.isIllustrative == true)
  }

  /// F2: the province's overall status rests on illustrative statuses: `*` beside it, as its
  /// `status_source` says in CSV and JSON.
  @Test(arguments: Language.allCases)
  func theProvinceStatusCarriesItsMark(_ language: Language) {
    let export = Self.export(language)
    let province = Self.province(code: "44")
    let word = language == .vi ? "Trạng thái" : "Status"
    let green = language == .vi ? "✓ Xanh *" : "✓ Green *"
    let text = export.text(view: .province, province: province, width: 100)
    #expect(Self.lines(text, containing: word + " ").contains { $0.contains(green) })
    let markdown = export.render(view: .province, province: province, format: .markdown, width: 100)
    #expect(markdown.contains(green.replacingOccurrences(of: "*", with: "\\*")))
  }

  /// F3: the province's change line counts the communes at each date and never nets them, and a
  /// regression is drawn in the "bad" role.
  @Test func theProvinceChangeIsNeverNetted() throws {
    let province = Self.province(code: "44")
    let text = Self.export(.en).text(view: .province, province: province, width: 100)
    let line = try #require(Self.lines(text, containing: "Change since").first)
    #expect(line.contains("provincial 24/32 → 31/32 (↑8 ↓1) *"))
    #expect(line.contains("communes 36/78 → 66/78 *"))
    #expect(!line.contains("(+"))
    #expect(!text.contains("(±0)"))
    let state = Fixtures.state(100, 40, .en)
    let view = ProvinceView(context: state.context, width: 100, density: .full, province: province)
    let detail = ProvinceDetail(
      dataset: Fixtures.demo.dataset, aggregates: Fixtures.demo.aggregates, province: province)
    let change = try #require(detail.change)
    let spans = view.changeLines(change).flatMap(\.spans)
    #expect(spans.contains { $0.text == "↓1" && $0.role == .statusRed })
    #expect(spans.contains { $0.text == "↑8" && $0.role == .statusGreen })
  }
}
