import CNCurses
import DigiTrackUI
import Glibc

/// The bytes of one frame: the changed rows, each behind a cursor move, in the styles' codes
/// (`TerminalCodes`). Made by `CanvasPainter` for every paint.
///
/// What a cell shows depends on it and on whether the cell after it is empty (then it is a wide
/// character's first column, see `Canvas.put`); the rules for what the terminal cannot draw as
/// the canvas measured it are those of the ncurses copy they replace: a grapheme the C library
/// measures narrower gets a space after it, anything else that does not fit a stand-in of the
/// canvas's width ("?" for what is unprintable in this locale), so that every later column stays
/// where the canvas put it.
struct FrameWriter {
  let codes: TerminalCodes
  let looks: [BlankLook]
  let widths: [Int8]
  let width: Int
  let height: Int
  /// Where the bytes go: the painter's buffer, grown when a row might not fit. Bytes are stored
  /// through the pointer: an Array's uniqueness and capacity checks cost more per byte than
  /// the rest of a cell's work.
  private let buffer: FrameBuffer
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  /// The style the terminal is in: a `StyleTable` index, or -1 for attributes off (between frames).
  private var current = -1
  /// The most a cell adds besides style codes: five code points of four bytes and a space.
  private static let cellBytes = 24

  init(codes: TerminalCodes, styles: StyleTable, widths: [Int8], width: Int, height: Int, buffer: FrameBuffer) {
    self.codes = codes
    looks = styles.blankLooks
    self.widths = widths
    self.width = width
    self.height = height
    self.buffer = buffer
    base = buffer.base
    capacity = buffer.capacity
  }

  /// The frame's bytes so far.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Makes room for `more` bytes.
  @inline(__always)
  private mutating func room(_ more: Int) {
    if count + more > capacity { grow(more) }
  }

