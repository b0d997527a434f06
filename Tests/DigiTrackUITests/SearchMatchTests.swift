import Testing

@testable import DigiTrackModel
@testable import DigiTrackUI

/// Issue 12 item 16: search finds what people type. Both sides are folded to letters and digits
/// (no case, diacritics, spaces or punctuation), and aliases from the data match too.
@Suite struct SearchMatchTests {
  /// The demo with the short forms that the demo data is to carry (see the report to the
  /// integrator), so this test does not depend on when they land there.
  static let withAliases: DashboardData = {
    var dataset = Fixtures.demo.dataset
    let aliases: [String: [String]] = [
      "TP. Hồ Chí Minh": ["HCM", "TPHCM", "Ho Chi Minh City", "Sài Gòn"],
      "Hà Nội": ["HN", "Hanoi"],
      "Đắk Lắk": ["Daklak", "Đắc Lắc"],
    ]
    for index in dataset.provinces.indices {
      dataset.provinces[index].aliases += aliases[dataset.provinces[index].name] ?? []
    }
    return DashboardData(dataset: dataset, sourceName: "aliases")
  }()

  static func filter(_ query: String, data: DashboardData) -> [String] {
    var state = AppState(data: data, options: DisplayOptions(), width: 120, height: 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, query)
    return state.order.map { data.dataset.provinces[$0].name }
  }

  @Test(arguments: [
    ("hcm", "TP. Hồ Chí Minh"), ("tphcm", "TP. Hồ Chí Minh"), ("TP.HCM", "TP. Hồ Chí Minh"),
    ("ho chi minh city", "TP. Hồ Chí Minh"), ("sai gon", "TP. Hồ Chí Minh"), ("hanoi", "Hà Nội"),
    ("danang", "Đà Nẵng"), ("daklak", "Đắk Lắk"), ("dak-lak", "Đắk Lắk"), ("Dac Lac", "Đắk Lắk"),
  ])
  func findsWhatPeopleType(_ query: String, _ name: String) {
    #expect(Self.filter(query, data: Self.withAliases).contains(name), "\(query)")
  }

  /// Without any alias, spaces and punctuation alone no longer hide a name.
  @Test(arguments: [
    ("hanoi", "Hà Nội"), ("danang", "Đà Nẵng"), ("daklak", "Đắk Lắk"), ("tphochiminh", "TP. Hồ Chí Minh"),
    ("ho chi minh", "TP. Hồ Chí Minh"), ("langson", "Lạng Sơn"), ("  Lạng   Sơn ", "Lạng Sơn"),
  ])
  func findsNamesTypedWithoutSpaces(_ query: String, _ name: String) {
    #expect(Self.filter(query, data: Fixtures.demo).contains(name), "\(query)")
  }

  @Test func bothSidesFoldTheSameWay() {
    #expect(SearchMatch.key("TP. Hồ Chí Minh") == "tphochiminh")
    #expect(SearchMatch.key("Đắk Lắk") == SearchMatch.key("dak lak"))
    #expect(SearchMatch.key("Thanh Hoá") == SearchMatch.key("THANH-HOA"))
    #expect(SearchMatch.matches("", in: []))
    #expect(!SearchMatch.matches("zzz", in: ["hanoi"]))
  }

  @Test func theExportFindsAProvinceTheSameWay() {
    let export = ViewExport(data: Self.withAliases, options: DisplayOptions())
    #expect(export.province(named: "tphcm") == Self.withAliases.dataset.provinces.firstIndex { $0.code == "79" })
    #expect(export.province(named: "hanoi") == Self.withAliases.dataset.provinces.firstIndex { $0.name == "Hà Nội" })
  }
}

/// The ASCII shortcut of `SearchMatch.keeps` answers as the Unicode properties do.
@Suite struct SearchMatchKeepsTests {
  @Test func everyASCIIScalarIsKeptAsItsPropertiesSay() {
    for value in UInt32(0)..<0x80 {
      let scalar = Unicode.Scalar(value)!
      let byProperties = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      #expect(SearchMatch.keeps(scalar) == byProperties, "U+\(String(value, radix: 16))")
    }
  }
}
