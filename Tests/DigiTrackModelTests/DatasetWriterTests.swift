import DigiTrackModel
import Testing

/// The one Dataset → JSON writer: what it writes loads back to the same dataset, and a blank form
/// holds no invented figure (issue 16).
@Suite struct DatasetWriterTests {
  func load(_ bytes: [UInt8]) throws -> LoadedDataset {
    try DatasetLoader().load(bytes: bytes, name: "written.json")
  }

  @Test func theDemoRoundTrips() throws {
    let demo = try DemoDataset.load().dataset
    let written = DatasetWriter.json(demo)
    let loaded = try load(written)
    #expect(loaded.warnings.isEmpty)
    #expect(DatasetWriter.json(loaded.dataset) == written, "writing is a fixed point")
    let (a, b) = (Aggregates(dataset: demo), Aggregates(dataset: loaded.dataset))
    #expect(a.ranks == b.ranks)
    #expect(a.national.communes == b.national.communes)
    #expect(loaded.dataset.sources.map(\.id) == demo.sources.map(\.id))
  }

  /// A criterion's own deadline (issue 11) survives writing: template, import and merge write it.
  @Test func aCriterionsOwnDeadlineIsWritten() throws {
    var demo = try DemoDataset.load().dataset
    let index = demo.plan.provincialCriteria[0]
    demo.plan.criteria[index].deadline = CalendarDate(year: 2025, month: 9, day: 30)
    let loaded = try load(DatasetWriter.json(demo)).dataset
    #expect(loaded.plan.criteria[index].deadline?.description == "2025-09-30")
    #expect(loaded.plan.deadline(ofCriterion: index).description == "2025-09-30")
    #expect(loaded.plan.criteria[index + 1].deadline == nil)
  }

  @Test func aGeneratedDatasetWithCommuneListsRoundTrips() throws {
    let generated = try load(try SyntheticDataset(provinces: 3, communes: 12, snapshots: 2, seed: 7).json())
    let again = try load(DatasetWriter.json(generated.dataset))
    #expect(DatasetWriter.json(again.dataset) == DatasetWriter.json(generated.dataset))
    #expect(
      again.dataset.latest.reports[0]?.communes.units?.count
        == generated.dataset.latest.reports[0]?.communes.units?.count)
  }

  @Test func aBlankFormHasEveryStatusNotReportedAndOnlySourcedFigures() throws {
    let demo = try DemoDataset.load().dataset
    let date = try #require(CalendarDate(year: 2026, month: 3, day: 31))
    let form = try load(DatasetWriter.json(demo.blankForm(date: date))).dataset
    #expect(form.snapshots.count == 1 && form.asOf == date)
    #expect(form.provinces.map(\.units.total) == demo.provinces.map(\.units.total))
    #expect(form.provinces.allSatisfy { !$0.units.provenance.isIllustrative })
    for case let report? in form.latest.reports {
      #expect(report.provincialStatuses.allSatisfy { $0 == .notReported })
      #expect(report.communes.green == nil && report.phaseGreen == nil && report.reportedCount == nil)
    }
    #expect(form.latest.metrics.isEmpty)
    let aggregates = Aggregates(dataset: form)
    #expect(aggregates.national.reportedCount == form.provinces.count)
    #expect(aggregates.national.fullyGreen == 0)
    // Only the sources the form still cites stay: the unit counts'.
    #expect(Set(form.sources.map(\.id)) == ["laodong-1535055", "laodong-1524704"])
  }

  @Test func aBlankFormNarrowedToOneProvince() throws {
    let demo = try DemoDataset.load().dataset
    let langSon = try #require(demo.provinces.firstIndex { $0.name == "Lạng Sơn" })
    let date = try #require(CalendarDate(year: 2026, month: 3, day: 31))
    let form = try load(DatasetWriter.json(demo.blankForm(date: date, provinces: [langSon]))).dataset
    #expect(form.provinces.map(\.name) == ["Lạng Sơn"])
    #expect(form.sources.map(\.id) == ["laodong-1524704"])
  }

  /// The byte writer escapes as JSON asks and leaves every other character as it is, so names in
  /// any script, emoji and the U+2028 that JavaScript dislikes are written unchanged.
  @Test func quotedEscapesOnlyQuotesBackslashesAndControlCharacters() {
    #expect(DatasetWriter.quoted("") == "\"\"")
    #expect(DatasetWriter.quoted("Lạng Sơn") == "\"Lạng Sơn\"")
    #expect(
      DatasetWriter.quoted("a\"b\\c\n\r\t\u{1}\u{1F}\u{7F}é😀\u{2028}z")
        == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\u{7F}é😀\u{2028}z\"")
  }

  /// Names with every character that needs escaping load back as they were written.
  @Test func hostileNamesRoundTrip() throws {
    var demo = try DemoDataset.load().dataset
    demo.provinces[0].name = "Tỉnh \"A\" \\ B"
    demo.title = LocalizedText(vi: "Tiêu đề \\ một", en: "Title \"one\"")
    let written = DatasetWriter.json(demo)
    let loaded = try load(written).dataset
    #expect(loaded.provinces[0].name == "Tỉnh \"A\" \\ B")
    #expect(loaded.title.en == "Title \"one\"")
    #expect(DatasetWriter.json(loaded) == written)
  }
}
