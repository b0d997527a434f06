import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// The status line after reloads (issue 10 item 7): the newest event wins, a failure is never
/// hidden behind an earlier "reloaded", and the full error can be read in the help overlay.
@Suite struct ReloadStatusTests {
  static let statusRow = 28

  private func state() -> AppState {
    AppState(data: Fixtures.demo, width: 100, height: 30, dataPath: "tinh.json")
  }

  private func statusLine(_ state: AppState) -> String { state.render().text(row: Self.statusRow) }

  @Test func aFailureAfterAGoodReloadShowsAtOnceAndStaysAfterAKey() {
    var state = state()
    _ = state.update(.dataReloaded(Fixtures.demo))
    #expect(statusLine(state).contains("Đã tải lại dữ liệu"))
    _ = state.update(.reloadFailed("tinh.json:3:12: error: invalid JSON"))
    // No key pressed: the failure replaces the earlier success.
    #expect(statusLine(state).contains("tinh.json:3:12: error: invalid JSON"))
    #expect(!statusLine(state).contains("Đã tải lại"))
    Fixtures.press(&state, [.down])
    #expect(statusLine(state).contains("vẫn hiển thị dữ liệu cũ: tinh.json:3:12"), "kept until a good reload")
    _ = state.update(.dataReloaded(Fixtures.demo))
    #expect(statusLine(state).contains("Đã tải lại dữ liệu"))
    Fixtures.press(&state, [.down])
    #expect(!statusLine(state).contains("tinh.json:3:12"))
  }

  @Test func theNewestEventWins() {
    var state = state()
    _ = state.update(.reloadFailed("tinh.json: error: gone"))
    _ = state.update(.exportFinished(.success("/tmp/x.txt")))
    #expect(statusLine(state).contains("Đã xuất tệp: /tmp/x.txt"))
    _ = state.update(.reloadFailed("tinh.json: error: a loop"))
    #expect(statusLine(state).contains("tinh.json: error: a loop"))
  }

  @Test func theHelpOverlayShowsTheWholeError() {
    var state = AppState(data: Fixtures.demo, width: 120, height: 60, dataPath: "tinh.json")
    let ending = "and this is the end of a long message"
    let message = "tinh.json:3:12: error: " + String(repeating: "a long explanation ", count: 12) + ending
    #expect(message.count > 200)
    _ = state.update(.reloadFailed(message))
    #expect(!state.render().text(row: 58).contains(ending), "the status line has room for the start only")
    Fixtures.press(&state, [.character("?")])
    let overlay = state.render().text
    #expect(overlay.contains("Lỗi tải lại gần nhất"))
    #expect(overlay.contains("end of a long message"))
  }

  @Test func theHelpOverlayWithoutAnErrorIsUnchanged() {
    var state = state()
    Fixtures.press(&state, [.character("?")])
    #expect(!state.render().text.contains("Lỗi tải lại gần nhất"))
  }

  @Test func capitalROnTheDemoSaysSoWithoutAskingTheShell() {
    var state = Fixtures.state(100, 30)
    #expect(Fixtures.press(&state, [.character("R")]) == [])
    #expect(statusLine(state).contains("không có tệp để tải lại"))
  }
}

/// The loop without back and forth (issue 15 item 4): a key lays out at most once, and the `e`
/// key's document is built by whoever reads the request, from the state as it was.
@Suite struct LayoutOnceTests {
  @Test func movingLaysOutNothingAndAFilterKeyLaysOutOnce() {
    var state = Fixtures.state(100, 30)
    // The shell's first event, as on a real terminal: the page is laid out for it.
    _ = state.update(.resize(width: 100, height: 30))
    let start = state.layoutsMade
    Fixtures.press(&state, [.down, .down, .pageDown, .up])
    _ = state.render()
    #expect(state.layoutsMade == start, "moving the selection keeps the layout")
    Fixtures.press(&state, [.character("/")])
    let before = state.layoutsMade
    Fixtures.type(&state, "h")
    _ = state.render()
    #expect(state.layoutsMade == before + 1, "one key, one layout")
    Fixtures.press(&state, [.enter])
    let opened = state.layoutsMade
    Fixtures.press(&state, [.down, .pageDown])
    #expect(state.layoutsMade == opened, "scrolling a province keeps its layout")
  }

  @Test func theRenderedFrameMatchesAFreshLayout() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.down, .down, .down, .tab, .down, .right])
    #expect(state.currentPage().selectedRow == state.selection)
    let kept = state.render().text
    state.layout = nil
    #expect(state.render().text == kept)
  }

  @Test func theExportDocumentIsTheStateAtTheKeyPress() {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.down])
    let expected = state.document().text
    guard case .export(let request)? = Fixtures.press(&state, [.character("e"), .character("t")]).first else {
      Issue.record("e asks for an export")
      return
    }
    Fixtures.press(&state, [.tab, .down, .down])
    #expect(request.viewName == "overview")
    #expect(request.text == expected, "later keys do not change what was asked for")
  }
}
