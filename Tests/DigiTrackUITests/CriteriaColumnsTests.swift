import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, items 4 and 8: the criteria table shows the pillar, gives its columns their width
/// by content, and explains every code it shows (names where they fit, a legend where not).
@Suite struct CriteriaColumnsTests {
  static func table(width: Int, language: Language = .vi) -> [Substring] {
    let export = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: language))
    return export.text(view: .province, province: Fixtures.index(of: "Lạng Sơn"), width: width)
      .split(separator: "\n")
  }

  @Test(arguments: [80, 100, 120, 160, 200])
  func everyCodeShownHasItsName(_ width: Int) {
    let lines = Self.table(width: width)
    let plan = Fixtures.demo.dataset.plan
    let rows = lines.filter { $0.wholeMatch(of: /^ T[0-9]{2} .*/) != nil }
    #expect(rows.count == 32)
    let header = lines.first { $0.hasPrefix(" Mã   Tiêu chí") } ?? ""
    #expect(header.contains("Trụ cột"), "the pillar is shown at \(width)")
    let legend = lines.filter {
      $0.hasPrefix(" Nhóm nhiệm vụ: ") || $0.hasPrefix(" Trụ cột: ") || $0.hasPrefix(" Khối: ")
    }
    let legendText = lines.drop { !legend.contains($0) }.prefix(12).joined(separator: " ")
      .split(separator: " ").joined(separator: " ")
    for category in plan.groups + plan.pillars + plan.blocks {
      let code = " " + category.id + " "
      let asCode = rows.contains { $0.contains(code) }
      if asCode { #expect(legendText.contains(category.id + " " + category.name.vi), "\(width): \(category.id)") }
    }
    // A name shown in a category column is shown whole, never cut.
    for category in plan.pillars + plan.blocks where rows.contains(where: { $0.contains(category.name.vi) }) {
      let name = category.name.vi
      #expect(!rows.contains { $0.contains(" " + String(name.prefix(8))) && !$0.contains(name) }, "\(name)")
    }
  }

  @Test func wideScreensShowNamesNarrowOnesCodes() {
    let wide = Self.table(width: 200)
    #expect(wide.contains { $0.contains("Khối Nhà nước (HĐND, UBND)") && $0.contains("Nền tảng số dùng chung") })
    let narrow = Self.table(width: 80)
    #expect(narrow.contains { $0.hasPrefix(" Khối: B1 Khối Đảng") })
    #expect(narrow.contains { $0.hasPrefix(" Trụ cột: P1 Thể chế") })
  }
}
