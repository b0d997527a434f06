import TestSupport
import Testing

@testable import DigiTrackUI

/// A `Cell` keeps its grapheme as a number (`Cell.code`): the code point of a grapheme of one,
/// or a number from `Graphemes` for one of several. It must give back exactly the text it was
/// given, measure and compare as the String did, and have no byte left undefined.
@Suite struct CellTests {
  @Test func aCellIsEightBytesWithoutPadding() {
    #expect(MemoryLayout<Cell>.size == 8)
    #expect(MemoryLayout<Cell>.stride == 8)
  }

  @Test func graphemesOfSeveralCodePointsKeepTheirSpelling() {
    // Vietnamese in NFD (two and three code points), an emoji with VS16, a family of ZWJs.
    let texts = ["e\u{301}", "e\u{323}\u{302}", "A\u{30A}", "❤\u{FE0F}", "👨\u{200D}👩\u{200D}👧"]
    for text in texts {
      let cell = Cell(text: text, role: .label, selected: true)
      #expect(
        cell.text == text && Array(cell.text.unicodeScalars) == Array(text.unicodeScalars), "\(text.debugDescription)")
      #expect(cell.scalar == 0 && !cell.isEmpty)
      var bytes: [UInt8] = []
      cell.appendUTF8(to: &bytes)
      #expect(bytes == Array(text.utf8))
    }
    // The same grapheme gets the same number; two spellings of one letter stay two, and compare
    // equal as their Strings do.
    #expect(
      Cell(text: "e\u{301}", role: .normal, selected: false).code
        == Cell(text: "e\u{301}", role: .normal, selected: false).code)
    let marksInOneOrder = Cell(text: "e\u{323}\u{302}", role: .normal, selected: false)
    let marksInTheOther = Cell(text: "e\u{302}\u{323}", role: .normal, selected: false)
    #expect(marksInOneOrder.code != marksInTheOther.code)
    #expect(Array(marksInTheOther.text.unicodeScalars).map(\.value) == [0x65, 0x302, 0x323])
    #expect(marksInOneOrder == marksInTheOther && marksInOneOrder.hashValue == marksInTheOther.hashValue)
    // A precomposed letter is one code point: never equal to its decomposed spelling, as before.
    #expect(Cell(text: "é", role: .normal, selected: false) != Cell(text: "e\u{301}", role: .normal, selected: false))
  }

  @Test func oneCodePointIsItsOwnCode() {
    for text in ["a", " ", "ệ", "Đ", "─", "中", "😀", "\u{0}"] {
      let cell = Cell(text: text, role: .normal, selected: false)
      #expect(cell.text == text, "\(text.debugDescription)")
      var bytes: [UInt8] = []
      cell.appendUTF8(to: &bytes)
      #expect(bytes == Array(text.utf8), "\(text.debugDescription)")
    }
    #expect(Cell(text: "ệ", role: .normal, selected: false).scalar == 0x1EC7)
    // U+0000 alone is text, not the empty second column of a wide character.
    #expect(!Cell(text: "\u{0}", role: .normal, selected: false).isEmpty)
    #expect(Cell(text: "", role: .normal, selected: false).isEmpty)
  }

  @Test func wideCharactersTakeTwoCellsTheSecondEmpty() {
    var canvas = Canvas(width: 6, height: 1)
    #expect(canvas.put("中a文", x: 0, y: 0, role: .header) == 5)
    #expect(canvas[0, 0].text == "中" && canvas[0, 0].scalar == 0x4E2D && canvas[0, 0].role == .header)
    #expect(
      canvas[1, 0].text.isEmpty && canvas[1, 0].isEmpty && canvas[1, 0].scalar == 0 && canvas[1, 0].role == .header)
    #expect(canvas[2, 0].text == "a")
    #expect(canvas[3, 0].text == "文" && canvas[4, 0].isEmpty)
    #expect(canvas[5, 0] == Cell.blank)
    #expect(canvas.text == "中a文\n")
    // Writing over the first half leaves the second half empty, and the text says what is left.
    canvas.put("b", x: 0, y: 0, role: .normal)
    #expect(canvas[0, 0].text == "b" && canvas[1, 0].isEmpty)
    #expect(canvas.text(row: 0) == "ba文")
    // A wide character that would cross the edge becomes a space.
    var edge = Canvas(width: 3, height: 1)
    edge.put("ab中", x: 0, y: 0, role: .label)
    #expect(edge[2, 0].text == " " && edge[2, 0].role == .label && edge.text == "ab\n")
  }

  @Test func combiningMarksStayWithTheirLetter() {
    var canvas = Canvas(width: 8, height: 1)
    let decomposed = "Vie\u{323}\u{302}t Nam"
    #expect(canvas.put(decomposed, x: 0, y: 0, role: .normal, selected: true) == 8)
    #expect(canvas[2, 0].text == "e\u{323}\u{302}" && canvas[2, 0].selected)
    #expect(canvas[3, 0].text == "t")
    #expect(canvas.text(row: 0) == decomposed)
    #expect(Array(canvas.text(row: 0).utf8) == Array(decomposed.utf8))
    // A stray mark at the start has no cell of its own.
    var stray = Canvas(width: 3, height: 1)
    stray.put("\u{301}ab", x: 0, y: 0, role: .normal)
    #expect(stray.text == "ab\n")
  }

  @Test func settingTheTextChangesTheCode() {
    var cell = Cell.blank
    cell.text = "e\u{301}"
    #expect(cell.text == "e\u{301}" && cell.scalar == 0)
    cell.text = "x"
    #expect(cell.scalar == 0x78 && cell == Cell(text: "x", role: .normal, selected: false))
    cell.text = ""
    #expect(cell.isEmpty)
  }

  /// `put` writes standalone text by code point and anything else by grapheme; on seeded random
  /// texts mixing both (marks after letters, VS16, wide characters, controls), at random columns
  /// and limits, over a row already drawn, it must write what the grapheme rule alone writes.
  @Test func putWritesWhatTheGraphemeRuleWrites() {
    var random = SeededRandom.fromEnvironment("CellTests")
    let pieces = [
      "a", " ", "ệ", "Đắk", "e", "\u{301}", "\u{323}\u{302}", "\u{FE0F}", "─", "✅", "中", "😀", "\u{7}", "\u{AD}",
    ]
    for step in 0..<3000 {
      let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }
        .joined()
      let x = Int.random(in: -2...9, using: &random)
      let limit = Bool.random(using: &random) ? nil : Int.random(in: 0...8, using: &random)
      var canvas = Canvas(width: 10, height: 1)
      canvas.put("0123456789", x: 0, y: 0, role: .dim)
      var expected = canvas.cells
      let used = canvas.put(text, x: x, y: 0, role: .label, limit: limit)
      let expectedUsed = Self.reference(text, into: &expected, x: x, limit: limit, role: .label)
      let place =
        "step \(step) seed \(random.seed): \(text.debugDescription) at \(x) limit \(String(describing: limit))"
      #expect(used == expectedUsed, "\(place)")
      #expect(canvas.cells.map(\.code) == expected.map(\.code) && canvas.cells == expected, "\(place)")
    }
  }

  /// The grapheme rule of `Canvas.put`, cell by cell.
  static func reference(_ text: String, into cells: inout [Cell], x: Int, limit: Int?, role: Role) -> Int {
    let width = cells.count
    guard x < width else { return 0 }
    let end = min(width, x + (limit ?? width))
    var column = x
    for character in text {
      let columns = DisplayWidth.of(character)
      if columns == 0 { continue }
      if column + columns > end {
        for blank in max(0, column)..<max(max(0, column), end) {
          cells[blank] = Cell(text: " ", role: role, selected: false)
        }
        column = end
        break
      }
      if column >= 0 {
        cells[column] = Cell(text: String(character), role: role, selected: false)
        if columns == 2 { cells[column + 1] = Cell(text: "", role: role, selected: false) }
      }
      column += columns
    }
    return max(0, column - x)
  }
}
