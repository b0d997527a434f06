import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 8: labels are not cut where the meaning is — the status word, a phase's
/// deadline, the national metric labels on a wide screen.
@Suite struct LabelWidthTests {
  static func text(_ view: ViewKind, province: String? = nil, width: Int, _ language: Language = .vi) -> String {
    ViewExport(data: Fixtures.demo, options: DisplayOptions(language: language))
      .text(view: view, province: province.map(Fixtures.index(of:)), width: width)
  }

  @Test(arguments: [80, 120, 200])
  func theStatusWordIsWhole(_ width: Int) {
    for language in [Language.vi, .en] {
      let text = Self.text(.province, province: "Hà Tĩnh", width: width, language)
      #expect(text.contains(language == .vi ? "· Chưa báo cáo" : "· Not reported"), "\(language) \(width)")
      #expect(!text.contains("Chưa báo c…") && !text.contains("Not reporte…"))
    }
  }

  @Test(arguments: [80, 120, 200])
  func aPhaseKeepsItsDeadline(_ width: Int) {
    let text = Self.text(.province, province: "Lạng Sơn", width: width)
    #expect(text.contains("Giai đoạn 2: Tăng tốc, bứt phá (31/12/2025)"), "\(width)")
  }

  @Test func wideScreensShowTheMetricLabelsInFull() {
    let text = Self.text(.overview, width: 200)
    for metric in Fixtures.demo.dataset.snapshots.last?.metrics ?? [] {
      #expect(text.contains(metric.label.vi), "\(metric.label.vi)")
    }
  }
}
