import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 20: a wide screen shows more, and 80×24 keeps room for the provinces while the
/// title keeps the date, the data's name and the demo mark.
@Suite struct ScreenSizeTests {
  @Test(arguments: [Language.vi, .en])
  func aWideScreenShowsTheRegion(_ language: Language) {
    let state = Fixtures.state(200, 60, language)
    let text = state.render().text
    let region = language == .vi ? "Vùng" : "Region"
    let header = text.split(separator: "\n").first { $0.contains(" #") } ?? ""
    #expect(header.contains(region), "\(header)")
    #expect(text.contains("Trung du và miền núi phía Bắc") || text.contains("Northern Midlands and Mountains"))
    let narrow = Fixtures.state(120, 40, language).render().text
    #expect(!(narrow.split(separator: "\n").first { $0.contains(" #") } ?? "").contains(region))
  }

  @Test(arguments: [Language.vi, .en])
  func eightyByTwentyFourKeepsTwelveProvinceRows(_ language: Language) {
    let state = Fixtures.state(80, 24, language)
    let lines = state.render().text.split(separator: "\n", omittingEmptySubsequences: false)
    let rows = lines.filter { $0.wholeMatch(of: /^ +[0-9]+ \S.*/) != nil && $0.contains("/32") }
    // 12 rows before the national change line (issue 11) took one: the pillars stay on one line.
    #expect(rows.count >= 11, "\(rows.count) province rows")
    let title = lines.first ?? ""
    #expect(title.contains("29/12/2025") || title.contains("2025-12-29"))
    #expect(title.contains(language == .vi ? "dữ liệu mẫu" : "demo data"))
    #expect(lines.contains { $0.contains("demo.json") }, "the data's name stays on screen")
  }
}
