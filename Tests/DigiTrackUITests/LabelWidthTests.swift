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

  /// At 80 columns the timeliness column shows the glyph and the days (`✗! 15`), which the legend
  /// under the table explains, never a word cut to "xong,…" or "done…"; the criterion names get the
  /// columns the words gave up.
  @Test(arguments: [Language.vi, .en])
  func narrowTimelinessIsAGlyphAndDaysNotACutWord(_ language: Language) {
    for index in Fixtures.demo.dataset.snapshots.indices {
      let data = Fixtures.demo.atSnapshot(index)
      let date = "snapshot \(index)"
      let text = ViewExport(data: data, options: DisplayOptions(language: language))
        .text(view: .province, province: Fixtures.index(of: "Quảng Ninh"), width: 80)
      let rows = text.split(separator: "\n").filter { $0.hasPrefix(" T") && $0.dropFirst(2).first?.isNumber == true }
      #expect(rows.count > 5, "\(language) \(date)")
      for row in rows {
        let last = row.split(separator: " ").last.map(String.init) ?? ""
        #expect(!last.hasSuffix("…"), "\(language) \(date): \(row)")
      }
    }
  }

  @Test func compactTimelinessSaysTheClassByGlyphAndTheDaysByNumber() {
    let context = RenderContext(data: Fixtures.demo, options: DisplayOptions(language: .vi))
    #expect(context.timelinessCompact(.overdue(days: 153)) == "✗! 153")
    #expect(context.timelinessCompact(.doneLate(days: 5)) == "✓! 5")
    #expect(context.timelinessCompact(.inProgress(daysLeft: 2)) == "◐ 2")
    #expect(context.timelinessCompact(.notStarted(daysLeft: 1_200)) == "○ 1.200")
    #expect(context.timelinessCompact(.doneOnTime) == "✓")
    #expect(context.timelinessCompact(.doneUndated) == "✓?")
    #expect(context.timelinessLabel(.overdue(days: 15), width: 40).text.trimmingSpaces == "✗! quá hạn 15 ngày")
    #expect(context.timelinessLabel(.overdue(days: 15), width: 8).text.trimmingSpaces == "✗! 15")
  }

  /// The province's headline labels are whole at every width from 80: "Communes green on all
  /// criteria" was cut to "Communes green on all …", and the status line keeps its source note.
  @Test(arguments: [80, 100, 120, 200])
  func theProvinceHeadlineLabelsAreWhole(_ width: Int) {
    for language in [Language.vi, .en] {
      let text = Self.text(.province, province: "Lạng Sơn", width: width, language)
      let labels =
        language == .vi
        ? ["Tiêu chí, nhiệm vụ cấp tỉnh ", "Cấp xã xanh đủ tiêu chí ", "(xanh theo công bố [5])"]
        : ["Provincial criteria ", "Communes green on all criteria ", "(green as published [5])"]
      for label in labels { #expect(text.contains(label), "\(language) \(width): \(label)") }
    }
  }
}
