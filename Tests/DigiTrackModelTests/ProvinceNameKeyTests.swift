import Testing

@testable import DigiTrackModel

/// Province names are compared as search compares them; the decoder folds them a character at a
/// time, which must give what `SafeText.searchKey` gives for the whole name.
@Suite struct ProvinceNameKeyTests {
  @Test(
    arguments: [
      "Lạng Sơn", "LẠNG  SƠN", "Thanh Hóa", "Thanh Hoá", "Đắk Lắk", "Bà Rịa-Vũng Tàu", " Huế. ", "Tỉnh Mẫu 01",
      "TP. Hồ Chí Minh", "A\u{301}b", "Ǆemal", "İzmir", "ß-Straße", "--", "",
    ])
  func characterByCharacterFoldingIsTheSearchKey(_ name: String) {
    let clean = SafeText.clean(name)
    #expect(DatasetDecoder.nameKey(clean) == SafeText.searchKey(clean), "\(clean)")
  }

  @Test func theDemoProvincesAllHaveDifferentNames() throws {
    let dataset = try DemoDataset.load().dataset
    let keys = Set(dataset.provinces.map { DatasetDecoder.nameKey($0.name) })
    #expect(keys.count == dataset.provinces.count)
  }
}
