import TestSupport
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

/// Rows drawn once are copied at the next frames of the same layout (`DrawnRows`), and every
/// frame is cell for cell the one drawn without them: over seeded random keys through every
/// screen (moves, Enter, Esc, Tab, sorting, filtering, scrolling, the help overlay).
@Suite struct DrawnRowsTests {
  @Test func framesFromKeptRowsAreFramesDrawnAnew() {
    var random = SeededRandom.fromEnvironment("DrawnRowsTests")
    let seed = random.seed
    var state = Fixtures.state(120, 40)
    _ = state.update(.resize(width: 120, height: 40))
    let keys: [Key] = [
      .down, .down, .up, .pageDown, .pageUp, .home, .end, .enter, .escape, .tab, .backTab, .left, .right,
      .character("s"), .character("r"), .character("o"), .character("j"), .character("k"), .character("d"),
      .character("t"), .character("?"), .character("n"), .character("]"), .character("["),
    ]
    var copied = 0
    for step in 0..<300 {
      let key = keys.randomElement(using: &random) ?? .down
      _ = Fixtures.press(&state, [key])
      let kept = state.keptDrawnRows
      let before = kept?.copied ?? 0
      let shown = state.render()
      copied += (kept?.copied ?? 0) - before
      var fresh = state
      fresh.layout = nil
      fresh.previousLayout = nil
      let drawn = fresh.render()
      let first = shown.cells.indices.first { shown.cells[$0] != drawn.cells[$0] }
      #expect(first == nil, "step \(step) key \(key) seed \(seed): cell \(first ?? 0) differs")
      if first != nil { break }
    }
    #expect(copied > 1000, "rows are copied, not drawn again (seed \(seed))")
  }
}
