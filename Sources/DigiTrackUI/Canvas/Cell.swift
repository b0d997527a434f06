import Synchronization

/// One terminal cell: eight bytes of plain data, no reference.
///
/// A frame makes, copies, compares and frees 12,000 cells at 200×60; with a String in each, the
/// retains, releases and per-cell destruction were most of a move's instructions and half of
/// Enter's. The grapheme is a number instead (`code`): the code point itself when the grapheme is
/// one (nearly every cell), and for one of several code points (a letter with combining marks,
/// an emoji sequence) its number in `Graphemes`, which keeps each such grapheme once, exactly as
/// it was written. Every field is stored, so equal cells are equal bytes (`CanvasPainter`
/// compares rows with `memcmp`).
public struct Cell: Sendable, Hashable {
  /// 0 for the second column of a wide character (no text), the code point of a grapheme of one,
  /// or `Graphemes.first` and up for a grapheme of several.
  private(set) var code: UInt32
  public var role: Role
  /// Part of the selected row.
  public var selected: Bool
  /// Always 0: it fills what would be padding, so that a cell has no byte left undefined.
  private var spare: UInt16 = 0

  init(code: UInt32, role: Role, selected: Bool) {
    self.code = code
    self.role = role
    self.selected = selected
  }

  init(text: String, role: Role, selected: Bool) {
    self.init(code: Graphemes.code(of: text), role: role, selected: selected)
  }

  /// The grapheme drawn here. Empty for the second column of a wide character.
  public var text: String {
    get {
      if code == 0 { return "" }
      if code < Graphemes.first { return String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")) }
      return Graphemes.text(code)
    }
    set { code = Graphemes.code(of: newValue) }
  }

  /// The code point of `text` when it is exactly one (nearly every cell), else 0.
  @inline(__always)
  public var scalar: UInt32 { code < Graphemes.first ? code : 0 }

  /// Whether the cell has no text: the second column of a wide character (or what remains of
  /// one drawn over).
  @inline(__always)
  public var isEmpty: Bool { code == 0 }

  /// Whether `text` is a single space.
  @inline(__always)
  var isSpace: Bool { code == 0x20 }

  /// Equal text (as Strings compare it), role and selection: the same code, or two graphemes of
  /// several code points that are canonically equivalent.
  public static func == (a: Cell, b: Cell) -> Bool {
    a.role == b.role && a.selected == b.selected
      && (a.code == b.code || (a.code >= Graphemes.first && b.code >= Graphemes.first && a.text == b.text))
  }

  public func hash(into hasher: inout Hasher) {
    if code >= Graphemes.first { hasher.combine(text) } else { hasher.combine(code) }
    hasher.combine(role)
    hasher.combine(selected)
  }

  /// Appends the text as UTF-8.
  @inline(__always)
  func appendUTF8(to bytes: inout [UInt8]) {
    let value = code
    if value < 0x80 {
      if value != 0 { bytes.append(UInt8(truncatingIfNeeded: value)) }
    } else if value < 0x800 {
      bytes.append(UInt8(truncatingIfNeeded: 0xC0 | value >> 6))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    } else if value < 0x10000 {
      bytes.append(UInt8(truncatingIfNeeded: 0xE0 | value >> 12))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    } else if value < Graphemes.first {
      bytes.append(UInt8(truncatingIfNeeded: 0xF0 | value >> 18))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F))
      bytes.append(UInt8(truncatingIfNeeded: 0x80 | value & 0x3F))
    } else {
      bytes.append(contentsOf: Graphemes.text(value).utf8)
    }
  }

  public static let blank = Cell(code: 0x20, role: .normal, selected: false)
}

/// The graphemes of more than one code point that cells have held, each kept once under a number
/// of its own (`Cell.code`), for the life of the process: the distinct graphemes of the data and
/// the interface, a few hundred at most. Kept by their exact code points, so a cell gives back
/// the text it was given (of two canonically equivalent spellings, each its own). Thread-safe:
/// views draw on the main thread, exports and tests on others.
enum Graphemes {
  /// The first number after the code points.
  static let first: UInt32 = 0x11_0000

  private struct Table {
    var numbers: [[UInt8]: UInt32] = [:]
    var texts: [String] = []
  }

  private static let table = Mutex(Table())

  /// The code of `text` in a cell: 0 for none, the code point of one, else its number here.
  static func code(of text: String) -> UInt32 {
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    // U+0000 alone is kept as a grapheme: code 0 means no text.
    if scalars.next() == nil, first.value != 0 { return first.value }
    let bytes = Array(text.utf8)
    return table.withLock { table in
      if let number = table.numbers[bytes] { return number }
      let number = Self.first + UInt32(table.texts.count)
      table.numbers[bytes] = number
      table.texts.append(text)
      return number
    }
  }

  /// The text of a number `code(of:)` gave.
  static func text(_ code: UInt32) -> String {
    table.withLock { table in
      let index = Int(code - first)
      return index < table.texts.count ? table.texts[index] : ""
    }
  }
}
