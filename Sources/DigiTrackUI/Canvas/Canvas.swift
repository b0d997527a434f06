/// What a cell means, not how it looks: a theme turns roles into colours and attributes, so
/// views never name a colour and a monochrome terminal can still tell every role apart.
public enum Role: UInt8, Sendable, CaseIterable {
  case normal
  case title
  case header
  case label
  case dim
  case border
  case keyHint
  case key
  case statusLine
  case statusGreen
  case statusYellow
  case statusRed
  case statusNotReported
  case barFill
  case barEmpty
  case illustrative
  case error
  case tooSmall
}

/// A grid of styled cells: what every view draws into.
///
/// The terminal backend copies it to the screen and the text export prints its rows, so what is
/// exported is by construction what is shown.
public struct Canvas: Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Writes text at (x, y), clipped to `limit` columns and to the canvas. Returns the columns used.
  /// A wide character that would cross the edge is replaced by a space.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, role: Role, selected: Bool = false, limit: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let end = min(width, x + (limit ?? width))
    if x >= 0, let columns = putStandalone(text, x: x, y: y, end: end, role: role, selected: selected) {
      return columns
    }
    var column = x
    for character in text {
      let columns = DisplayWidth.of(character)
      if columns == 0 {
        // A stray combining mark or control: it has no cell of its own.
        continue
      }
      if column + columns > end {
        if column < end { fill(x: column, y: y, count: end - column, role: role, selected: selected) }
        column = end
        break
      }
      if column >= 0 {
        cells[y * width + column] = Cell(text: String(character), role: role, selected: selected)
        if columns == 2 { cells[y * width + column + 1] = Cell(code: 0, role: role, selected: selected) }
      }
      column += columns
    }
    return max(0, column - x)
  }

  /// `put` for text whose every code point stands alone (`DisplayWidth.standsAlone`): each is one
  /// grapheme, so the text is walked by code point, read from its UTF-8 bytes in one pass, without
  /// grapheme breaking, and measured as `put` would measure it. Nil when the text holds anything
  /// else (or has no contiguous UTF-8), found on the way: the cells written by then are all
  /// written again by `put`, the same or covered by its fill (a code point that stands alone
  /// starts any grapheme it is in, which is at least as wide). Text cut at the edge before
  /// anything else is written as `put` writes it, since a grapheme that starts with the code
  /// point cut is no narrower.
  private mutating func putStandalone(
    _ text: String, x: Int, y: Int, end: Int, role: Role, selected: Bool
  ) -> Int? {
    let row = y * width
    let walked = text.utf8.withContiguousStorageIfAvailable { bytes -> (column: Int, cut: Bool)? in
      // One uniqueness check for the whole text, not one per cell written.
      cells.withUnsafeMutableBufferPointer { cells -> (column: Int, cut: Bool)? in
        var column = x
        var index = 0
        let count = bytes.count
        while index < count {
          var value = UInt32(bytes[index])
          if value < 0x80 {
            index += 1
            guard value >= 0x20, value < 0x7F else { return nil }
            if column + 1 > end { return (column, true) }
            cells[row + column] = Cell(code: value, role: role, selected: selected)
            column += 1
            continue
          }
          // Valid UTF-8: the lead byte says how many follow.
          if value < 0xE0 {
            value = (value & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            index += 2
          } else if value < 0xF0 {
            value = (value & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            index += 3
          } else {
            value = (value & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            value |= UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            index += 4
          }
          guard DisplayWidth.standsAlone(value: value) else { return nil }
          let columns = DisplayWidth.oneColumn(value) ? 1 : DisplayWidth.of(Unicode.Scalar(value) ?? " ")
          if columns == 0 { continue }
          if column + columns > end { return (column, true) }
          cells[row + column] = Cell(code: value, role: role, selected: selected)
          if columns == 2 { cells[row + column + 1] = Cell(code: 0, role: role, selected: selected) }
          column += columns
        }
        return (column, false)
      }
    }
    // Text without contiguous UTF-8 (none that Swift makes on Linux) goes the grapheme way.
    guard let (column, cut) = walked ?? nil else { return nil }
    if cut {
      if column < end { fill(x: column, y: y, count: end - column, role: role, selected: selected) }
      return end - x
    }
    return column - x
  }

  /// Fills `count` cells with spaces in a role.
  public mutating func fill(x: Int, y: Int, count: Int, role: Role, selected: Bool = false) {
    guard y >= 0, y < height else { return }
    let start = max(0, x)
    let end = min(width, x + count)
    guard start < end else { return }
    let row = y * width
    let blank = Cell(code: 0x20, role: role, selected: selected)
    cells.withUnsafeMutableBufferPointer { cells in
      for column in start..<end { cells[row + column] = blank }
    }
  }

  /// The cells of row `y`, left to right.
  func cells(ofRow y: Int) -> [Cell] {
    guard y >= 0, y < height else { return [] }
    return Array(cells[(y * width)..<((y + 1) * width)])
  }

  /// Replaces row `y` with row `sourceY` of `source`, a canvas of this width.
  mutating func replace(row y: Int, from source: Canvas, row sourceY: Int) {
    guard y >= 0, y < height, sourceY >= 0, sourceY < source.height, source.width == width else { return }
    cells.replaceSubrange(
      (y * width)..<((y + 1) * width), with: source.cells[(sourceY * width)..<((sourceY + 1) * width)])
  }

  /// Replaces row `y` with `row`, cells made for a canvas of this width (`cells(ofRow:)`).
  mutating func replace(row y: Int, with row: [Cell]) {
    guard y >= 0, y < height, row.count == width else { return }
    cells.replaceSubrange((y * width)..<((y + 1) * width), with: row)
  }

  /// Marks a whole row as selected, keeping each cell's role.
  public mutating func select(row y: Int) {
    guard y >= 0, y < height else { return }
    let row = y * width
    cells.withUnsafeMutableBufferPointer { cells in
      for column in 0..<width { cells[row + column].selected = true }
    }
  }

  /// Row `y` as plain text, without trailing spaces.
  public func text(row y: Int) -> String {
    var bytes: [UInt8] = []
    append(row: y, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends row `y` as UTF-8, without its trailing spaces. The end is found first, so nothing
  /// is appended and then taken back: one pass over the row, whatever its width. Bytes rather
  /// than String appends, which cost more than the text they add for one-character cells.
  func append(row y: Int, to bytes: inout [UInt8]) {
    let start = y * width
    var end = start + width
    // Blank cells and the empty second halves of wide characters add nothing at the end.
    while end > start, cells[end - 1].isSpace || cells[end - 1].isEmpty { end -= 1 }
    for index in start..<end { cells[index].appendUTF8(to: &bytes) }
  }

  /// Every row as plain text: the export format, and what golden tests compare.
  public var text: String {
    var bytes: [UInt8] = []
    for y in 0..<height {
      append(row: y, to: &bytes)
      bytes.append(0x0A)
    }
    return height == 0 ? "\n" : String(decoding: bytes, as: UTF8.self)
  }

  /// The text of pages laid out one after another with a blank line between, exactly as
  /// `Composer.document(pages, width:).text` gives it, but written one line at a time as bytes
  /// (`Line.appendText`): memory stays that of the text and the time is linear in the lines,
  /// where a full canvas of a province with 200,000 communes holds 20 million cells.
  public static func documentText(_ pages: [Page], width: Int) -> String {
    String(decoding: documentBytes(pages, width: width), as: UTF8.self)
  }

  /// `documentText` as UTF-8, for writing to a file without checking and copying the text again.
  public static func documentBytes(_ pages: [Page], width: Int) -> [UInt8] {
    let width = max(0, width)
    var bytes: [UInt8] = []
    // About a row's width per line: the buffer grows once or twice, not at every doubling.
    let lines = pages.reduce(pages.count) { $0 + $1.top.count + $1.body.count }
    bytes.reserveCapacity(lines * (width + 1))
    func emit(_ line: Line) {
      line.appendText(width: width, to: &bytes)
      bytes.append(0x0A)
    }
    for (index, page) in pages.enumerated() {
      if index > 0 { emit(.blank) }
      for line in page.top { emit(line) }
      // Section by section: finding a line's section from its index copies every section
      // before it, for each of 200,000 rows.
      for section in page.body.sections {
        for row in 0..<section.count {
          if let text = section.text {
            text(row, width, &bytes)
          } else {
            section.row(row).appendText(width: width, to: &bytes)
          }
          bytes.append(0x0A)
        }
      }
    }
    return bytes.isEmpty ? [0x0A] : bytes
  }

  /// A character per cell naming its role, for golden tests of styling.
  public var styleMask: String {
    var rows: [String] = []
    for y in 0..<height {
      var row = ""
      for x in 0..<width {
        let cell = self[x, y]
        let code = Role.maskCodes[Int(cell.role.rawValue)]
        row.append(cell.selected ? Character(code.uppercased()) : code)
      }
      rows.append(row)
    }
    return rows.joined(separator: "\n") + "\n"
  }
}

extension Role {
  /// One letter per role in style masks (upper case when selected).
  static let maskCodes: [Character] = [
    ".", "t", "h", "l", "d", "b", "k", "y", "s", "g", "w", "r", "n", "f", "e", "i", "x", "z",
  ]
}
