import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Key scripts through `update`: navigation, filter, sort, drill-down, back, export.
@Suite struct StateMachineTests {
  @Test func downThreeTimesAndEnterOpensTheFourthProvince() {
    var state = Fixtures.state(120, 40)
    let fourth = state.order[3]
    Fixtures.press(&state, [.down, .down, .down, .enter])
    #expect(state.screen == .province(fourth, back: .overview))
    let name = Fixtures.demo.dataset.provinces[fourth].name
    #expect(state.render().text(row: 0).contains(name))
  }

  @Test func filterWithoutDiacriticsFindsLangSonAndEnterKeepsItThenOpens() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "lang son")
    #expect(state.order == [Fixtures.index(of: "Lạng Sơn")])
    Fixtures.press(&state, [.enter])
    #expect(state.screen == .overview)
    Fixtures.press(&state, [.enter])
    #expect(state.screen == .province(Fixtures.index(of: "Lạng Sơn"), back: .overview))
    #expect(state.render().text.contains("31/32"))
  }

  @Test(arguments: [
    ("da nang", "Đà Nẵng"), ("THANH HOA", "Thanh Hóa"), ("thanh hoá", "Thanh Hóa"), ("hue", "Huế"),
    ("ho chi minh", "TP. Hồ Chí Minh"),
  ])
  func filterIgnoresCaseAndDiacritics(_ query: String, _ name: String) {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, query)
    #expect(state.order.contains(Fixtures.index(of: name)))
  }

  @Test func escapeClearsTheFilter() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "zzz")
    #expect(state.order.isEmpty)
    #expect(state.render().text.contains("Không có tỉnh nào khớp"))
    Fixtures.press(&state, [.escape])
    #expect(state.order.count == 34)
    #expect(!state.editingFilter)
  }

  @Test func sortCyclesAndReverses() {
    var state = Fixtures.state(120, 40)
    #expect(state.sort == .rank)
    Fixtures.press(&state, [.character("s")])
    #expect(state.sort == .name)
    let names = state.order.map { Fixtures.demo.dataset.provinces[$0].name }
    #expect(names.first == "An Giang")
    #expect(state.render().text.contains("Sắp xếp: tên"))
    Fixtures.press(&state, [.character("r")])
    #expect(state.order.map { Fixtures.demo.dataset.provinces[$0].name } == names.reversed())
    Fixtures.press(&state, [.character("s"), .character("s"), .character("s"), .character("s")])
    #expect(state.sort == .rank)
  }

  @Test func navigationClampsAtBothEnds() {
    var state = Fixtures.state(80, 24)
    Fixtures.press(&state, [.up, .up])
    #expect(state.selection == 0)
    Fixtures.press(&state, [.end])
    #expect(state.selection == 33)
    Fixtures.press(&state, [.down, .pageDown])
    #expect(state.selection == 33)
    Fixtures.press(&state, [.character("g")])
    #expect(state.selection == 0)
    Fixtures.press(&state, [.character("G"), .pageUp])
    #expect(state.selection < 33)
    #expect(state.selection > 0)
  }

  @Test func selectionStaysVisibleWhileScrolling() {
    var state = Fixtures.state(80, 24)
    for _ in 0..<33 {
      Fixtures.press(&state, [.down])
      let screen = state.render()
      let name = String(Fixtures.demo.dataset.provinces[state.order[state.selection]].name.prefix(8))
      let visible = (0..<screen.height).contains { screen.text(row: $0).contains(name) }
      #expect(visible, "selected \(name) is off screen")
    }
  }

  @Test func backFromDetailReturnsToWhereItCameFrom() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.tab, .down, .enter])
    guard case .province(_, let back) = state.screen else {
      Issue.record("Enter in the matrix should open the province")
      return
    }
    #expect(back == .matrix)
    Fixtures.press(&state, [.escape])
    #expect(state.screen == .matrix)
    Fixtures.press(&state, [.tab, .enter, .backspace])
    #expect(state.screen == .overview)
    Fixtures.press(&state, [.enter, .left])
    #expect(state.screen == .overview)
  }

  /// The request is checked against the screen, not against `document()` that builds it.
  @Test func exportKeyAsksForTheCurrentViewsDocument() {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.down])
    let screen = state.render()
    let effects = Fixtures.press(&state, [.character("e"), .character("t")])
    guard case .export(let request) = effects.first, effects.count == 1 else {
      Issue.record("expected one export effect, got \(effects)")
      return
    }
    #expect(request.viewName == "overview")
    let lines = Set(request.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    for row in 0..<(screen.height - 2) {
      #expect(lines.contains(screen.text(row: row)), "screen row \(row) missing from the export")
    }
    #expect(!lines.contains(screen.text(row: screen.height - 1)), "the key hints are not exported")
    // Rows scrolled out of sight are in it too: every province, the last in rank order included.
    #expect(Fixtures.demo.dataset.provinces.allSatisfy { request.text.contains($0.name) })
    Fixtures.press(&state, [.tab])
    guard case .export(let matrix) = Fixtures.press(&state, [.character("e"), .character("t")]).first else {
      Issue.record("no export effect in the matrix")
      return
    }
    #expect(matrix.viewName == "matrix")
    #expect(matrix.text != request.text)
    _ = state.update(.exportFinished(.success("/tmp/x.txt")))
    #expect(state.render().text.contains("Đã xuất tệp: /tmp/x.txt"))
    _ = state.update(.exportFinished(.failure(ExportError("/nope: No such file or directory"))))
    #expect(state.render().text.contains("Không xuất được: /nope"))
  }

  @Test func quitKeys() {
    var state = Fixtures.state(100, 30)
    #expect(Fixtures.press(&state, [.character("q")]) == [.quit])
    #expect(Fixtures.press(&state, [.interrupt]) == [.quit])
    var small = Fixtures.state(10, 3)
    #expect(Fixtures.press(&small, [.down]) == [])
    #expect(Fixtures.press(&small, [.character("q")]) == [.quit])
  }

  @Test func helpOverlayOpensAndCloses() {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.character("?")])
    #expect(state.showHelp)
    #expect(state.render().text.contains("Trợ giúp"))
    Fixtures.press(&state, [.escape])
    #expect(!state.showHelp)
  }

  @Test func mouseClickSelectsAndWheelScrolls() {
    var state = Fixtures.state(120, 40)
    let top = state.currentPage().top.count
    _ = state.update(.mouse(MouseEvent(.press, x: 10, y: top + 2)))
    #expect(state.selection == 2)
    _ = state.update(.mouse(MouseEvent(.wheelDown, x: 10, y: top)))
    #expect(state.selection == 5)
    _ = state.update(.mouse(MouseEvent(.press, x: 10, y: top + 5 - state.listOffset)))
    #expect(state.screen == .province(state.order[5], back: .overview))
  }

  @Test func everySizeFromOneByOneRenders() {
    var state = Fixtures.state(1, 1)
    for width in stride(from: 1, through: 300, by: 7) {
      for height in stride(from: 1, through: 100, by: 3) {
        _ = state.update(.resize(width: width, height: height))
        let canvas = state.render()
        #expect(canvas.width == width && canvas.height == height)
      }
    }
    Fixtures.press(&state, [.enter])
    let opened = state.screen
    #expect(opened != .overview, "Enter at 300×100 opens the selected province")
    for width in stride(from: 1, through: 300, by: 13) {
      let height = width % 100 + 1
      _ = state.update(.resize(width: width, height: height))
      let canvas = state.render()
      #expect(canvas.width == width && canvas.height == height)
      #expect(state.screen == opened, "a resize keeps the open province")
    }
  }
}

