import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12 item 19: a key moved in config.json does its action and the old key no longer does;
/// and every screen that names a key names the one bound (help, hint bar, export prompt, the
/// too-small screen), in both languages.
@Suite struct KeyBindingsScreenTests {
  /// quit on `x`, help on `i`, export on `w`, the overdue list on `D`, the filter on `f`, down
  /// also on `J`, no reload key, and Excel on `X` in the export prompt.
  static let remapped = KeyBindings(keys: [
    .quit: ["x"], .help: ["i"], .export: ["w"], .overdue: ["D"], .filter: ["f"], .down: ["j", "J"], .reload: [],
    .exportExcel: ["X"],
  ])

  static func state(_ width: Int, _ height: Int, _ language: Language = .vi) -> AppState {
    AppState(
      data: Fixtures.demo, options: DisplayOptions(language: language, keys: remapped), width: width, height: height)
  }

  @Test func theNewKeyDoesTheActionAndTheOldOneNoLonger() {
    var state = Self.state(80, 24)
    #expect(Fixtures.press(&state, [.character("q")]) == [])
    #expect(Fixtures.press(&state, [.character("Q")]) == [])
    #expect(Fixtures.press(&state, [.character("x")]) == [.quit])
    Fixtures.press(&state, [.character("?")])
    #expect(!state.showHelp)
    Fixtures.press(&state, [.character("i")])
    #expect(state.showHelp)
    // In the help, the bound keys close it and quit.
    Fixtures.press(&state, [.character("i")])
    #expect(!state.showHelp)
    Fixtures.press(&state, [.character("e")])
    #expect(!state.exportPrompt)
    Fixtures.press(&state, [.character("w")])
    #expect(state.exportPrompt)
    // In the prompt, `x` no longer writes Excel; `X` does.
    #expect(Fixtures.press(&state, [.character("x")]) == [])
    #expect(state.exportPrompt)
    guard case .export(let request)? = Fixtures.press(&state, [.character("X")]).first else {
      Issue.record("X in the prompt exports")
      return
    }
    #expect(request.format == .xlsx)
    Fixtures.press(&state, [.character("d")])
    #expect(state.screen == .overview)
    Fixtures.press(&state, [.character("D")])
    #expect(state.screen == .overdue)
    Fixtures.press(&state, [.escape])
    Fixtures.press(&state, [.character("/")])
    #expect(!state.editingFilter)
    Fixtures.press(&state, [.character("f")])
    #expect(state.editingFilter)
    #expect(state.render().text(row: 22).hasPrefix(" Lọc: f_"))
    Fixtures.press(&state, [.escape])
    // A second key for a movement moves as its arrow does; the first still works.
    Fixtures.press(&state, [.character("J"), .character("j")])
    #expect(state.selection == 2)
    // And in the too-small screen, the quit key is the bound one.
    var small = Self.state(40, 10)
    #expect(Fixtures.press(&small, [.character("q")]) == [])
    #expect(Fixtures.press(&small, [.character("x")]) == [.quit])
    #expect(small.render().text.contains("x: thoát"))
  }

  @Test func aLetterBoundToAMovementDoesWhatItsArrowDoes() {
    var moved = AppState(
      data: Fixtures.demo,
      options: DisplayOptions(keys: KeyBindings(keys: [.left: ["a"], .right: ["f"], .down: ["b"]])),
      width: 120, height: 40)
    Fixtures.press(&moved, [.character("b")])
    #expect(moved.selection == 1)
    Fixtures.press(&moved, [.tab, .character("f"), .character("f")])
    #expect(moved.matrixColumn == 2)
    Fixtures.press(&moved, [.character("l"), .character("a")])
    #expect(moved.matrixColumn == 1)
    // `f` is → in every view: in the overview it opens the selected province, as → does.
    Fixtures.press(&moved, [.tab, .character("f")])
    #expect(moved.screen.kind == .province)
    Fixtures.press(&moved, [.character("a")])
    #expect(moved.screen == .overview)
  }

  @Test func theExportPromptNamesTheBoundKeys() {
    var state = Self.state(120, 40, .en)
    Fixtures.press(&state, [.character("w")])
    #expect(state.status?.text == "Export: t text · m Markdown · c CSV · j JSON · X Excel · Esc cancel")
  }

  @Test(arguments: [Language.vi, .en])
  func helpAndHintsNameTheBoundKeysAt80x24(_ language: Language) {
    var state = Self.state(80, 24, language)
    let overview = state.render().text
    let hints = overview.split(separator: "\n").last.map(String.init) ?? ""
    #expect(hints.contains(language == .vi ? "i trợ giúp  x thoát" : "i help  x quit"), "\(hints)")
    #expect(!hints.contains("? "))
    golden.check(overview, "keys-overview-80x24-\(language.rawValue).txt")
    Fixtures.press(&state, [.character("i")])
    let help = state.render().text
    #expect(!help.contains("R "), "reload has no key, so no line")
    #expect(help.contains("↑ ↓  j J  k"), "the keys of one action stay together")
    #expect(help.contains(language == .vi ? "Nhấn i hoặc Esc để đóng" : "Press i or Esc to close"))
    golden.check(help, "keys-help-80x24-\(language.rawValue).txt")
    Fixtures.press(&state, [.end])
    let end = state.render().text
    #expect(end.contains("(D "), "the overdue line says its own key: \(end)")
    #expect(end.contains("│ D  "))
    #expect(end.contains("X Excel"))
    golden.check(end, "keys-help-80x24-\(language.rawValue)-end.txt")
  }

  @Test func theDefaultHelpNamesEveryDefaultKey() {
    var state = Fixtures.state(200, 60, .en)
    Fixtures.press(&state, [.character("?")])
    let help = state.render().text
    for key in ["↑ ↓  j k", "Home End  g G", "[  ]", "← →  h l", "H  L", "n  N", "q Q  Ctrl-C"] {
      #expect(help.contains(key), "\(key)")
    }
    #expect(help.contains("t text, m Markdown, c CSV, j JSON, x Excel"))
    #expect(help.contains("(d or Esc to go back)"))
  }
}
