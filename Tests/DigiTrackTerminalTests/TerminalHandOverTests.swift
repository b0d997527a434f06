import CNCurses
import DigiTrackUI
import Testing

@testable import DigiTrackTerminal

/// The painter writes frames itself while ncurses keeps the terminal: every frame must leave the
/// terminal as ncurses believes it (attributes off, the cursor at the top left) and give ncurses
/// nothing of its own to send, and the bottom-right cell must never scroll the screen.
/// In `CanvasPainterTests`' suite, whose tests run one at a time: ncurses has one screen at a time.
extension CanvasPainterTests {
  typealias Shown = CanvasPainterTests

  @Test func eachFrameLeavesTheTerminalAsNcursesBelievesIt() throws {
    try Shown.withScreen { painter in
      var canvas = Canvas(width: Shown.width, height: Shown.height)
      canvas.fill(x: 0, y: 0, count: Shown.width, role: .title)
      canvas.put("Hà Nội", x: 3, y: 4, role: .statusRed, selected: true)
      canvas.put("end", x: Shown.width - 3, y: Shown.height - 1, role: .key)
      for _ in 0..<2 {
        painter.paint(canvas)
        #expect(Shown.terminal.pen == TerminalModel.Cell())
        #expect(Shown.terminal.x == 0 && Shown.terminal.y == 0)
        // stdscr untouched: ncurses' refresh before the next key sends nothing over the frame.
        #expect(!is_wintouched(dt_stdscr()))
        canvas.put("Đắk Lắk", x: 3, y: 5, role: .label)
      }
      #expect(Shown.cell(x: Shown.width - 1, y: Shown.height - 1).text == "d")
    }
  }

  /// TERM=ansi has automatic margins without xterm's delayed wrap and cannot turn them off: the
  /// bottom-right cell is left alone rather than scroll the whole screen up a line.
  @Test func theBottomRightCellNeverScrollsTheScreen() throws {
    try Shown.withScreen(term: "ansi") { painter in
      var canvas = Canvas(width: Shown.width, height: Shown.height)
      for y in 0..<Shown.height {
        canvas.fill(x: 0, y: y, count: Shown.width, role: .normal)
        canvas.put("row \(y)", x: 0, y: y, role: .label)
      }
      canvas.put("X", x: Shown.width - 1, y: Shown.height - 1, role: .normal)
      painter.paint(canvas)
      for y in 0..<Shown.height {
        #expect(Shown.cell(x: 4, y: y).text == "\(y)", "row \(y)")
      }
    }
  }
}
