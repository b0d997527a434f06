import Testing

@testable import DigiTrackUI

/// Going back lays out nothing (issue 14, key to frame): Esc from a province and Tab back from
/// the matrix find the overview's layout kept, and the frame is the one a fresh layout draws.
@Suite struct LayoutReuseTests {
  @Test func escAndTabBackToTheOverviewLayOutNothing() {
    var state = Fixtures.state(120, 40)
    _ = state.update(.resize(width: 120, height: 40))
    let overview = state.render().text
    let start = state.layoutsMade
    _ = Fixtures.press(&state, [.enter])
    #expect(state.layoutsMade == start + 1, "opening a province lays it out")
    _ = Fixtures.press(&state, [.escape])
    #expect(state.layoutsMade == start + 1, "Esc finds the overview laid out")
    #expect(state.render().text == overview)
    _ = Fixtures.press(&state, [.tab])
    #expect(state.layoutsMade == start + 2, "the matrix is laid out")
    _ = Fixtures.press(&state, [.tab])
    #expect(state.layoutsMade == start + 2, "Tab back finds the overview laid out")
    #expect(state.render().text == overview)
    state.layout = nil
    state.previousLayout = nil
    #expect(state.render().text == overview, "the kept layout is the one a fresh layout gives")
  }

  @Test func aChangeWhileAwayIsLaidOutAgain() {
    var state = Fixtures.state(120, 40)
    _ = state.update(.resize(width: 120, height: 40))
    _ = Fixtures.press(&state, [.enter])
    // A new size while in the province: the overview kept for the old size is not reused.
    _ = state.update(.resize(width: 100, height: 30))
    let before = state.layoutsMade
    _ = Fixtures.press(&state, [.escape])
    #expect(state.layoutsMade == before + 1)
    let shown = state.render().text
    state.layout = nil
    #expect(state.render().text == shown)
  }
}
