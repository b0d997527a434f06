import Foundation
import Testing

@testable import DigiTrackModel

/// `doneOn`: a status in object form dates a green for timeliness, in provincial and commune
/// status maps alike; the writer writes it back; a status without it is dated as before.
@Suite struct DoneOnTests {
  /// `report` with criterion `id` in object form.
  func dated(_ report: [String: Any], _ id: String, _ status: String = "green", doneOn: String) -> [String: Any] {
    var report = report
    var provincial = report["provincial"] as! [String: Any]
    var statuses = provincial["statuses"] as! [String: Any]
    statuses[id] = ["status": status, "doneOn": doneOn]
    provincial["statuses"] = statuses
    report["provincial"] = provincial
    return report
  }

  func t01(_ dataset: Dataset, at snapshot: Int) -> Timeliness {
    Timeliness(dataset: dataset, snapshotIndex: snapshot, province: 0, criterion: dataset.plan.provincialCriteria[0])
  }

  @Test func doneOnDatesAGreenBeforeItsFirstGreenSnapshot() throws {
    // T01 is due 2025-06-30. Without doneOn a green at the file's first snapshot (31/07) has no
    // known date: it may have been done by 30/06. After a yellow snapshot, it is 31 days late.
    var plain = Fixture()
    plain.snapshot("2025-07-31", [report("01", "green green yellow")])
    #expect(t01(try plain.load(), at: 0) == .doneUndated)
    var after = Fixture()
    after.snapshot("2025-06-30", [report("01", "yellow green yellow")])
    after.snapshot("2025-07-31", [report("01", "green green yellow")])
    #expect(t01(try after.load(), at: 1) == .doneLate(days: 31))
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [dated(report("01", "green green yellow"), "T01", doneOn: "2025-06-20")])
    let dataset = try fixture.load()
    #expect(dataset.snapshots[0].reports[0]?.provincialDoneOn == [0: CalendarDate(iso: "2025-06-20")!])
    #expect(t01(dataset, at: 0) == .doneOnTime)
  }

  @Test func doneOnCanSayLate() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-06-30", [report("01", "yellow green yellow")])
    fixture.snapshot("2025-07-31", [dated(report("01", "green green yellow"), "T01", doneOn: "2025-07-05")])
    #expect(t01(try fixture.load(), at: 1) == .doneLate(days: 5))
  }

  /// A later snapshot that writes the status as a word keeps the date of the run's first green.
  @Test func theFirstGreenSnapshotsDoneOnCarriesOn() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [dated(report("01", "green green yellow"), "T01", doneOn: "2025-06-29")])
    fixture.snapshot("2025-08-31", [report("01", "green green yellow")])
    #expect(t01(try fixture.load(), at: 1) == .doneOnTime)
  }

  static let corpus = testSourceDirectory.appendingPathComponent("Corpus", isDirectory: true)

  @Test func bothMapsReadTheObjectFormAndTheWriterKeepsIt() throws {
    let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("valid-done-on.json")))
    let loaded = try DatasetLoader().load(bytes: bytes, name: "valid-done-on.json")
    #expect(loaded.warnings.isEmpty)
    func check(_ dataset: Dataset) {
      let report = dataset.snapshots[1].reports[0]
      #expect(report?.provincialDoneOn == [1: CalendarDate(iso: "2025-12-20")!])
      #expect(report?.provincialStatuses[1] == .green)
      #expect(report?.communes.units?.doneOn == [0: CalendarDate(iso: "2025-11-03")!])
      #expect(report?.communes.units?.status(unit: 0, criterion: 0) == .green)
    }
    check(loaded.dataset)
    let written = DatasetWriter.json(loaded.dataset)
    #expect(
      String(decoding: written, as: UTF8.self).contains("\"T02\": {\"status\": \"green\", \"doneOn\": \"2025-12-20\"}"))
    check(try DatasetLoader().load(bytes: written, name: "written.json").dataset)
    // A file without doneOn is written with plain words, as before.
    let minimal = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("valid-minimal.json")))
    let plain = DatasetWriter.json(try DatasetLoader().load(bytes: minimal, name: "m.json").dataset)
    #expect(!String(decoding: plain, as: UTF8.self).contains("doneOn"))
  }
}
