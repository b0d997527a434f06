import Testing

@testable import DigiTrackModel

/// Timeliness classes, the next deadline and the overdue list, at the day before, on and after
/// each deadline (fixture deadlines: 2025-06-30 for T01 and T02, 2025-12-31 for T03).
@Suite struct TimelinessTests {
  func classes(_ dates: [(String, String)], at snapshot: Int? = nil) throws -> [Timeliness] {
    var fixture = Fixture()
    for (date, statuses) in dates { fixture.snapshot(date, [report("01", statuses)]) }
    let dataset = try fixture.load()
    let index = snapshot ?? dates.count - 1
    return dataset.plan.provincialCriteria.map {
      Timeliness(dataset: dataset, snapshotIndex: index, province: 0, criterion: $0)
    }
  }

  @Test func beforeOnAndAfterTheDeadline() throws {
    #expect(
      try classes([("2025-06-29", "yellow not_reported green")]) == [
        .inProgress(daysLeft: 1), .notReported, .doneOnTime,
      ])
    #expect(
      try classes([("2025-06-30", "yellow green yellow")]) == [
        .inProgress(daysLeft: 0), .doneOnTime, .inProgress(daysLeft: 184),
      ])
    #expect(try classes([("2025-07-01", "yellow red green")]) == [.overdue(days: 1), .overdue(days: 1), .doneOnTime])
  }

  @Test func greenIsDatedByTheFirstSnapshotThatShowsIt() throws {
    // T01 green from 31/07 (late by 31 days); T02 green on 30/06 and after (on time); T03 green
    // on 30/06, lost, and green again on 01/01 (after its 31/12 deadline: late by 1 day).
    let dates = [
      ("2025-06-30", "yellow green green"), ("2025-07-31", "green green yellow"), ("2026-01-01", "green green green"),
    ]
    #expect(try classes(dates) == [.doneLate(days: 31), .doneOnTime, .doneLate(days: 1)])
    #expect(try classes(dates, at: 1) == [.doneLate(days: 31), .doneOnTime, .inProgress(daysLeft: 153)])
  }

  @Test func redBeforeTheDeadlineIsNotStarted() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-12-30", [report("01", "green green red")])
    let loaded = try DatasetLoader().load(bytes: fixture.json(), name: "f.json")
    let t03 = loaded.dataset.plan.provincialCriteria[2]
    #expect(
      Timeliness(dataset: loaded.dataset, snapshotIndex: 0, province: 0, criterion: t03) == .notStarted(daysLeft: 1))
  }

  @Test func nextDeadline() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [])
    let plan = try fixture.load().plan
    func next(_ text: String) -> NextDeadline? { NextDeadline(plan: plan, on: CalendarDate(iso: text)!) }
    #expect(next("2025-06-29")?.phase == 1 && next("2025-06-29")?.daysLeft == 1)
    #expect(next("2025-06-30")?.phase == 1 && next("2025-06-30")?.daysLeft == 0)
    #expect(next("2025-07-01")?.phase == 2 && next("2025-07-01")?.daysLeft == 183)
    #expect(next("2025-12-31")?.daysLeft == 0)
    #expect(next("2026-01-01") == nil)
    #expect(CalendarDate(iso: "2024-02-28")!.days(to: CalendarDate(iso: "2024-03-01")!) == 2)
    #expect(CalendarDate(iso: "2025-12-31")!.days(to: CalendarDate(iso: "2026-01-01")!) == 1)
  }

  @Test func aCriterionsOwnDeadlineWins() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-15", [report("01", "green green yellow")])
    var json = String(decoding: fixture.json(), as: UTF8.self)
    json = json.replacingOccurrences(of: "\"id\" : \"T03\",", with: "\"id\" : \"T03\", \"deadline\" : \"2025-07-10\",")
    let dataset = try DatasetLoader().load(bytes: Array(json.utf8), name: "f.json").dataset
    let t03 = dataset.plan.provincialCriteria[2]
    #expect(dataset.plan.deadline(ofCriterion: t03).description == "2025-07-10")
    #expect(Timeliness(dataset: dataset, snapshotIndex: 0, province: 0, criterion: t03) == .overdue(days: 5))
    #expect(Aggregates(dataset: dataset).provinces[0].overall == .yellow)
    #expect(OverdueList(dataset: dataset, snapshotIndex: 0).entries.map(\.daysLate) == [5])
  }

  @Test func overdueListIsOldestFirst() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2026-01-05",
      [report("01", "green green yellow"), report("20", "yellow green green"), report("38", "red green red")])
    let dataset = try fixture.load()
    let list = OverdueList(dataset: dataset, snapshotIndex: 0).entries
    let ids = list.map {
      "\(dataset.provinces[$0.province].code) \(dataset.plan.criteria[$0.criterion].id) \($0.daysLate)"
    }
    #expect(ids == ["20 T01 189", "38 T01 189", "01 T03 5", "38 T03 5"])
  }

  /// Equal completion: the province with fewer overdue criteria ranks first.
  @Test func rankingTieBreakIsLateness() throws {
    var fixture = Fixture()
    // Both 2/3 green; Hà Nội's open criterion (T02) is overdue, Lạng Sơn's (T03) is not yet due.
    fixture.snapshot("2025-07-31", [report("01", "green yellow green"), report("20", "green green yellow")])
    let aggregates = Aggregates(dataset: try fixture.load())
    #expect(aggregates.provinces.map(\.overdueCount) == [1, 0, 0])
    #expect(aggregates.rankOrder.prefix(2) == [1, 0])
    #expect(aggregates.ranks[1] == 1 && aggregates.ranks[0] == 2)
  }
}
