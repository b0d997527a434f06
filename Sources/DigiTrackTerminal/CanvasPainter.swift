import CNCurses
import DigiTrackUI

/// Copies a `Canvas` onto stdscr, cell by cell.
///
/// Every cell is overwritten (no `erase`), and ncurses compares stdscr with what the terminal
/// shows on `refresh`, so only changed cells are sent: no flicker, no full-screen redraw per key.
/// The canvas already measured every grapheme; this only has to keep ncurses in step with it.
struct CanvasPainter {
  let styles: StyleTable
  /// A grapheme as ncurses takes it: at most CCHARW_MAX wide characters plus the terminating NUL.
  private var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

  init(styles: StyleTable) {
    self.styles = styles
  }

  /// Draws `canvas` clipped to the current screen size, then refreshes.
  mutating func paint(_ canvas: Canvas) {
    let height = min(canvas.height, Int(dt_screen_height()))
    let width = min(canvas.width, Int(dt_screen_width()))
    for y in 0..<max(0, height) {
      var x = 0
      while x < width {
        let cell = canvas[x, y]
        if cell.text.isEmpty {
          // The right half of a wide character drawn at x - 1 (or an orphan: leave it blank).
          if x == 0 { put(" ", x: x, y: y, style: styles[cell.role, cell.selected]) }
          x += 1
          continue
        }
        let style = styles[cell.role, cell.selected]
        let canvasColumns = x + 1 < canvas.width && canvas[x + 1, y].text.isEmpty ? 2 : 1
        let terminalColumns = columns(of: cell.text)
        if canvasColumns == terminalColumns, x + canvasColumns <= width {
          put(cell.text, x: x, y: y, style: style)
        } else if canvasColumns == 2 && terminalColumns == 1 && x + 2 <= width {
          // The C library thinks this is narrow (an emoji with VS16 on an older glibc, say):
          // draw it and blank the column the canvas reserved, so what follows stays aligned.
          put(cell.text, x: x, y: y, style: style)
          put(" ", x: x + 1, y: y, style: style)
        } else {
          // Wider than the canvas allowed, unprintable here, or cut by the screen's edge: a
          // stand-in of the canvas's width keeps every later column where the canvas put it.
          let stand = terminalColumns < 0 ? "?" : " "
          put(stand, x: x, y: y, style: style)
          if canvasColumns == 2, x + 1 < width { put(" ", x: x + 1, y: y, style: style) }
        }
        x += canvasColumns
      }
    }
    refresh()
  }

  /// Columns the terminal (through the C library's wcwidth, as ncurses uses it) gives a
  /// grapheme: that of its first code point. -1 when unprintable in this locale.
  private func columns(of text: String) -> Int {
    guard let first = text.unicodeScalars.first else { return 0 }
    return Int(dt_wcwidth(wchar_t(bitPattern: first.value)))
  }

  /// Writes one grapheme. ERR is expected for the bottom-right cell (ncurses stores it but cannot
  /// move the cursor past it) and is ignored like any other failure: the next frame repaints.
  private mutating func put(_ text: String, x: Int, y: Int, style: CellStyle) {
    var count = 0
    for scalar in text.unicodeScalars {
      if count == Int(CCHARW_MAX) { break }  // Zalgo-style stacks of marks: keep the first five
      buffer[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    buffer[count] = 0
    let status = buffer.withUnsafeBufferPointer {
      dt_put_cell(Int32(y), Int32(x), $0.baseAddress, style.attributes, style.pair)
    }
    if status == ERR, count > 0,
      !(x + 1 >= Int(dt_screen_width()) && y + 1 >= Int(dt_screen_height()))
    {
      // setcchar refused the grapheme (say, a mark ncurses cannot attach): keep the cell blank.
      buffer[0] = wchar_t(bitPattern: 0x20)
      buffer[1] = 0
      _ = buffer.withUnsafeBufferPointer {
        dt_put_cell(Int32(y), Int32(x), $0.baseAddress, style.attributes, style.pair)
      }
    }
  }
}
