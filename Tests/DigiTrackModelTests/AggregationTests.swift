import Testing

@testable import DigiTrackModel

/// Ratios, province summaries, rankings, national roll-ups, province details and changes.
@Suite struct AggregationTests {
  // MARK: - Ratio

  @Test func zeroOverZeroHasNoFraction() {
    #expect(Ratio(0, of: 0).fraction == nil)
    #expect(Ratio.empty == Ratio(0, of: 0))
    #expect(!Ratio.empty.isComplete)
    #expect((Ratio.empty + .empty).fraction == nil)
  }

  static let ratios: [(Int, Int, Double?)] = [
    (0, 0, nil), (5, 0, nil), (-3, 0, nil), (0, -4, nil), (-1, -1, nil),
    (0, 4, 0), (1, 4, 0.25), (4, 4, 1), (5, 4, 1), (Int.max, 1, 1), (-2, 4, 0), (1, Int.max, 1 / Double(Int.max)),
  ]

  @Test(arguments: 0..<ratios.count)
  func fractionIsNeverNaNInfiniteOrNegative(_ index: Int) {
    let (done, total, expected) = Self.ratios[index]
    let ratio = Ratio(done, of: total)
    #expect(ratio.done >= 0 && ratio.total >= 0)
    #expect(ratio.fraction == expected, "\(done)/\(total)")
    if let fraction = ratio.fraction {
      #expect(fraction.isFinite && (0...1).contains(fraction))
    }
  }

  @Test func ratioArithmetic() {
    #expect(Ratio(1, of: 3) + Ratio(2, of: 3) == Ratio(3, of: 6))
    #expect(Ratio(-1, of: 2) == Ratio(0, of: 2))
    #expect(Ratio(3, of: 3).isComplete)
    #expect(Ratio(4, of: 3).isComplete)
    #expect(!Ratio(2, of: 3).isComplete)
  }

  // MARK: - Nothing reported, everything green

