import TestSupport
import Testing

@testable import DigiTrackUI

/// The text export writes lines straight to bytes (`Line.appendText`) instead of drawing them into
/// a canvas row; both must give the same text for any line at any width, including what the
/// canvas treats specially: wide characters at the edge, marks and controls without columns,
/// spaces at the end, graphemes of several code points.
@Suite struct LineTextTests {
  /// Text pieces chosen for the canvas's special cases, and plain ones.
  static let pieces = [
    " ", "  ", "a", "Lạng Sơn", "Xã Đông", "─", "●", "…", "·", "→", "✓", "漢字", "ｶ", "가", "😀", "❤️",
    "e\u{301}", "\u{301}", "\u{200B}", "\u{7}", "\u{7F}", "\u{AD}", "👩‍👩‍👧", "🇻🇳", "\u{A0}", "ـ", " x ",
    "abc   ", "   ", "\u{0D4E} ", "Phường 1", "\u{1E00}", "▲▼", "\u{2028}",
  ]

  static func drawn(_ line: Line, width: Int) -> String {
    var row = Canvas(width: width, height: 1)
    line.draw(into: &row, y: 0)
    return row.text(row: 0)
  }

  static func written(_ line: Line, width: Int) -> String {
    var bytes: [UInt8] = Array("prefix".utf8)
    line.appendText(width: width, to: &bytes)
    return String(decoding: bytes.dropFirst(6), as: UTF8.self)
  }

  @Test func randomLinesGiveTheCanvasText() {
    var random = SeededRandom.fromEnvironment("LineTextTests")
    let roles = Role.allCases
    for _ in 0..<3_000 {
      let width = Int.random(in: 0...24, using: &random)
      var line = Line(fill: Bool.random(using: &random) ? .title : nil)
      for _ in 0..<Int.random(in: 0...5, using: &random) {
        var text = ""
        for _ in 0..<Int.random(in: 1...3, using: &random) { text += Self.pieces.randomElement(using: &random)! }
        line.append(text, roles.randomElement(using: &random)!)
      }
      let expected = Self.drawn(line, width: width)
      #expect(
        Self.written(line, width: width) == expected,
        "width \(width): \(line.spans.map { $0.text.unicodeScalars.map { String($0.value, radix: 16) } })")
    }
  }

  @Test func aWideCharacterAtTheEdgeEndsTheLine() {
    let line = Line([Span("ab漢"), Span("c")])
    #expect(Self.written(line, width: 3) == "ab")
    #expect(Self.written(line, width: 3) == Self.drawn(line, width: 3))
    #expect(Self.written(line, width: 5) == "ab漢c")
  }
}
