/// A line's plain text, written straight to UTF-8 bytes: what the text export prints.
///
/// `Line.draw` into a blank row followed by `Canvas.append(row:)` gives the same bytes, but pays
/// for a `Cell` (a String) per column, a row to clear and a row to read back; for a province of
/// 200,000 communes that was most of its export. The rules here are those of `Canvas.put`, cell
/// for cell: a span is clipped at the width, a character with no columns is left out, a wide
/// character that would cross the edge ends the line (`put` fills its place with spaces, which the
/// trailing-space rule drops), and the spaces at the end of the line are not written. Colours,
/// the line's fill role and the selection do not change the text.
extension Line {
  /// Appends the line as a row `width` columns wide shows it, without its trailing spaces.
  func appendText(width: Int, to bytes: inout [UInt8]) {
    // The end of the last cell that is not a space: the row is cut there at the end.
    var kept = bytes.count
    var x = 0
    for span in spans where x < width {
      x = Self.append(span.text, at: x, width: width, to: &bytes, kept: &kept)
    }
    bytes.removeLast(bytes.count - kept)
  }

  /// Appends one span's cells from column `x`, and returns the column after them (`width` when
  /// the span was cut).
  static func append(_ text: String, at x: Int, width: Int, to bytes: inout [UInt8], kept: inout Int) -> Int {
    if let columns = DisplayWidth.standaloneWidth(text), x + columns <= width {
      // Every code point is a cell of its own with columns, and all fit: the span's bytes as
      // they are. (A space is the byte 0x20 and nothing else in UTF-8, so the last cell that is
      // not a space ends at the last byte that is not 0x20.)
      let start = bytes.count
      bytes.append(contentsOf: text.utf8)
      if let last = bytes[start...].lastIndex(where: { $0 != 0x20 }) { kept = last + 1 }
      return x + columns
    }
    var column = x
    for character in text {
      let columns = DisplayWidth.of(character)
      if columns == 0 { continue }
      if column + columns > width { return width }
      bytes.append(contentsOf: character.utf8)
      if character != " " { kept = bytes.count }
      column += columns
    }
    return column
  }
}

/// Writes one row's text piece by piece, by the rules of `Line.appendText`, for rows that an
/// export writes by the hundred thousand: their constant pieces are measured once (`TextPiece`),
/// and no `Line` is made per row. A row written this way gives the bytes its `Line` gives when
/// its pieces are the line's spans, or split where no grapheme can join (`DisplayWidth.standsAlone`).
struct RowText {
  let width: Int
  private var x = 0
  private var kept: Int

  init(width: Int, bytes: [UInt8]) {
    self.width = width
    kept = bytes.count
  }

  mutating func append(_ text: String, to bytes: inout [UInt8]) {
    guard x < width else { return }
    x = Line.append(text, at: x, width: width, to: &bytes, kept: &kept)
  }

  /// Appends text already measured by `DisplayWidth.standaloneWidth` (its `columns`), without
  /// measuring it again.
  mutating func append(_ text: String, standaloneColumns columns: Int, to bytes: inout [UInt8]) {
    guard x < width else { return }
    guard x + columns <= width else {
      x = Line.append(text, at: x, width: width, to: &bytes, kept: &kept)
      return
    }
    let start = bytes.count
    bytes.append(contentsOf: text.utf8)
    if let last = bytes[start...].lastIndex(where: { $0 != 0x20 }) { kept = last + 1 }
    x += columns
  }

  /// Appends piece `index` of `pieces`: its bytes as they are when it fits, else by the rules.
  mutating func append(_ pieces: TextPieces, _ index: Int, to bytes: inout [UInt8]) {
    guard x < width else { return }
    let piece = pieces.items[index]
    guard piece.columns >= 0, x + piece.columns <= width else {
      x = Line.append(pieces.texts[index], at: x, width: width, to: &bytes, kept: &kept)
      return
    }
    if piece.lastKept >= 0 { kept = bytes.count + piece.lastKept }
    pieces.pool.withUnsafeBufferPointer { pool in
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: pool[piece.start..<piece.end]))
    }
    x += piece.columns
  }

  /// Drops the trailing spaces, as the row on a canvas has none.
  func finish(_ bytes: inout [UInt8]) {
    bytes.removeLast(bytes.count - kept)
  }
}

/// Texts measured once: their bytes in one pool, their columns when every code point stands
/// alone (else -1, and the text is written grapheme by grapheme), and where the last cell that is
/// not a space ends (-1 for none). Plain integers per piece, so writing one copies no reference.
struct TextPieces {
  let texts: [String]
  private(set) var pool: [UInt8] = []
  private(set) var items: [(start: Int, end: Int, columns: Int, lastKept: Int)] = []

  init(_ texts: [String]) {
    self.texts = texts
    for text in texts {
      let bytes = Array(text.utf8)
      let last = bytes.lastIndex(where: { $0 != 0x20 }).map { $0 + 1 } ?? -1
      items.append((pool.count, pool.count + bytes.count, DisplayWidth.standaloneWidth(text) ?? -1, last))
      pool += bytes
    }
  }
}