  private mutating func grow(_ more: Int) {
    buffer.grow(to: max(capacity * 2, count + more), keeping: count)
    base = buffer.base
    capacity = buffer.capacity
  }

  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    base[count] = byte
    count += 1
  }

  /// Terminal codes, with room left for the cell that follows them.
  private mutating func put(_ codes: [UInt8]) {
    room(codes.count + Self.cellBytes)
    for byte in codes { put(byte) }
  }

  /// The second column of a wide character (or what remains of one drawn over).
  @inline(__always)
  static func isEmpty(_ cell: Cell) -> Bool {
    cell.isEmpty
  }

  /// Writes row `y` (starting at `y * stride` in the canvas's cells), whole and left to right:
  /// what it then shows depends on the canvas alone, never on what was there before (writing
  /// over half of a wide character blanks the other half, and the spaces' styles are chosen
  /// along the row).
  mutating func write(row y: Int, _ cells: UnsafeBufferPointer<Cell>, stride: Int) {
    segment(y: y, row: y * stride, from: 0, to: width, cells, stride: stride)
  }

  /// Leaves the terminal as ncurses believes it: attributes off, the cursor at the top left.
  mutating func finish() {
    if current != -1 { put(codes.normal) }
    current = -1
    moveCursor(x: 0, y: 0)
  }

  /// Moves the cursor to (x, y).
  private mutating func moveCursor(x: Int, y: Int) {
    guard codes.ansiCursor else { return put(codes.cursor(x: x, y: y)) }
    room(16)
    put(0x1B)
    put(0x5B)
    putDecimal(y + 1)
    put(0x3B)
    putDecimal(x + 1)
    put(0x48)
  }

  private mutating func putDecimal(_ value: Int) {
    if value >= 10 { putDecimal(value / 10) }
    put(UInt8(truncatingIfNeeded: 0x30 + value % 10))
  }

  /// Writes columns `start..<end` of a row.
  private mutating func segment(
    y: Int, row: Int, from start: Int, to end: Int, _ cells: UnsafeBufferPointer<Cell>, stride: Int
  ) {
    var end = end
    var after: [UInt8] = []
    if y == height - 1, end == width {
      // The bottom-right cell would scroll a terminal with automatic margins and no delayed wrap.
      switch codes.corner {
      case .direct: break
      case .marginsOff(let off, let on):
        put(off)
        after = on
      case .skipped:
        end -= 1
        if end > start, Self.isEmpty(cells[row + end]) { end -= 1 }
      }
    }
    guard end > start else { return }
    moveCursor(x: start, y: y)
    let rowEnd = row + stride
    // The style chosen for the spaces up to `blanksEnd`.
    var blankStyle = 0
    var blanksEnd = 0
    // The style the cell before x was drawn in (-1 at the row's start).
    var previous = -1
    var x = start
    while x < end {
      room(Self.cellBytes)
      let index = row + x
      let own = StyleTable.index(role: cells[index].role, selected: cells[index].selected)
      let value = cells[index].scalar
      let empty = Self.isEmpty(cells[index])
      let nextIsEmpty = index + 1 < rowEnd && Self.isEmpty(cells[index + 1])
      if empty {
        // No right half of a wide character (those are passed with it): an orphan left by
        // drawing over half of one, drawn blank.
        use(own)
        put(0x20)
        previous = own
        x += 1
      } else if !nextIsEmpty, let scalar = narrowScalar(value) {
        if scalar == 0x20 {
          if x >= blanksEnd {
            (blankStyle, blanksEnd) = blanks(
              from: x, in: cells, row: row, rowEnd: rowEnd, own: own, after: previous)
          }
          // Every cell up to `blanksEnd` is a space drawn in that style: written at once.
          use(blankStyle)
          let stop = min(blanksEnd, end)
          room(stop - x)
          while x < stop {
            put(0x20)
            x += 1
          }
          previous = blankStyle
        } else {
          use(own)
          append(scalar)
          x += 1
          // The narrow cells after it in the same style, not spaces, drawn as this branch would
          // draw each (the style already in use) without going round the loop.
          while x < end {
            let next = row + x
            let value = cells[next].scalar
            guard value > 0x20, StyleTable.index(role: cells[next].role, selected: cells[next].selected) == own,
              next + 1 >= rowEnd || !Self.isEmpty(cells[next + 1]), let scalar = narrowScalar(value)
            else { break }
            room(Self.cellBytes)
            append(scalar)
            x += 1
          }
          previous = own
        }
      } else {
        x += alone(cells[index], x: x, own: own, wide: nextIsEmpty)
        previous = own
      }
    }
    put(after)
  }

  /// The spaces from column `x` on that look alike (`BlankLook`), up to the first other cell:
  /// the style to draw them in, and where they end. That is the style of the cell before them
  /// (`previous`) when it looks the same, else that of the cell after them, else their own.
  private func blanks(
    from x: Int, in cells: UnsafeBufferPointer<Cell>, row: Int, rowEnd: Int, own: Int, after previous: Int
  ) -> (style: Int, end: Int) {
    let look = looks[own]
    var end = x + 1
    while end < width {
      let index = StyleTable.index(role: cells[row + end].role, selected: cells[row + end].selected)
      guard cells[row + end].scalar == 0x20, looks[index] == look else { break }
      // A space that a wide character's empty right half follows is drawn on its own.
      if row + end + 1 < rowEnd, Self.isEmpty(cells[row + end + 1]) { break }
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
  private func narrowScalar(_ value: UInt32) -> UInt32? {
    if value < 0x80 { return value >= 0x20 && value < 0x7F ? value : nil }
    let columns = value < 0x2800 ? Int32(widths[Int(value)]) : dt_wcwidth(wchar_t(bitPattern: value))
    return columns == 1 ? value : nil
  }

  /// Draws a cell that is not one narrow code point. Returns the columns it took on the canvas.
  private mutating func alone(_ cell: Cell, x: Int, own: Int, wide: Bool) -> Int {
    use(own)
    let canvasColumns = wide ? 2 : 1
    // A cell of one code point is drawn from it, without making its String.
    let single = cell.scalar
    let text = single == 0 ? cell.text : ""
    let first = single != 0 ? single : text.unicodeScalars.first?.value
    let terminalColumns = first.map { Int(dt_wcwidth(wchar_t(bitPattern: $0))) } ?? 0
    if canvasColumns == terminalColumns, x + canvasColumns <= width {
      if single != 0 { append(single) } else { append(text) }
    } else if canvasColumns == 2 && terminalColumns == 1 && x + 2 <= width {
      // The C library thinks this is narrow (an emoji with VS16 on an older glibc, say):
      // draw it and blank the column the canvas reserved, so what follows stays aligned.
      if single != 0 { append(single) } else { append(text) }
      put(0x20)
    } else {
      // Wider than the canvas allowed, unprintable here, or cut by the screen's edge: a
      // stand-in of the canvas's width keeps every later column where the canvas put it.
      put(terminalColumns < 0 ? 0x3F : 0x20)
      if canvasColumns == 2, x + 1 < width { put(0x20) }
    }
    return canvasColumns
  }

  /// Puts the terminal in `style`: the attributes and colours when the attributes change (they
  /// may reset the colours), the colours alone when only they do.
  @inline(__always)
  private mutating func use(_ style: Int) {
    guard style != current else { return }
    if current < 0 || codes.attributeKind[style] != codes.attributeKind[current] {
      put(codes.attributes[style])
      put(codes.colors[style])
    } else if codes.colorKind[style] != codes.colorKind[current] {
      put(codes.colors[style])
    }
    current = style
  }

  /// A grapheme's code points, at most the five ncurses kept of a cell.
  private mutating func append(_ text: String) {
    for scalar in text.unicodeScalars.prefix(Int(CCHARW_MAX)) { append(scalar.value) }
  }

  /// One code point in the locale's encoding: UTF-8, or wcrtomb's bytes ("?" when it has none).
  /// Room for it was made with the cell's.
  @inline(__always)
  private mutating func append(_ value: UInt32) {
    if value < 0x80 {
      put(UInt8(truncatingIfNeeded: value))
    } else if codes.utf8 {
      if value < 0x800 {
        put(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
      } else {
        if value < 0x10000 {
          put(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
        } else {
          put(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
          put(UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F))
        }
        put(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
      }
      put(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    } else {
      var multibyte = [CChar](repeating: 0, count: 16)
      let length = dt_wide_to_multibyte(&multibyte, wchar_t(bitPattern: value))
      if length <= 0 || length > 4 {
        put(0x3F)
      } else {
        for byte in multibyte.prefix(Int(length)) { put(UInt8(bitPattern: byte)) }
      }
    }
  }
}

/// The memory a frame's bytes are made in, kept from frame to frame by the painter.
final class FrameBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  /// Grows to `capacity` bytes, keeping the first `count`.
  func grow(to capacity: Int, keeping count: Int) {
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    self.capacity = capacity
  }

  deinit { base.deallocate() }
}
