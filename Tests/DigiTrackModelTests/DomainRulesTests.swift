import Testing

@testable import DigiTrackModel

/// The rules the views used to hold themselves: a row's dominant status and each criterion's
/// position within its level.
@Suite struct DomainRulesTests {
  @Test func theDominantStatusIsTheMostSevereAndNotReportedWhenNothingWas() {
    #expect(Status.dominant(of: [.green, .yellow, .notReported]) == .yellow)
    #expect(Status.dominant(of: [.green, .red, .yellow]) == .red)
    #expect(Status.dominant(of: [.green, .notReported]) == .notReported)
    #expect(Status.dominant(of: [.green, .green]) == .green)
    #expect(Status.dominant(of: [.notReported, .notReported]) == .notReported)
    #expect(Status.dominant(of: []) == .notReported)
  }

  @Test func levelOrdinalsCountWithinEachLevel() throws {
    let plan = try DemoDataset.load().dataset.plan
    #expect(!plan.provincialCriteria.isEmpty && !plan.communeCriteria.isEmpty)
    let ordinals = plan.levelOrdinals
    #expect(plan.provincialCriteria.map { ordinals[$0] } == Array(0..<plan.provincialCriteria.count))
    #expect(plan.communeCriteria.map { ordinals[$0] } == Array(0..<plan.communeCriteria.count))
  }
}
