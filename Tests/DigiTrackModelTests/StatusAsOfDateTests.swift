import Testing

@testable import DigiTrackModel

/// The overall status at a snapshot's date (docs/FORMAT.md, "Derived figures"): a criterion
/// counts against a province only once its deadline has passed; on the deadline day it is not yet
/// late. The fixture's deadlines are 2025-06-30 (T01, T02) and 2025-12-31 (T03).
@Suite struct StatusAsOfDateTests {
  func overall(_ statuses: String, on date: String, phaseGreen: [String: Any]? = nil) throws -> Status {
    var fixture = Fixture()
    fixture.snapshot(date, [report("01", statuses, phaseGreen: phaseGreen)])
    return Aggregates(dataset: try fixture.load()).provinces[0].overall
  }

  static let days: [(date: String, phase1Due: Bool, phase2Due: Bool)] = [
    ("2025-06-29", false, false), ("2025-06-30", false, false), ("2025-07-01", true, false),
    ("2025-12-30", true, false), ("2025-12-31", true, false), ("2026-01-01", true, true),
  ]

  @Test(arguments: 0..<days.count)
  func aCriterionCountsOnlyOnceItsDeadlineHasPassed(_ index: Int) throws {
    let (date, phase1Due, phase2Due) = Self.days[index]
    // Phase 1 open: late only after 30/06.
    #expect(try overall("green yellow green", on: date) == (phase1Due ? .yellow : .green), "\(date)")
    // Phase 1 done, phase 2 open: late only after 31/12.
    #expect(try overall("green green yellow", on: date) == (phase2Due ? .yellow : .green), "\(date)")
    #expect(try overall("green green not_reported", on: date) == (phase2Due ? .yellow : .green), "\(date)")
    // Everything green is green at every date; red is red at every date.
    #expect(try overall("green green green", on: date) == .green, "\(date)")
    // (Red before a deadline draws a load warning, so red is tried once phase 1 is due.)
    if phase1Due { #expect(try overall("red green green", on: date) == .red, "\(date)") }
    // Nothing reported stays not reported.
    #expect(try overall("- - -", on: date) == .notReported, "\(date)")
  }

  @Test(arguments: 0..<days.count)
  func aPublishedPhaseFlagDecidesOnceThePhaseIsDue(_ index: Int) throws {
    let (date, phase1Due, phase2Due) = Self.days[index]
    // Published green for phase 1 although T02 is yellow: only T03 (phase 2) can count against it.
    let published = try overall("green yellow yellow", on: date, phaseGreen: ["1": true, "src": "src"])
    #expect(published == (phase2Due ? .yellow : .green), "\(date)")
    // Published "not green" for phase 1: a reason for yellow only once phase 1 is due.
    let notGreen = try overall("green green green", on: date, phaseGreen: ["1": false, "src": "src"])
    #expect(notGreen == (phase1Due ? .yellow : .green), "\(date)")
  }

  @Test func theDeadlineDayIsNotYetLate() throws {
    let deadline = try #require(CalendarDate(iso: "2025-06-30"))
    #expect(!CalendarDate(iso: "2025-06-29")!.isPast(deadline))
    #expect(!deadline.isPast(deadline))
    #expect(CalendarDate(iso: "2025-07-01")!.isPast(deadline))
  }

  /// The demo's phase-1 review: every province was published green in phase 1 and phase 2 was not
  /// yet due, so 34/34 provinces read green, as the source says.
  @Test func demoPhaseOneReviewReadsAllProvincesGreen() throws {
    let dataset = try DemoDataset.load().dataset
    let index = try #require(dataset.snapshots.firstIndex { $0.date.description == "2025-07-31" })
    let national = Aggregates(dataset: dataset, snapshotIndex: index).national
    #expect(national.provinceCount == 34)
    #expect(national.fullyGreen == 34)
  }
}
