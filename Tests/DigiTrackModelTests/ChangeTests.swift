import Testing

@testable import DigiTrackModel

/// Change between two report dates (docs/FORMAT.md, "Derived figures"): improvements and
/// regressions are counted apart and never netted, green → anything else is a regression, and a
/// province's overall change follows the status-as-of-date rule at each date. The fixture's
/// deadlines are 2025-06-30 (T01, T02) and 2025-12-31 (T03).
@Suite struct ChangeTests {
  @Test func directionsFollowTheRule() {
    #expect(ChangeDirection(from: .green, to: .yellow) == .regression)
    #expect(ChangeDirection(from: .green, to: .red) == .regression)
    #expect(ChangeDirection(from: .green, to: .notReported) == .regression)
    #expect(ChangeDirection(from: .yellow, to: .green) == .improvement)
    #expect(ChangeDirection(from: .notReported, to: .green) == .improvement)
    #expect(ChangeDirection(from: .yellow, to: .red) == .regression)
    #expect(ChangeDirection(from: .red, to: .yellow) == .improvement)
    #expect(ChangeDirection(from: .notReported, to: .yellow) == .other)
    #expect(ChangeDirection(from: .red, to: .notReported) == .other)
  }

  @Test func improvementsAndRegressionsAreNeverNetted() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [report("01", "yellow green green"), report("20", "red yellow green")])
    fixture.snapshot("2025-12-29", [report("01", "green yellow yellow"), report("20", "green green green")])
    let change = ChangeSummary(dataset: try fixture.load(), from: 0, to: 1)
    // Hà Nội: T01 up, T02 and T03 down: "+1 −2", not "−1".
    #expect(change.provinces[0].criteria == ChangeCount(improvements: 1, regressions: 2))
    #expect(change.provinces[1].criteria == ChangeCount(improvements: 2, regressions: 0))
    #expect(change.criteria == ChangeCount(improvements: 3, regressions: 2))
    // Regressions first in the province's list, then improvements, each in plan order.
    #expect(change.provinces[0].ordered.map(\.criterion) == [1, 2, 0])
    #expect(change.provinces[0].ordered.map(\.direction) == [.regression, .regression, .improvement])
    // Everything rests on illustrative statuses, so the change is illustrative too.
    #expect(change.derivation.isIllustrative)
  }

  /// A province green at one date can turn yellow with no status moving, because a deadline passed
  /// in between; on the deadline day it is still green. The change counts it as a regression only
  /// when the later date is after the deadline.
  @Test(arguments: [("2025-12-30", false), ("2025-12-31", false), ("2026-01-01", true)])
  func aPassedDeadlineIsARegressionOfTheProvince(_ later: String, _ late: Bool) throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [report("01", "green green yellow")])
    fixture.snapshot(later, [report("01", "green green yellow")])
    let change = ChangeSummary(dataset: try fixture.load(), from: 0, to: 1)
    #expect(change.provinces[0].criteria.isEmpty, "no status moved")
    #expect(change.provinces[0].overallBefore == .green)
    #expect(change.provinces[0].overallAfter == (late ? .yellow : .green), "\(later)")
    #expect(change.greenProvinces == ChangeCount(improvements: 0, regressions: late ? 1 : 0), "\(later)")
  }

  /// Before, on and after the phase-1 deadline: a province that turns T02 green on the deadline
  /// day was green overall before (not yet due) and stays green; one that leaves it yellow after
  /// the deadline regresses overall.
  @Test(arguments: [("2025-06-29", false), ("2025-06-30", false), ("2025-07-01", true)])
  func phaseOneDeadline(_ later: String, _ due: Bool) throws {
    var fixture = Fixture()
    fixture.snapshot("2025-06-01", [report("01", "green yellow yellow"), report("20", "green yellow yellow")])
    fixture.snapshot(later, [report("01", "green green yellow"), report("20", "green yellow yellow")])
    let change = ChangeSummary(dataset: try fixture.load(), from: 0, to: 1)
    #expect(change.provinces[0].criteria == ChangeCount(improvements: 1))
    #expect(change.provinces[0].overallAfter == .green)
    #expect(change.provinces[1].overallAfter == (due ? .yellow : .green))
    #expect(change.greenProvinces.regressions == (due ? 1 : 0))
  }

  @Test func listedCommunesAreComparedOneByOne() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-07-31",
      [
        report(
          "01", "green green green",
          communes: [
            "units": [
              unit("a", "green", "green"), unit("b", "green", "yellow"), unit("c", "yellow", "yellow"),
              unit("d", "green", "green"),
            ], "src": "src",
          ])
      ])
    fixture.snapshot(
      "2025-12-29",
      [
        report(
          "01", "green green green",
          communes: [
            "units": [
              unit("a", "green", "yellow"), unit("b", "green", "green"), unit("c", "green", "green"),
              unit("d", "green", "green"),
            ], "src": "src",
          ])
      ])
    let change = ChangeSummary(dataset: try fixture.load(), from: 0, to: 1)
    // Two communes turned green and one went back: the count went 2 → 3, but "+2 −1" is said.
    #expect(change.provinces[0].communes == ChangeCount(improvements: 2, regressions: 1))
    #expect(change.communes == ChangeCount(improvements: 2, regressions: 1))
    #expect(!change.communesComplete)
  }

  @Test func theComparisonDateCycles() throws {
    var fixture = Fixture()
    for date in ["2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01"] {
      fixture.snapshot(date, [report("01", "green green green")])
    }
    let dataset = try fixture.load()
    #expect(Comparison.previous.index(shown: 3, in: dataset) == 2)
    #expect(Comparison.previous.index(shown: 0, in: dataset) == nil)
    var comparison = Comparison.previous
    var seen: [Int?] = []
    for _ in 0..<5 {
      seen.append(comparison.index(shown: 3, in: dataset))
      comparison = comparison.next(shown: 3, in: dataset)
    }
    #expect(seen == [2, 1, 0, nil, 2])
    // A date the file lacks falls back to the previous one; the date shown compares with itself.
    #expect(Comparison.date(CalendarDate(iso: "2024-01-01")!).index(shown: 3, in: dataset) == 2)
    #expect(Comparison.date(CalendarDate(iso: "2025-08-01")!).index(shown: 3, in: dataset) == 3)
    #expect(Comparison.none.next(shown: 0, in: dataset) == .none)
  }

  @Test func theTrendHasEveryDateAndItsProvenance() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-07-31", [report("01", "yellow green green", src: "src", communes: ["green": 1, "src": "src"])])
    fixture.snapshot("2025-12-29", [report("01", "green green green", communes: ["green": 3, "src": "illustrative"])])
    let trend = Trend(dataset: try fixture.load())
    #expect(trend.dates.map(\.description) == ["2025-07-31", "2025-12-29"])
    let provincial = try #require(trend.national.first { $0.id == Trend.provincialCriteria })
    #expect(provincial.points.map { $0?.value } == [2, 3])
    #expect(provincial.points.map { $0?.total } == [3, 3])
    #expect(provincial.points[0]?.derivation == .sources([0]))
    #expect(provincial.points[1]?.derivation == .illustrative)
    let communes = trend.provinces[0][1]
    #expect(communes.points.map { $0?.value } == [1, 3])
    #expect(communes.points[0]?.derivation.isIllustrative == false)
    #expect(communes.points[1]?.derivation.isIllustrative == true)
    // A province that never reported has no points, not zeros.
    #expect(trend.provinces[1][0].points.allSatisfy { $0 == nil })
  }
}
