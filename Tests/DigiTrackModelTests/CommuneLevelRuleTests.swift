import Testing

@testable import DigiTrackModel

/// Issue 12, items 3 and 11: what commune figures imply, the bands they are shown in, and the one
/// overall rule for provinces and communes.
@Suite struct CommuneLevelRuleTests {
  static let demo: Dataset = {
    do { return try DemoDataset.load().dataset } catch { fatalError("the built-in demo must load: \(error)") }
  }()

  @Test func langSonsGreenTotalImpliesEveryCommuneCriterion() throws {
    let dataset = Self.demo
    let province = try #require(dataset.provinces.firstIndex { $0.name == "Lạng Sơn" })
    let report = try #require(dataset.snapshots.last?.reports[province])
    #expect(report.communes.green == 65 && report.communes.total == 65)
    #expect(report.communes.byCriterion.allSatisfy { $0 == nil }, "the demo gives no per-criterion count")
    for ordinal in dataset.plan.communeCriteria.indices {
      #expect(report.communes.green(onCriterion: ordinal) == 65)
      #expect(report.communes.isImplied(ordinal))
    }
    let detail = ProvinceDetail(
      dataset: dataset, aggregates: Aggregates(dataset: dataset), province: province)
    #expect(detail.communeByCriterion.allSatisfy { $0 == Ratio(65, of: 65) })
    let communeIDs = Set(dataset.plan.communeCriteria)
    #expect(detail.stillOpen(plan: dataset.plan).allSatisfy { !communeIDs.contains($0) })
  }

  @Test func aGreenCountShortOfTheTotalImpliesNothing() {
    let communes = CommuneCompletion(
      green: 64, total: 65, byCriterion: [nil, 65], units: nil, provenance: .illustrative)
    #expect(communes.green(onCriterion: 0) == nil && !communes.isImplied(0))
    #expect(communes.green(onCriterion: 1) == 65 && !communes.isImplied(1))
  }

  @Test func levelsTellNoneFromAlmostAll() {
    #expect(CommuneLevel(Ratio(0, of: 126)) == CommuneLevel.none)
    #expect(CommuneLevel(Ratio(1, of: 126)) == .few)
    #expect(CommuneLevel(Ratio(63, of: 126)) == .half)
    #expect(CommuneLevel(Ratio(114, of: 126)) == .most)
    #expect(CommuneLevel(Ratio(125, of: 126)) == .most)
    #expect(CommuneLevel(Ratio(126, of: 126)) == .all)
    #expect(CommuneLevel(Ratio(0, of: 0)) == nil && CommuneLevel(nil) == nil)
  }

  @Test func oneOverallRuleForCommunesAndProvinces() {
    let seven = Array(repeating: Status.green, count: 7)
    #expect(Status.overall(seven + [.notReported]) { _ in true } == .yellow, "due and not reported")
    #expect(Status.overall(seven + [.notReported]) { $0 < 7 } == .green, "not yet due")
    #expect(Status.overall(seven + [.yellow]) { _ in false } == .green)
    #expect(Status.overall(seven + [.red]) { _ in false } == .red)
    #expect(Status.overall(Array(repeating: .notReported, count: 8)) { _ in true } == .notReported)
    let units = CommuneUnits(
      codes: ["1"], names: ["Xã A"], kinds: [.commune], statuses: seven + [.notReported], criteriaCount: 8)
    #expect(units.overall(0, due: Array(repeating: true, count: 8)) == .yellow)
    #expect(units.isOpen(0))
  }

  @Test func aPhaseFlagIsReadAtTheReportDate() throws {
    let plan = Self.demo.plan
    let before = try #require(CalendarDate(iso: "2025-12-29"))
    let after = try #require(CalendarDate(iso: "2026-01-01"))
    #expect(plan.phaseStatus(false, phase: 1, on: before) == .yellow)
    #expect(plan.phaseStatus(false, phase: 1, on: after) == .red)
    #expect(plan.phaseStatus(true, phase: 1, on: after) == .green)
    #expect(plan.phaseStatus(nil, phase: 1, on: after) == .notReported)
  }
}
