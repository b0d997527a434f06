import CNCurses
import DigiTrackUI
import Glibc

/// Copies a `Canvas` onto stdscr: only the rows that changed since the frame it painted last.
///
/// Every row of the new canvas is compared with the same row of the last one; only rows that
/// differ are copied into ncurses (a move of the selection copies three rows of sixty). Cells of one code point and one column
/// (nearly all of them: Vietnamese is precomposed) go in runs through one `mvadd_wchnstr` each,
/// built from the style table's ready-made cells; anything else (wide characters, marks, what the
/// C library measures differently from the canvas) goes cell by cell as before. ncurses then
/// compares stdscr with what the terminal shows on `refresh`, so only changed cells are sent.
/// A changed row is copied whole, left to right, onto a blanked row, as a full copy would, so that
/// the screen never depends on what was painted before.
/// The canvas already measured every grapheme; this only has to keep ncurses in step with it.
struct CanvasPainter {
  let styles: StyleTable
  /// A grapheme as ncurses takes it: at most CCHARW_MAX wide characters plus the terminating NUL.
  private var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
  /// The run of simple cells being gathered for one `mvadd_wchnstr`, a row's width at least.
  private var run: [cchar_t] = []
  /// What stdscr holds: the last canvas painted, and the screen size it was clipped to.
  private var shown: (canvas: Canvas, width: Int, height: Int)?
  /// Cells copied into ncurses by the last paint (tests check that only changed rows are copied).
  private(set) var cellsCopied = 0
  /// The C library's wcwidth of code points below U+2800, asked once when the painter is made (the
  /// locale is set by then and does not change): a full screen asks for every cell that is not ASCII.
  private let knownWidths: [Int8] = (0..<0x2800).map { Int8(clamping: dt_wcwidth(wchar_t($0))) }

  init(styles: StyleTable) {
    self.styles = styles
  }

  /// Makes the next paint copy every cell: after a resize, stdscr no longer holds the last frame.
  mutating func forget() {
    shown = nil
  }

  /// Draws what changed in `canvas`, clipped to the current screen size, then refreshes.
  /// Returns false, without refreshing, when nothing changed.
  @discardableResult
  mutating func paint(_ canvas: Canvas) -> Bool {
    let height = max(0, min(canvas.height, Int(dt_screen_height())))
    let width = max(0, min(canvas.width, Int(dt_screen_width())))
    var previous: Canvas?
    if let shown, shown.width == width, shown.height == height, shown.canvas.width == canvas.width,
      shown.canvas.height == canvas.height
    {
      previous = shown.canvas
    }
    var changed = false
    cellsCopied = 0
    for y in 0..<height {
      guard rowChanged(canvas, since: previous, row: y, width: width) else { continue }
      // Blanked first, so that what the row ends up holding depends on the canvas alone: ncurses
      // keeps the remains of a wide character that a narrow one was drawn over, and blanks the
      // narrow one when the cell after it is drawn. Only cells in stdscr change: the terminal is
      // sent the difference on refresh.
      _ = dt_clear_row(Int32(y))
      paint(canvas, row: y, width: width)
      cellsCopied += width
      changed = true
    }
    shown = (canvas, width, height)
    if changed || previous == nil { refresh() }
    return changed || previous == nil
  }

  /// Whether row `y` must be copied: always without a previous frame, else when any of its
  /// cells differs.
  ///
  /// Rows whose memory is byte for byte the same are unchanged without looking at a cell (equal
  /// bits are an equal String, role and selection); other rows are compared cell by cell, since
  /// equal text may be stored differently.
  private func rowChanged(_ canvas: Canvas, since previous: Canvas?, row y: Int, width: Int) -> Bool {
    guard let previous else { return width > 0 }
    let row = y * canvas.width
    return canvas.cells.withUnsafeBufferPointer { new in
      previous.cells.withUnsafeBufferPointer { old in
        guard let newBase = new.baseAddress, let oldBase = old.baseAddress, width > 0 else { return false }
        if memcmp(newBase + row, oldBase + row, width * MemoryLayout<Cell>.stride) == 0 { return false }
        return (row..<(row + width)).contains { new[$0] != old[$0] }
      }
    }
  }

