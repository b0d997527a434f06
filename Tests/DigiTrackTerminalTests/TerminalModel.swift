import CNCurses
import Glibc

/// What a terminal shows after the painter's bytes: an xterm-like screen of cells that reads
/// cursor moves (`ESC [ row ; column H`), SGR attributes and colours, and UTF-8 text, the way
/// xterm and tmux place it (wide characters take two columns, combining marks join the cell
/// before, writing over half of a wide character blanks the other half, automatic margins).
///
/// The painter writes frames to the terminal itself, so its tests read the screen from here.
/// Anything else (charset selection, SO/SI, other escapes) changes nothing that is checked.
final class TerminalModel {
  struct Cell: Equatable {
    var text = " "
    var attributes: attr_t = 0
    var foreground = -1
    var background = -1
  }

  let width: Int
  let height: Int
  /// xterm's delayed wrap (terminfo's `xenl`): after the last column the cursor waits there for
  /// the next character. Without it, it goes to the next line at once (and scrolls at the bottom).
  let delayedWrap: Bool
  private(set) var cells: [Cell]
  private(set) var x = 0
  private(set) var y = 0
  /// The attributes and colours the next character is drawn in.
  private(set) var pen = Cell()
  /// The last column was written: the next character goes to the next line (xterm's delayed wrap).
  private var wrapPending = false

  init(width: Int, height: Int, delayedWrap: Bool = true) {
    self.width = width
    self.height = height
    self.delayedWrap = delayedWrap
    cells = Array(repeating: Cell(), count: width * height)
  }

  subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

  func feed(_ bytes: [UInt8]) {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B {
        index = escape(bytes, from: index + 1)
      } else if byte < 0x20 || byte == 0x7F {
        index += 1
      } else {
        let (scalar, length) = Self.decode(bytes, at: index)
        index += length
        if let scalar { put(scalar) }
      }
    }
  }

  /// Reads the escape sequence after ESC; returns the index after it.
  private func escape(_ bytes: [UInt8], from start: Int) -> Int {
    guard start < bytes.count else { return start }
    if bytes[start] == 0x28 || bytes[start] == 0x29 { return start + 2 }  // ESC ( B: a charset
    guard bytes[start] == 0x5B else { return start + 1 }
    var index = start + 1
    var parameters = ""
    while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) {
      parameters.append(Character(Unicode.Scalar(bytes[index])))
      index += 1
    }
    guard index < bytes.count else { return index }
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    switch bytes[index] {
    case 0x48:  // H
      wrapPending = false
      y = max(0, min(height - 1, (numbers.first ?? 1) - 1))
      x = max(0, min(width - 1, (numbers.count > 1 ? numbers[1] : 1) - 1))
      if numbers.first == 0 { y = 0 }
      if numbers.count > 1, numbers[1] == 0 { x = 0 }
    case 0x6D:  // m
      graphicRendition(numbers.isEmpty ? [0] : numbers)
    default:
      break
    }
    return index + 1
  }

  private func graphicRendition(_ numbers: [Int]) {
    var index = 0
    while index < numbers.count {
      let value = numbers[index]
      switch value {
      case 0: pen = Cell()
      case 1: pen.attributes |= dt_a_bold()
      case 2: pen.attributes |= dt_a_dim()
      case 4: pen.attributes |= dt_a_underline()
      case 7: pen.attributes |= dt_a_reverse()
      case 22: pen.attributes &= ~(dt_a_bold() | dt_a_dim())
      case 24: pen.attributes &= ~dt_a_underline()
      case 27: pen.attributes &= ~dt_a_reverse()
      case 30...37: pen.foreground = value - 30
      case 39: pen.foreground = -1
      case 40...47: pen.background = value - 40
      case 49: pen.background = -1
      case 90...97: pen.foreground = value - 90 + 8
      case 100...107: pen.background = value - 100 + 8
      case 38, 48:
        if index + 2 < numbers.count, numbers[index + 1] == 5 {
          if value == 38 { pen.foreground = numbers[index + 2] } else { pen.background = numbers[index + 2] }
          index += 2
        }
      default: break
      }
      index += 1
    }
  }

  private func put(_ scalar: Unicode.Scalar) {
    let columns = Int(dt_wcwidth(wchar_t(bitPattern: scalar.value)))
    if columns == 0 {
      // A combining mark joins the character before the cursor.
      var back = wrapPending ? y * width + x : y * width + x - 1
      if back > 0, cells[back].text.isEmpty { back -= 1 }
      if back >= 0 { cells[back].text.unicodeScalars.append(scalar) }
      return
    }
    guard columns > 0 else { return }
    if wrapPending || x + columns > width { newLine() }
    let index = y * width + x
    // Writing over either half of a wide character blanks the other half.
    if cells[index].text.isEmpty, x > 0 { cells[index - 1].text = " " }
    let last = index + columns - 1
    if x + columns < width, cells[last + 1].text.isEmpty { cells[last + 1].text = " " }
    var cell = pen
    cell.text = String(scalar)
    cells[index] = cell
    if columns == 2 {
      cell.text = ""
      cells[index + 1] = cell
    }
    x += columns
    if x >= width {
      if delayedWrap {
        x = width - 1
        wrapPending = true
      } else {
        newLine()
      }
    }
  }

  /// Automatic margins: on to the next line, scrolling at the bottom.
  private func newLine() {
    wrapPending = false
    x = 0
    y += 1
    if y == height {
      cells.removeFirst(width)
      cells += Array(repeating: Cell(), count: width)
      y = height - 1
    }
  }

  /// One UTF-8 code point at `index` and its length; nil for a malformed byte (skipped).
  private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar?, Int) {
    let first = bytes[index]
    let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    guard index + length <= bytes.count else { return (nil, 1) }
    var decoder = UTF8()
    var iterator = bytes[index..<(index + length)].makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
    return (nil, 1)
  }
}