/// Live reload as the state machine sees it: the shell loads, the state keeps the view.
@Suite struct ReloadTests {
  @Test func capitalRAsksForAReload() {
    var state = AppState(data: Fixtures.demo, width: 100, height: 30, dataPath: "tinh.json")
    #expect(Fixtures.press(&state, [.character("R")]) == [.reload(path: "tinh.json")])
  }

  @Test func aGoodReloadKeepsTheOpenProvinceAndTheSelection() throws {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.down, .down, .down, .down])
    let selected = state.selectedProvince
    Fixtures.press(&state, [.enter])
    let screen = state.screen
    let reloaded = DashboardData(dataset: Fixtures.demo.dataset, sourceName: "tinh.json")
    _ = state.update(.dataReloaded(reloaded))
    #expect(state.screen == screen)
    Fixtures.press(&state, [.escape])
    #expect(state.selectedProvince == selected)
  }

  @Test func aBadReloadKeepsTheDataAndShowsTheError() {
    var state = Fixtures.state(100, 30)
    let before = state.render().text(row: 5)
    _ = state.update(.reloadFailed("tinh.json:3:12: error: invalid JSON"))
    let screen = state.render()
    #expect(screen.text(row: 5) == before)
    #expect(screen.text(row: 28).contains("vẫn hiển thị dữ liệu cũ: tinh.json:3:12: error: invalid JSON"))
    #expect(screen.styleMask.split(separator: "\n")[28].contains("x"))
    _ = state.update(.dataReloaded(Fixtures.demo))
    #expect(!state.render().text(row: 28).contains("tinh.json:3:12"))
  }
}
