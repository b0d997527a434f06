import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12 items 10 and 12: the help scrolls at small sizes, the hint bar keeps `?` and `q`,
/// sorting by region shows the region, and the sort label says its direction in words.
@Suite struct HelpAndHintTests {
  @Test(arguments: [Language.vi, .en])
  func helpScrollsToItsLastEntryAt60x14(_ language: Language) {
    var state = Fixtures.state(60, 14, language)
    Fixtures.press(&state, [.character("?")])
    let first = state.render().text
    #expect(first.contains("1–"))
    // The last line's key: the mouse, named in the language.
    let last = language == .vi ? "chuột" : "mouse"
    #expect(!first.contains(" " + last + " "))
    golden.check(first, "help-60x14-\(language.rawValue).txt")
    Fixtures.press(&state, [.end])
    let end = state.render().text
    golden.check(end, "help-60x14-\(language.rawValue)-end.txt")
    #expect(end.contains(last), "\(end)")
    Fixtures.press(&state, [.home])
    #expect(state.helpOffset == 0)
    Fixtures.press(&state, [.down])
    #expect(state.helpOffset == 1)
    Fixtures.press(&state, [.escape])
    #expect(!state.showHelp)
  }

  @Test(arguments: [(60, Language.vi), (60, .en), (80, .vi), (80, .en)])
  func theHintBarKeepsHelpAndQuit(_ width: Int, _ language: Language) {
    var state = Fixtures.state(width, 24, language)
    let strings = Strings.for(language)
    let help = "? " + (strings.overviewHints.first { $0.names(.help) }?.text ?? "")
    let quit = "q " + (strings.overviewHints.first { $0.names(.quit) }?.text ?? "")
    for keys: [Key] in [[], [.tab], [.tab, .enter]] {
      Fixtures.press(&state, keys)
      let hint = state.render().text(row: 23)
      #expect(hint.contains(help) && hint.contains(quit), "\(keys): \(hint)")
    }
  }

  @Test func sortingByRegionShowsTheRegion() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("s"), .character("s"), .character("s"), .character("s")])
    #expect(state.sort == .region)
    let text = state.render().text
    #expect(text.contains("Vùng"))
    // The region is whole beside the name: both columns are as wide as their content.
    #expect(text.contains(#/Lào Cai +Trung du và miền núi phía Bắc /#))
  }

  @Test func theSortLabelSaysItsDirection() {
    var state = Fixtures.state(120, 40)
    #expect(state.sortLabel == "Sắp xếp: hạng 1→34")
    Fixtures.press(&state, [.character("r")])
    #expect(state.sortLabel == "Sắp xếp: hạng 34→1")
    Fixtures.press(&state, [.character("s"), .character("s")])
    #expect(state.sortLabel == "Sắp xếp: % cấp tỉnh thấp→cao")
    Fixtures.press(&state, [.character("r")])
    #expect(state.sortLabel == "Sắp xếp: % cấp tỉnh cao→thấp")
    var ascii = Fixtures.state(120, 40, .en, unicode: false)
    Fixtures.press(&ascii, [.character("s")])
    #expect(ascii.sortLabel == "Sort: name A->Z")
  }
}
