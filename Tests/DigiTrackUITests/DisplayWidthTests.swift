import TestSupport
import Testing

@testable import DigiTrackUI

/// `DisplayWidth.of` answers the blocks every frame draws from tables and shortcuts; they must give
/// what the code point's properties give (`measured`), for every code point they cover, and the
/// fast measure of whole strings what the per-grapheme one gives.
@Suite struct DisplayWidthTests {
  @Test func tablesAgreeWithTheProperties() {
    for value in UInt32(0)..<0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(DisplayWidth.of(scalar) == DisplayWidth.measured(scalar), "U+\(String(value, radix: 16))")
    }
  }

  @Test func codePointsThatStandAloneMeasureAsGraphemes() {
    var all = ""
    for value in UInt32(0x20)..<0x2800 {
      guard let scalar = Unicode.Scalar(value), DisplayWidth.standsAlone(scalar) else { continue }
      let text = String(scalar)
      #expect(text.count == 1, "U+\(String(value, radix: 16)) is one grapheme")
      #expect(DisplayWidth.standaloneWidth(text) == DisplayWidth.of(Character(text)), "U+\(String(value, radix: 16))")
      all.append(text)
    }
    #expect(DisplayWidth.of(all) == all.reduce(0) { $0 + DisplayWidth.of($1) })
  }

  /// The UTF-8 reading of `standaloneWidth` gives what the code point one gives, on seeded random
  /// strings of ASCII, controls, Vietnamese, marks, symbols, wide and four-byte characters.
  @Test func readingBytesMeasuresAsReadingCodePoints() {
    var random = SeededRandom.fromEnvironment("DisplayWidthTests")
    let pieces = [
      "a", "Z", " ", "\u{7}", "\u{7F}", "é", "ễ", "Đắk", "e\u{301}", "─", "█", "✓", "→", "中", "😀", "\u{200B}", "\u{A0}",
    ]
    for step in 0..<2000 {
      let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }
        .joined()
      #expect(
        DisplayWidth.standaloneWidth(text) == DisplayWidth.standaloneWidth(scalars: text),
        "step \(step) seed \(random.seed): \(text.debugDescription)")
    }
  }
}