  /// Copies row `y` (its first `width` columns) into stdscr.
  ///
  /// Spaces are drawn in whichever style of the same look (`BlankLook`) is next to them, the cell
  /// before or else the cell after, so that ncurses changes attributes only where the screen does:
  /// the spaces between a province's name and its figures, say, take the name's colour instead of
  /// switching to the role of the padding and back. What the terminal shows is the same.
  ///
  /// Cells are read in place and the run is built in a buffer of ncurses cells: a copy of each
  /// Cell, and an array append per cell, cost more than the rest of the row's copy.
  private mutating func paint(_ canvas: Canvas, row y: Int, width: Int) {
    let row = y * canvas.width
    let rowEnd = row + canvas.width
    if run.count < width { run = [cchar_t](repeating: cchar_t(), count: width) }
    // Taken out of self while it is filled, so that the loop below never goes through self.
    var buffer: [cchar_t] = []
    swap(&buffer, &run)
    defer { swap(&buffer, &run) }
    // Locals, not self: the closures below would copy the whole painter at each call through self.
    let styles = self.styles
    let widths = knownWidths
    let looks = styles.blankLooks
    var x = 0
    // The style the cell before x was drawn in (-1 at the row's start), and the style chosen for
    // the spaces up to `blanksEnd`.
    var previous = -1
    var blankStyle = 0
    var blanksEnd = 0
    while x < width {
      var count = 0
      let runStart = x
      // A run of simple cells from x, up to the first cell that must be drawn on its own.
      let alone: Bool = canvas.cells.withUnsafeBufferPointer { cells in
        buffer.withUnsafeMutableBufferPointer { run in
          styles.withCells { templates in
            widths.withUnsafeBufferPointer { widths in
              while x < width {
                let own = StyleTable.index(role: cells[row + x].role, selected: cells[row + x].selected)
                let value = cells[row + x].scalar
                let empty = value == 0 && cells[row + x].text.utf8.isEmpty
                let nextIsEmpty =
                  row + x + 1 < rowEnd && cells[row + x + 1].scalar == 0 && cells[row + x + 1].text.utf8.isEmpty
                // An empty cell reached here is no right half of a wide character (those are skipped
                // with it): an orphan left by drawing over half of one. It is drawn blank, so that
                // what the screen shows does not depend on what ncurses did with the wide
                // character's remains.
                guard empty || !nextIsEmpty,
                  let scalar = empty ? 0x20 : Self.narrowScalar(value, widths: widths)
                else {
                  return true
                }
                var style = own
                if scalar == 0x20, !empty {
                  if x >= blanksEnd {
                    (blankStyle, blanksEnd) = Self.blanks(
                      from: x, in: cells, row: row, rowEnd: rowEnd, width: width, after: previous, looks: looks)
                  }
                  style = blankStyle
                }
                run[count] = templates[style]
                run[count].chars.0 = wchar_t(bitPattern: scalar)
                count += 1
                previous = style
                x += 1
              }
              return false
            }
          }
        }
      }
      if count > 0 {
        _ = buffer.withUnsafeBufferPointer { dt_put_cells(Int32(y), Int32(runStart), $0.baseAddress, Int32(count)) }
      }
      if alone {
        let cell = canvas.cells[row + x]
        let nextIsEmpty = row + x + 1 < rowEnd && canvas.cells[row + x + 1].text.isEmpty
        previous = StyleTable.index(role: cell.role, selected: cell.selected)
        x += paintAlone(cell, x: x, y: y, wide: nextIsEmpty, width: width)
      }
    }
  }

  /// The spaces from column `x` on that look alike (`BlankLook`), up to the first other cell:
  /// the style to draw them in, and where they end. That is the style of the cell before them
  /// (`previous`) when it looks the same, else that of the cell after them, else their own.
  private static func blanks(
    from x: Int, in cells: UnsafeBufferPointer<Cell>, row: Int, rowEnd: Int, width: Int, after previous: Int,
    looks: [BlankLook]
  ) -> (style: Int, end: Int) {
    let own = StyleTable.index(role: cells[row + x].role, selected: cells[row + x].selected)
    let look = looks[own]
    var end = x + 1
    while end < width {
      let index = StyleTable.index(role: cells[row + end].role, selected: cells[row + end].selected)
      guard cells[row + end].scalar == 0x20, looks[index] == look else { break }
      // A space that a wide character's empty right half follows is drawn on its own.
      if row + end + 1 < rowEnd, cells[row + end + 1].scalar == 0, cells[row + end + 1].text.utf8.isEmpty { break }
      end += 1
    }
    if previous >= 0, looks[previous] == look { return (previous, end) }
    if end < width {
      let next = StyleTable.index(role: cells[row + end].role, selected: cells[row + end].selected)
      if looks[next] == look { return (next, end) }
    }
    return (own, end)
  }

  /// `value` (a cell's one code point, 0 for none) when the C library also draws it one column
  /// wide; nil for anything else.
  @inline(__always)
  private static func narrowScalar(_ value: UInt32, widths: UnsafeBufferPointer<Int8>) -> UInt32? {
    if value < 0x80 { return value >= 0x20 && value < 0x7F ? value : nil }
    // `dt_wcwidth`, from the table below U+2800.
    let columns = value < 0x2800 ? Int32(widths[Int(value)]) : dt_wcwidth(wchar_t(bitPattern: value))
    return columns == 1 ? value : nil
  }

  /// Draws one cell that is not a simple run cell. Returns the columns it took on the canvas.
  private mutating func paintAlone(_ cell: Cell, x: Int, y: Int, wide: Bool, width: Int) -> Int {
    let style = styles[cell.role, cell.selected]
    let canvasColumns = wide ? 2 : 1
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
    return canvasColumns
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