  @Test func nothingReported() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-07-31", [])
    let dataset = try fixture.load()
    let aggregates = Aggregates(dataset: dataset)
    for summary in aggregates.provinces {
      #expect(!summary.reported)
      #expect(summary.overall == .notReported)
      #expect(!summary.isFullyGreen)
      #expect(summary.provincial == Ratio(0, of: 3))
      #expect(summary.commune == nil)
      #expect(summary.phaseGreen == [nil, nil])
      #expect(summary.statusCounts == [0, 0, 0, 3])
      #expect(summary.provincialProvenance == nil)
    }
    let national = aggregates.national
    #expect(national.provinceCount == 3)
    #expect(national.reportedCount == 0)
    #expect(national.fullyGreen == 0)
    #expect(national.phaseGreen == [0, 0])
    #expect(national.provincial == .empty)
    #expect(national.provincial.fraction == nil)
    #expect(national.communes == .empty)
    #expect(national.communes.fraction == nil)
    #expect(!national.communesComplete)
    #expect(national.pillars == [.empty, .empty])
    #expect(aggregates.ranks == [1, 1, 1])
    #expect(aggregates.rankOrder == [0, 1, 2])
  }

  @Test func everythingGreen() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green green green", communes: ["green": 4, "src": "src"]),
        report("20", "green green green", communes: ["green": 3, "src": "src"]),
        report("38", "green green green", communes: ["green": 5, "src": "src"]),
      ])
    let aggregates = Aggregates(dataset: try fixture.load())
    for summary in aggregates.provinces {
      #expect(summary.overall == .green)
      #expect(summary.isFullyGreen)
      #expect(summary.phaseGreen == [true, true])
      #expect(summary.phaseGreenProvenance == nil, "derived, not published")
      #expect(summary.provincial.fraction == 1)
      #expect(summary.commune?.isComplete == true)
    }
    #expect(aggregates.ranks == [1, 1, 1])
    #expect(aggregates.national.fullyGreen == 3)
    #expect(aggregates.national.phaseGreen == [3, 3])
    #expect(aggregates.national.provincial == Ratio(9, of: 9))
    #expect(aggregates.national.communes == Ratio(12, of: 12))
    #expect(aggregates.national.communesComplete)
    #expect(aggregates.national.pillars == [Ratio(3, of: 3), Ratio(6, of: 6)])
  }

  // MARK: - Phase flags and overall status

  /// A summary after both deadlines (by default), so every criterion is due.
  func summary(_ report: [String: Any], on date: String = "2026-01-01") throws -> ProvinceSummary {
    var fixture = Fixture()
    fixture.snapshot(date, [report])
    let dataset = try fixture.load()
    let index = try #require(dataset.provinces.firstIndex { $0.code == report["province"] as? String })
    return Aggregates(dataset: dataset).provinces[index]
  }

  @Test func derivedPhaseFlags() throws {
    let mixed = try summary(report("01", "green green yellow"))
    #expect(mixed.phaseGreen == [true, false])
    #expect(mixed.phaseGreenProvenance == nil)
    #expect(mixed.overall == .yellow)

    let phaseOneOpen = try summary(report("01", "green not_reported green"))
    #expect(phaseOneOpen.phaseGreen == [false, true])
    #expect(phaseOneOpen.overall == .yellow)
    #expect(phaseOneOpen.statusCounts == [2, 0, 0, 1])
  }

  @Test func publishedPhaseFlagsOverrideDerived() throws {
    // Published green although T02 is yellow (Lạng Sơn was reported green with 31/32).
    let publishedGreen = try summary(report("20", "green yellow green", phaseGreen: ["1": true, "src": "src"]))
    #expect(publishedGreen.phaseGreen == [true, true])
    #expect(publishedGreen.phaseGreenProvenance == .source(0))
    #expect(publishedGreen.overall == .green)
    #expect(publishedGreen.provincial == Ratio(2, of: 3))

    // Published "not green" although every phase-2 criterion is green.
    let publishedNot = try summary(report("20", "green green green", phaseGreen: ["2": false, "src": "illustrative"]))
    #expect(publishedNot.phaseGreen == [true, false])
    #expect(publishedNot.phaseGreenProvenance == .illustrative)
    #expect(publishedNot.overall == .yellow)
  }

  @Test func anyRedMakesOverallRed() throws {
    let red = try summary(report("01", "red green green", phaseGreen: ["1": true, "2": true, "src": "src"]))
    #expect(red.phaseGreen == [true, true])
    #expect(red.overall == .red)
    #expect(red.statusCounts == [2, 0, 1, 0])
  }

  @Test func reportWithoutAnyStatusIsNotReported() throws {
    let empty = try summary(report("01", "- - -"))
    #expect(empty.reported)
    #expect(empty.overall == .notReported)
    #expect(empty.statusCounts == [0, 0, 0, 3])
    #expect(empty.phaseGreen == [false, false])
  }

  @Test func publishedCountGivesTheProvenance() throws {
    let counted = try summary(
      report("20", "green green yellow", src: "illustrative", reported: ["done": 2, "total": 3, "src": "src"]))
    #expect(counted.provincialProvenance == .source(0))
    let uncounted = try summary(report("20", "green green yellow", src: "illustrative"))
    #expect(uncounted.provincialProvenance == .illustrative)
  }

  // MARK: - Ranking

  @Test func competitionRankingWithTies() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green green yellow"),  // 2/3, nothing overdue (T03 is due 31/12)
        report("20", "green yellow yellow"),  // 1/3
        report("38", "green green yellow"),  // 2/3, nothing overdue
      ])
    let aggregates = Aggregates(dataset: try fixture.load())
    #expect(aggregates.ranks == [1, 3, 1])
    #expect(aggregates.rankOrder == [0, 2, 1])
  }

  @Test func communeCompletionBreaksTies() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green yellow green", communes: ["green": 1, "src": "src"]),  // 2/3, 1/4
        report("20", "green yellow green", communes: ["green": 3, "src": "src"]),  // 2/3, 3/3
        report("38", "green green green", communes: ["green": 0, "src": "src"]),  // 3/3, 0/5
      ])
    let aggregates = Aggregates(dataset: try fixture.load())
    #expect(aggregates.ranks == [3, 2, 1])
    #expect(aggregates.rankOrder == [2, 1, 0])
  }

  @Test func rankingTiesAcrossFourProvinces() throws {
    var fixture = Fixture()
    fixture.provinces.append(("96", "Cà Mau", 2))
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green green green"),
        report("20", "green green yellow"),
        report("38", "green green green"),
        report("96", "green green yellow"),
      ])
    let aggregates = Aggregates(dataset: try fixture.load())
    #expect(aggregates.ranks == [1, 3, 1, 3])
    #expect(aggregates.rankOrder == [0, 2, 1, 3])
  }

  @Test func provinceWithoutReportRanksLast() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "yellow yellow yellow"),  // reported, nothing green, no commune count
        report("38", "green yellow yellow"),
      ])
    let aggregates = Aggregates(dataset: try fixture.load())
    #expect(aggregates.ranks[2] == 1)
    #expect(!aggregates.provinces[1].reported)
    #expect(aggregates.ranks == [2, 3, 1])

  }

  // MARK: - National roll-ups

  @Test func nationalPillarsAndCommunes() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green yellow green", communes: ["green": 2, "src": "src"]),
        report("20", "yellow green green"),
      ])
    let national = Aggregates(dataset: try fixture.load()).national
    // P1 holds T01; P2 holds T02 and T03. Thanh Hóa did not report and is not counted.
    #expect(national.pillars == [Ratio(1, of: 2), Ratio(3, of: 4)])
    #expect(national.provincial == Ratio(4, of: 6))
    #expect(national.reportedCount == 2)
    #expect(national.communes == Ratio(2, of: 4))
    #expect(!national.communesComplete)
    // Phase 1 needs T01 and T02 green (neither has both); phase 2 needs T03 (both have it).
    #expect(national.phaseGreen == [0, 2])
    #expect(national.fullyGreen == 0)
  }

  @Test func nationalMetricsComeFromTheSnapshot() throws {
    let dataset = try DemoDataset.load().dataset
    #expect(Aggregates(dataset: dataset, snapshotIndex: 0).national.metrics.map(\.id) == ["communes-basic-conditions"])
    #expect(Aggregates(dataset: dataset).snapshotIndex == dataset.snapshots.count - 1)
  }

  // MARK: - Communes counted from units

  @Test func communeFiguresAreCountedFromUnits() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [
        report(
          "20", "green green green",
          communes: [
            "src": "src",
            "units": [
              unit("U1", "green", "green", kind: "ward"),
              unit("U2", "green", "yellow"),
              unit("U3", "red", "green"),
            ],
          ])
      ])
    let dataset = try fixture.load()
    let communes = try #require(dataset.latest.reports[1]?.communes)
    #expect(communes.green == 1)
    #expect(communes.total == 3)
    #expect(communes.byCriterion == [2, 2])
    let units = try #require(communes.units)
    #expect(units.codes == ["U1", "U2", "U3"])
    #expect(units.kinds == [.ward, .commune, .commune])
    #expect(units.status(unit: 2, criterion: 0) == .red)
    #expect((0..<3).map { units.isFullyGreen($0) } == [true, false, false])

    let aggregates = Aggregates(dataset: dataset)
    #expect(aggregates.provinces[1].commune == Ratio(1, of: 3))
    let detail = ProvinceDetail(dataset: dataset, aggregates: aggregates, province: 1)
    #expect(detail.communeByCriterion == [Ratio(2, of: 3), Ratio(2, of: 3)])
  }

  @Test func communeCountsWithoutUnits() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-12-29",
      [report("38", "green green green", communes: ["green": 2, "byCriterion": ["C02": 4], "src": "src"])])
    let dataset = try fixture.load()
    let communes = try #require(dataset.latest.reports[2]?.communes)
    #expect(communes.total == 5, "defaults to the province's units.total")
    #expect(communes.green == 2)
    #expect(communes.byCriterion == [nil, 4])
    #expect(communes.units == nil)
    let aggregates = Aggregates(dataset: dataset)
    let detail = ProvinceDetail(dataset: dataset, aggregates: aggregates, province: 2)
    #expect(detail.communeByCriterion == [nil, Ratio(4, of: 5)])
  }

  // MARK: - Province detail and change

  @Test func provinceDetailBreakdown() throws {
    var fixture = Fixture()
    fixture.snapshot("2025-12-29", [report("01", "green yellow green")])
    let dataset = try fixture.load()
    let aggregates = Aggregates(dataset: dataset)
    let detail = ProvinceDetail(dataset: dataset, aggregates: aggregates, province: 0)
    #expect(detail.byPhase == [Ratio(1, of: 2), Ratio(1, of: 1)])
    #expect(detail.byPillar == [Ratio(1, of: 1), Ratio(1, of: 2)])
    #expect(detail.byGroup == [Ratio(2, of: 3)])
    #expect(detail.byBlock == [Ratio(2, of: 3)])
    #expect(detail.report != nil)
    #expect(detail.change == nil, "the first snapshot has nothing to compare with")

    let missing = ProvinceDetail(dataset: dataset, aggregates: aggregates, province: 1)
    #expect(missing.report == nil)
    #expect(missing.byPhase == [Ratio(0, of: 2), Ratio(0, of: 1)])
    #expect(missing.communeByCriterion == [nil, nil])
  }

  @Test func changeListsExactlyTheChangedCriteria() throws {
    var fixture = Fixture()
    fixture.snapshot(
      "2025-07-31",
      [
        report("01", "yellow green -", communes: ["green": 1, "src": "src"]),
        report("38", "green green green"),
      ])
    fixture.snapshot(
      "2025-12-29",
      [
        report("01", "green red yellow", communes: ["green": 3, "src": "src"]),
        report("20", "green - yellow"),
      ])
    let dataset = try fixture.load()

    let hanoi = ProvinceChange(dataset: dataset, from: 0, to: 1, province: 0)
    #expect(hanoi.fromDate == CalendarDate(year: 2025, month: 7, day: 31))
    #expect(hanoi.toDate == CalendarDate(year: 2025, month: 12, day: 29))
    #expect(
      hanoi.statusChanges == [
        .init(criterion: 0, from: .yellow, to: .green),
        .init(criterion: 1, from: .green, to: .red),
        .init(criterion: 2, from: .notReported, to: .yellow),
      ])
    #expect(hanoi.provincialBefore == Ratio(1, of: 3))
    #expect(hanoi.provincialAfter == Ratio(1, of: 3))
    #expect(hanoi.communeBefore == Ratio(1, of: 4))
    #expect(hanoi.communeAfter == Ratio(3, of: 4))

    // A province that reports for the first time: every reported status is a change.
    let langSon = ProvinceChange(dataset: dataset, from: 0, to: 1, province: 1)
    #expect(
      langSon.statusChanges == [
        .init(criterion: 0, from: .notReported, to: .green),
        .init(criterion: 2, from: .notReported, to: .yellow),
      ])
    #expect(langSon.communeBefore == nil)

    // A province that stops reporting.
    let thanhHoa = ProvinceChange(dataset: dataset, from: 0, to: 1, province: 2)
    #expect(thanhHoa.statusChanges.map(\.to) == [.notReported, .notReported, .notReported])

    // The detail at the second snapshot carries the same change.
    let detail = ProvinceDetail(dataset: dataset, aggregates: Aggregates(dataset: dataset), province: 0)
    #expect(detail.change?.statusChanges == hanoi.statusChanges)

    // Nothing changes between a snapshot and itself.
    #expect(ProvinceChange(dataset: dataset, from: 1, to: 1, province: 0).statusChanges.isEmpty)
  }

  // MARK: - Illustrative figures

  @Test func illustrativeFiguresAreNoticed() throws {
    var sourced = Fixture()
    sourced.snapshot("2025-12-29", [report("01", "green green green", src: "src", communes: ["src": "src"])])
    #expect(!(try sourced.load().hasIllustrativeFigures))

    var region = sourced
    region.regionSource = "illustrative"
    #expect(try region.load().hasIllustrativeFigures)

    var units = sourced
    units.unitsSource = "illustrative"
    #expect(try units.load().hasIllustrativeFigures)

    var statuses = Fixture()
    statuses.snapshot("2025-12-29", [report("01", "green green green", src: "illustrative", communes: ["src": "src"])])
    #expect(try statuses.load().hasIllustrativeFigures)

    var flags = Fixture()
    flags.snapshot(
      "2025-12-29",
      [
        report(
          "01", "green green green", src: "src", communes: ["src": "src"],
          phaseGreen: ["1": true, "src": "illustrative"])
      ])
    #expect(try flags.load().hasIllustrativeFigures)

    var count = Fixture()
    count.snapshot(
      "2025-12-29",
      [
        report(
          "01", "green green green", src: "src", communes: ["src": "src"],
          reported: ["done": 3, "total": 3, "src": "illustrative"])
      ])
    let counted = try count.load()
    #expect(Aggregates(dataset: counted).provinces[0].provincialProvenance == .illustrative)
    let flagged = counted.hasIllustrativeFigures
    #expect(flagged)

  }
}
