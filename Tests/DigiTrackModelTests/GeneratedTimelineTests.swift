import Testing

@testable import DigiTrackModel

/// `generate --snapshots N [--every DAYS]`: report dates `every` days apart, progress that rises
/// with some regressions and some lateness, the same bytes for the same seed, and files the
/// loader accepts without a warning.
@Suite struct GeneratedTimelineTests {
  static let seed: UInt64 = 20_251_229

  func weekly(_ snapshots: Int, every: Int = 7) throws -> Dataset {
    print("GeneratedTimelineTests seed \(Self.seed)")
    let generator = SyntheticDataset(
      provinces: 34, communes: 400, criteria: 40, snapshots: snapshots, every: every, seed: Self.seed)
    let loaded = try DatasetLoader().load(bytes: generator.json(), name: "weekly.json")
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings.prefix(3))")
    return loaded.dataset
  }

  @Test func datesAreEveryDaysApartEndingAtTheYearEndReview() throws {
    let dataset = try weekly(52)
    #expect(dataset.snapshots.count == 52)
    #expect(dataset.latest.date.description == "2025-12-29")
    let dates = dataset.snapshots.map(\.date)
    #expect(zip(dates, dates.dropFirst()).allSatisfy { $0.days(to: $1) == 7 })
    #expect(dates[0].description == "2025-01-06")
    let monthly = try weekly(3, every: 30)
    #expect(monthly.snapshots.map(\.date.description) == ["2025-10-30", "2025-11-29", "2025-12-29"])
  }

  @Test func progressRisesWithSomeRegressionsAndSomeLateness() throws {
    let dataset = try weekly(52)
    let trend = Trend(dataset: dataset)
    let provincial = try #require(trend.national.first { $0.id == Trend.provincialCriteria })
    let values = provincial.points.map { $0?.value ?? 0 }
    #expect(values.last! > values.first! * 2, "\(values.first!) → \(values.last!)")
    // Mostly rising: a dip here and there, never a collapse.
    let dips = zip(values, values.dropFirst()).count { $1 < $0 }
    #expect(dips < 10, "\(dips) dips")
    // Regressions: some criteria go from green back to another status between two dates.
    var regressions = 0
    for index in 1..<dataset.snapshots.count {
      regressions += ChangeSummary(dataset: dataset, from: index - 1, to: index).criteria.regressions
    }
    #expect(regressions > 0)
    // Lateness: at the last date some criteria are overdue, and some were done late.
    let last = Aggregates(dataset: dataset)
    #expect(last.provinces.contains { $0.overdueCount > 0 })
    #expect(last.provinces.contains { $0.provincial.done > 0 })
    // Communes progress too, one by one.
    let communes = try #require(trend.national.first { $0.id == Trend.communesGreen })
    #expect((communes.points.last??.value ?? 0) > (communes.points.first??.value ?? 0))
  }

  @Test func theSameSeedGivesTheSameFile() throws {
    let a = try SyntheticDataset(provinces: 5, communes: 50, criteria: 10, snapshots: 8, seed: Self.seed).json()
    let b = try SyntheticDataset(provinces: 5, communes: 50, criteria: 10, snapshots: 8, seed: Self.seed).json()
    #expect(a == b)
    let other = try SyntheticDataset(provinces: 5, communes: 50, criteria: 10, snapshots: 8, seed: 1).json()
    #expect(a != other)
  }

  @Test func everyIsChecked() {
    #expect(throws: SyntheticDataset.Invalid.self) { try SyntheticDataset(every: 0).validate() }
    #expect(throws: SyntheticDataset.Invalid.self) { try SyntheticDataset(every: 367).validate() }
  }
}
