import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 9: a narrow text export never cuts a number or its mark; below the minimum
/// width it is refused, with a message naming the minimum.
@Suite struct NarrowExportTests {
  /// Characters of a figure and its marks: digits, separators, %, *, [n].
  static func isFigure(_ character: Character) -> Bool {
    character.isNumber || "%*[]".contains(character)
  }

  /// Where a line longer than `width` is clipped, the cut must not fall inside a figure.
  static func cutsAFigure(_ line: Line, width: Int) -> Bool {
    let text = Array(line.spans.map(\.text).joined())
    var used = 0
    for (position, character) in text.enumerated() {
      used += DisplayWidth.of(character)
      if used == width, position + 1 < text.count {
        let before = text[position]
        let after = text[position + 1]
        let joined = (before.isNumber || ".,".contains(before)) && (after.isNumber || ".,%".contains(after))
        return joined || (isFigure(before) && (after == "]" || after == "*"))
      }
    }
    return false
  }

  @Test(arguments: [60, 61, 64, 70, 75, 80, 90, 100])
  func noFigureIsCutAtOrAboveTheMinimum(_ width: Int) {
    for language in [Language.vi, .en] {
      for screen in [AppState.Screen.overview, .matrix, .province(Fixtures.index(of: "Lạng Sơn"), back: .overview)] {
        var state = AppState(
          data: Fixtures.demo, options: DisplayOptions(language: language), width: width, height: 100_000)
        state.screen = screen
        for page in state.exportPages() {
          let lines = page.top + (0..<page.body.count).map { page.body.line($0) }
          for line in lines where Self.cutsAFigure(line, width: width) {
            Issue.record("\(language) \(screen) at \(width): \(line.spans.map(\.text).joined())")
          }
        }
      }
    }
  }

  @Test func theMinimumIsNamedAndTheSameForEveryView() {
    for view in ViewKind.allCases {
      #expect(ViewExport.minimumWidth(for: view) == AppState.minimumWidth)
      let message = ViewExport.widthRefusal(45, view: view, language: .en)
      #expect(message?.contains("60") == true, "\(message ?? "nil")")
      #expect(ViewExport.widthRefusal(60, view: view, language: .en) == nil)
    }
    #expect(ViewExport.widthRefusal(30, view: .overview, language: .vi)?.contains("tối thiểu 60") == true)
  }
}
