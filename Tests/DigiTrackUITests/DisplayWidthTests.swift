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
}
