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
  /// The run of simple cells being gathered for one `mvadd_wchnstr`.
  private var run: [cchar_t] = []
  /// What stdscr holds: the last canvas painted, and the screen size it was clipped to.
  private var shown: (canvas: Canvas, width: Int, height: Int)?
  /// Cells copied into ncurses by the last paint (tests check that only changed rows are copied).
  private(set) var cellsCopied = 0
  /// The C library's wcwidth of code points below U+2800, asked once each (`unknown` until then):
  /// a full screen asks it for every cell that is not ASCII, and the locale does not change.
  private var knownWidths = [Int8](repeating: unknown, count: 0x2800)
  private static let unknown: Int8 = -2

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
      paint(canvas, row: y, columns: 0..<width, width: width)
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

  /// Copies `columns` of row `y` into stdscr.
  private mutating func paint(_ canvas: Canvas, row y: Int, columns: Range<Int>, width: Int) {
    let cells = canvas.cells
    let row = y * canvas.width
    var runStart = columns.lowerBound
    var x = columns.lowerBound
    while x < columns.upperBound {
      let cell = cells[row + x]
      let wideHere = x + 1 < canvas.width && cells[row + x + 1].text.isEmpty
      // An empty cell reached here is no right half of a wide character (those are skipped with
      // it): an orphan left by drawing over half of one. It is drawn blank, so that what the
      // screen shows does not depend on what ncurses did with the wide character's remains.
      let scalar = cell.text.isEmpty ? 0x20 : narrowScalar(cell.text)
      if let scalar, !wideHere || cell.text.isEmpty {
        if run.isEmpty { runStart = x }
        run.append(styles.cell(scalar, role: cell.role, selected: cell.selected))
        x += 1
        continue
      }
      flush(y: y, x: runStart)
      x += paintAlone(cell, x: x, y: y, wide: wideHere, width: width)
    }
    flush(y: y, x: runStart)
  }

  /// The code point of a grapheme of exactly one code point that the C library also draws one
  /// column wide; nil for anything else.
  private mutating func narrowScalar(_ text: String) -> UInt32? {
    let utf8 = text.utf8
    if utf8.count == 1, let byte = utf8.first {
      return byte >= 0x20 && byte < 0x7F ? UInt32(byte) : nil
    }
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next(), scalars.next() == nil else { return nil }
    return wcwidth(first.value) == 1 ? first.value : nil
  }

  /// `dt_wcwidth`, remembered below U+2800.
  private mutating func wcwidth(_ value: UInt32) -> Int32 {
    guard value < 0x2800 else { return dt_wcwidth(wchar_t(bitPattern: value)) }
    let known = knownWidths[Int(value)]
    if known != Self.unknown { return Int32(known) }
    let measured = dt_wcwidth(wchar_t(bitPattern: value))
    knownWidths[Int(value)] = Int8(clamping: measured)
    return measured
  }

  /// Draws the gathered run starting at column `x`.
  private mutating func flush(y: Int, x: Int) {
    guard !run.isEmpty else { return }
    _ = run.withUnsafeBufferPointer { dt_put_cells(Int32(y), Int32(x), $0.baseAddress, Int32($0.count)) }
    run.removeAll(keepingCapacity: true)
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
