import Testing

@testable import DigiTrackModel

/// Report dates and deadlines: real calendar days only, written YYYY-MM-DD.
@Suite struct CalendarDateTests {
  static let leapDays: [(Int, Bool)] = [
    (2024, true), (2025, false), (1900, false), (2000, true), (2100, false), (2400, true), (4, true),
  ]

  @Test(arguments: 0..<leapDays.count)
  func february29(_ index: Int) {
    let (year, leap) = Self.leapDays[index]
    #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap, "\(year)")
    #expect(CalendarDate(year: year, month: 2, day: 28) != nil)
    #expect(CalendarDate(year: year, month: 2, day: 30) == nil)
  }

  static let validISO: [(String, Int, Int, Int)] = [
    ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29), ("2025-12-31", 2025, 12, 31),
    ("2025-04-30", 2025, 4, 30), ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
  ]

  @Test(arguments: 0..<validISO.count)
  func parsesRealDates(_ index: Int) throws {
    let (text, year, month, day) = Self.validISO[index]
    let date = try #require(CalendarDate(iso: text))
    #expect((date.year, date.month, date.day) == (year, month, day))
    #expect(date.description == text)
  }

  static let invalidISO = [
    "2025-02-29", "1900-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31",
    "0000-01-01", "29/12/2025", "2025/12/29", "2025-1-01", "2025-01-1", "25-01-01", "2025-01-01T00:00",
    " 2025-01-01", "2025-01-01 ", "+025-01-01", "2025-0a-01", "２０２５-01-01", "", "2025-12-29\u{0}",
  ]

  @Test(arguments: invalidISO)
  func refusesEverythingElse(_ text: String) {
    #expect(CalendarDate(iso: text) == nil)
  }

  @Test func memberwiseBounds() {
    #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    #expect(CalendarDate(year: 2025, month: 0, day: 1) == nil)
    #expect(CalendarDate(year: 2025, month: 6, day: 31) == nil)
    #expect(CalendarDate(year: 2025, month: 7, day: 31) != nil)
    #expect(CalendarDate(year: 2025, month: 1, day: -1) == nil)
  }

  @Test func ordering() throws {
    let dates = try ["2025-12-29", "2024-12-31", "2025-07-31", "2025-01-15", "2025-07-30"].map {
      try #require(CalendarDate(iso: $0))
    }
    #expect(
      dates.sorted().map(\.description) == ["2024-12-31", "2025-01-15", "2025-07-30", "2025-07-31", "2025-12-29"])
    let a = try #require(CalendarDate(iso: "2025-06-30"))
    let b = try #require(CalendarDate(iso: "2025-12-31"))
    #expect(a < b)
    #expect(!(b < a))
    #expect(!(a < a))
    #expect(a == CalendarDate(year: 2025, month: 6, day: 30))
    // Year before month before day: 2024-12-31 < 2025-01-01 although 12 > 1 and 31 > 1.
    #expect(CalendarDate(year: 2024, month: 12, day: 31)! < CalendarDate(year: 2025, month: 1, day: 1)!)
  }

  @Test func descriptionPadsEveryField() {
    #expect(CalendarDate(year: 7, month: 3, day: 5)?.description == "0007-03-05")
    #expect(CalendarDate(year: 2025, month: 12, day: 29)?.description == "2025-12-29")
  }
}
