import Testing

@testable import DigiTrackModel

/// A province's next deadline (issue 12, item 20): the earliest deadline on or after the report
/// date among its criteria not green, and how many fall due then (fixture deadlines: 2025-06-30
/// for T01 and T02, 2025-12-31 for T03).
@Suite struct ProvinceNextDeadlineTests {
  func next(_ date: String, _ statuses: String) throws -> ProvinceNextDeadline? {
    var fixture = Fixture()
    fixture.snapshot(date, [report("01", statuses)])
    let dataset = try fixture.load()
    return ProvinceNextDeadline(dataset: dataset, snapshotIndex: 0, province: 0)
  }

  @Test func theEarliestOpenDeadlineAndItsCount() throws {
    let both = try #require(try next("2025-06-29", "yellow yellow yellow"))
    #expect(both.date == CalendarDate(year: 2025, month: 6, day: 30))
    #expect(both.daysLeft == 1 && both.open == 2)
    // T01 green: one left at 30/06; on the day itself it is still ahead (0 days).
    let one = try #require(try next("2025-06-30", "green not_reported yellow"))
    #expect(one.daysLeft == 0 && one.open == 1)
  }

  @Test func overdueAndGreenCriteriaAreNotAhead() throws {
    // After 30/06 T01 and T02 are overdue, not due next: the next deadline is T03's.
    let later = try #require(try next("2025-07-01", "yellow red yellow"))
    #expect(later.date == CalendarDate(year: 2025, month: 12, day: 31))
    #expect(later.daysLeft == 183 && later.open == 1)
    #expect(try next("2025-07-01", "yellow red green") == nil)
    #expect(try next("2025-06-01", "green green green") == nil)
  }
}
