import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Golden screens of the overdue view: at both demo dates (31/07/2025 and 29/12/2025, where the
/// demo has nothing overdue, so the empty list is shown in words) and, for a list with rows, the
/// demo moved past the phase-2 deadline (`OverdueViewTests.pastPhaseTwo`), in both languages at
/// 80×24 and 200×60.
@Suite struct OverdueGoldenTests {
  static let cases: [(String, Int, Int, Language)] = [(80, 24), (200, 60)].flatMap { size in
    Language.allCases.map { ("\(size.0)x\(size.1)-\($0.rawValue)", size.0, size.1, $0) }
  }

  static func screen(_ data: DashboardData, _ name: String, snapshot: Int? = nil) -> String {
    let (_, width, height, language) = cases.first { $0.0 == name }!
    var state = AppState(data: data, options: DisplayOptions(language: language), width: width, height: height)
    if let snapshot { Fixtures.press(&state, Array(repeating: .character("["), count: snapshot)) }
    Fixtures.press(&state, [.character("d")])
    return state.render().text
  }

  @Test(arguments: cases.map(\.0))
  func atThePhaseOneReview(_ name: String) {
    golden.check(Self.screen(Fixtures.demo, name, snapshot: 1), "overdue-2025-07-31-\(name).txt")
  }

  @Test(arguments: cases.map(\.0))
  func atTheLatestDemoDate(_ name: String) {
    golden.check(Self.screen(Fixtures.demo, name), "overdue-2025-12-29-\(name).txt")
  }

  @Test(arguments: cases.map(\.0))
  func pastThePhaseTwoDeadline(_ name: String) {
    golden.check(Self.screen(OverdueViewTests.pastPhaseTwo, name), "overdue-2026-01-15-\(name).txt")
  }
}
