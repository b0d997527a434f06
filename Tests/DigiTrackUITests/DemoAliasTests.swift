import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 16 (the data half): the demo carries the short forms and English names people
/// type, as `aliases` (written by scripts/make-demo.py), and search finds each one's province.
@Suite struct DemoAliasTests {
  static let cases: [(String, String)] = [
    ("hcm", "TP. Hồ Chí Minh"), ("TPHCM", "TP. Hồ Chí Minh"), ("TP.HCM", "TP. Hồ Chí Minh"),
    ("HCMC", "TP. Hồ Chí Minh"), ("Ho Chi Minh City", "TP. Hồ Chí Minh"), ("Sài Gòn", "TP. Hồ Chí Minh"),
    ("saigon", "TP. Hồ Chí Minh"), ("HN", "Hà Nội"), ("Hanoi", "Hà Nội"), ("Daklak", "Đắk Lắk"),
    ("Đắc Lắc", "Đắk Lắk"), ("HP", "Hải Phòng"), ("Hai Phong", "Hải Phòng"), ("Huế", "Huế"), ("Hue", "Huế"),
    ("danang", "Đà Nẵng"),
  ]

  @Test(arguments: 0..<cases.count)
  func anAliasFindsItsProvinceAndOnlyIt(_ index: Int) {
    let (query, name) = Self.cases[index]
    let data = Fixtures.demo
    let key = SearchMatch.key(query)
    let matches = data.dataset.provinces.indices.filter { data.matches(province: $0, query: key) }
    #expect(matches.map { data.dataset.provinces[$0].name } == [name], "\(query)")
    let export = ViewExport(data: data, options: DisplayOptions(language: .vi))
    #expect(export.province(named: query) == Fixtures.index(of: name), "\(query)")
  }

  @Test func theFilterKeyFindsTheAliasToo() {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "tphcm")
    #expect(state.order == [Fixtures.index(of: "TP. Hồ Chí Minh")])
  }
}
