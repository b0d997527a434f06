import CNCurses
import DigiTrackUI
import TestSupport
import Testing

@testable import DigiTrackTerminal

/// The painter draws spaces in a neighbour's style when the two look the same (`BlankLook`), so
/// that ncurses changes attributes less often. Checked on a real ncurses screen against what the
/// terminal would show, worked out from ncurses' own pair colours rather than from `BlankLook`:
/// every glyph keeps its own style, every space its own colour behind it and its underline (and
/// a reversed space exactly its own style), under each built-in theme and without colour.
/// In `CanvasPainterTests`' suite, whose tests run one at a time: ncurses has one screen at a time.
extension CanvasPainterTests {
  typealias Screen = CanvasPainterTests

  @Test(arguments: ["default", "light", "high-contrast", "monochrome", "no colour"])
  func whatTheScreenShowsIsTheCanvasWithFewerStyleChanges(_ themeName: String) throws {
    let theme = themeName == "no colour" ? Theme.standard : try ThemeCatalog.builtIn.theme(named: themeName)
    try Screen.withScreen(theme: theme, color: themeName != "no colour") { painter in
      var random = SeededRandom.fromEnvironment("CanvasPainterTests.blanks")
      let seed = random.seed
      var canvasChanges = 0
      var screenChanges = 0
      for step in 0..<40 {
        let canvas = Self.spacedCanvas(&random)
        painter.forget()
        painter.paint(canvas)
        for y in 0..<Screen.height {
          var lastCanvas: CellStyle?
          var lastScreen: CellStyle?
          for x in 0..<Screen.width {
            let cell = canvas[x, y]
            let own = painter.styles[cell.role, cell.selected]
            let drawn = Screen.cell(x: x, y: y)
            let shown = CellStyle(attributes: drawn.attributes, pair: drawn.pair)
            // The right half of a wide character has no cell of its own; a wide character in the
            // bottom-right corner cannot be drawn by ncurses (it would move the cursor off the
            // screen) and is a space there whatever the style.
            if cell.text.isEmpty || (y == Screen.height - 1 && x >= Screen.width - 2) { continue }
            let place = "theme \(themeName) step \(step) seed \(seed) at (\(x), \(y)) \(cell.text.debugDescription)"
            #expect(drawn.text == cell.text, "\(place)")
            if cell.text == " " {
              #expect(Self.look(shown) == Self.look(own), "\(place): \(shown) for \(own)")
            } else {
              #expect(shown == own, "\(place)")
            }
            if lastCanvas != own { canvasChanges += 1 }
            if lastScreen != shown { screenChanges += 1 }
            lastCanvas = own
            lastScreen = shown
          }
        }
      }
      #expect(screenChanges <= canvasChanges, "seed \(seed)")
      if themeName == "default" { #expect(screenChanges < canvasChanges, "seed \(seed)") }
    }
  }

  @Test func spacesBetweenTwoRunsOfOneStyleTakeThatStyle() throws {
    try Screen.withScreen(theme: .standard, color: true) { painter in
      var canvas = Canvas(width: Screen.width, height: Screen.height)
      // Label text, padding in the normal role, label text again: one style on screen.
      canvas.put("Hà Nội", x: 0, y: 1, role: .label)
      canvas.fill(x: 6, y: 1, count: 10, role: .normal)
      canvas.put("12.345", x: 16, y: 1, role: .label)
      // A title bar's spaces keep their background: nothing of another colour is next to them.
      canvas.fill(x: 0, y: 3, count: Screen.width, role: .title)
      canvas.put("A", x: 5, y: 3, role: .title)
      painter.paint(canvas)
      let label = painter.styles[.label, false]
      for x in 0..<22 {
        let drawn = Screen.cell(x: x, y: 1)
        #expect(CellStyle(attributes: drawn.attributes, pair: drawn.pair) == label, "column \(x)")
      }
      let title = painter.styles[.title, false]
      for x in 0..<Screen.width {
        let drawn = Screen.cell(x: x, y: 3)
        #expect(CellStyle(attributes: drawn.attributes, pair: drawn.pair) == title, "column \(x)")
      }
    }
  }

  /// What a space in `style` shows, from ncurses' pair table: the colour behind it and the
  /// underline; for reverse video, the whole style and the pair's foreground.
  static func look(_ style: CellStyle) -> String {
    var foreground: Int32 = 0
    var background: Int32 = 0
    _ = extended_pair_content(style.pair, &foreground, &background)
    if style.attributes & dt_a_reverse() != 0 { return "reverse \(style.attributes) on \(foreground)" }
    return "on \(background) underline \(style.attributes & dt_a_underline() != 0)"
  }

  /// Rows of words in random roles with runs of spaces of random roles between them, some
  /// selected, some wide characters: what the dashboard's rows are made of.
  static func spacedCanvas(_ random: inout SeededRandom) -> Canvas {
    var canvas = Canvas(width: Screen.width, height: Screen.height)
    let words = ["Hà Nội", "12.345", "─┼─", "█▌", "中文", "✓", "e\u{301}", "Ω"]
    for y in 0..<Screen.height {
      let selected = Int.random(in: 0..<4, using: &random) == 0
      var x = 0
      while x < Screen.width {
        let role = Role.allCases.randomElement(using: &random) ?? .normal
        if Bool.random(using: &random) {
          let count = Int.random(in: 1...6, using: &random)
          canvas.fill(x: x, y: y, count: count, role: role, selected: selected)
          x += count
        } else {
          let word = words.randomElement(using: &random) ?? "a"
          x += max(1, canvas.put(word, x: x, y: y, role: role, selected: selected))
        }
      }
    }
    return canvas
  }
}
