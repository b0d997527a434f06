import CNCurses
import DigiTrackUI
import Glibc

/// Writes a `Canvas` to the terminal: only the cells that changed since the frame it wrote last.
///
/// The painter sends the frame itself, as bytes made from terminfo (`TerminalCodes`), instead of
/// copying cells into stdscr for ncurses' `doupdate`: ncurses spent some 450 instructions a
/// changed cell (copy, per-cell `wcwidth` and `wcrtomb`, a `tparm` per colour change), more than
/// a whole frame's budget when Enter changes every row. ncurses keeps the terminal's modes,
/// input, mouse, resize and suspend; its stdscr stays blank and untouched, so its own refreshes
/// send nothing, and every frame leaves the cursor at the top left with attributes off, where
/// ncurses believes them to be. After a resize or a resume (`forget`), ncurses' refresh clears
/// the screen first and the next frame writes every cell.
///
/// Each row of the new canvas is compared with the one written last (a `memcmp` first); a row
/// that differs is written whole, left to right, so that what the terminal shows depends on the
/// canvas alone (a move writes three rows of sixty). Spaces take a neighbour's style when they
/// look the same (`BlankLook`), so that the attributes change only where the screen does. The
/// canvas already measured every grapheme; this keeps the terminal in step with it.
struct CanvasPainter {
  let styles: StyleTable
  private let codes: TerminalCodes
  /// The terminal: the descriptor ncurses writes to.
  private let output: Int32
  /// Where each frame's bytes are made, reused.
  private let buffer = FrameBuffer(capacity: 1 << 16)
  /// The last canvas written, and the screen size it was clipped to.
  private var shown: (canvas: Canvas, width: Int, height: Int)?
  /// Cells of the rows that changed in the last paint (tests check that only those are painted).
  private(set) var cellsCopied = 0
  /// Called with the bytes of each frame before they are written (tests read the screen from them).
  var recorder: (([UInt8]) -> Void)?
  /// The C library's wcwidth of code points below U+2800, asked once when the painter is made (the
  /// locale is set by then and does not change): a full screen asks for every cell that is not ASCII.
  private let knownWidths: [Int8] = (0..<0x2800).map { Int8(clamping: dt_wcwidth(wchar_t($0))) }

  init(styles: StyleTable, output: Int32 = STDOUT_FILENO) {
    self.styles = styles
    self.output = output
    codes = TerminalCodes(styles: styles)
  }

  /// Makes the next paint write every cell: after a resize or a resume, the terminal no longer
  /// shows the last frame.
  mutating func forget() {
    shown = nil
  }

  /// Writes what changed in `canvas`, clipped to the current screen size.
  /// Returns false, writing nothing, when nothing changed.
  @discardableResult
  mutating func paint(_ canvas: Canvas) -> Bool {
    let height = max(0, min(canvas.height, Int(dt_screen_height())))
    let width = max(0, min(canvas.width, Int(dt_screen_width())))
    var previous: Canvas?
    if let shown, shown.width == width, shown.height == height, shown.canvas.width == canvas.width,
      shown.canvas.height == canvas.height
    {
      previous = shown.canvas
    } else {
      // ncurses does what a resize or resume asks of it (clearing the screen) now, not at the
      // next key after this frame.
      refresh()
    }
    cellsCopied = 0
    var writer = FrameWriter(
      codes: codes, styles: styles, widths: knownWidths, width: width, height: height, buffer: buffer)
    canvas.cells.withUnsafeBufferPointer { new in
      if let previous {
        previous.cells.withUnsafeBufferPointer { old in
          for y in 0..<height where Self.rowDiffers(new, old, row: y * canvas.width, width: width) {
            writer.write(row: y, new, stride: canvas.width)
            cellsCopied += width
          }
        }
      } else {
        for y in 0..<height where width > 0 {
          writer.write(row: y, new, stride: canvas.width)
          cellsCopied += width
        }
      }
    }
    shown = (canvas, width, height)
    let changed = cellsCopied > 0
    if changed {
      writer.finish()
      let bytes = writer.bytes
      recorder?(Array(bytes))
      _ = dt_write_all(output, bytes.baseAddress, bytes.count)
    }
    return changed || previous == nil
  }

  /// Whether the first `width` cells from `row` differ: a `memcmp` first (equal bytes are equal
  /// cells), then cell by cell, since two graphemes of several code points may be spelled
  /// differently and still be equal text (`Cell.==`).
  private static func rowDiffers(
    _ new: UnsafeBufferPointer<Cell>, _ old: UnsafeBufferPointer<Cell>, row: Int, width: Int
  ) -> Bool {
    guard let newBase = new.baseAddress, let oldBase = old.baseAddress, width > 0 else { return false }
    if memcmp(newBase + row, oldBase + row, width * MemoryLayout<Cell>.stride) == 0 { return false }
    return (row..<(row + width)).contains { new[$0] != old[$0] }
  }
}
