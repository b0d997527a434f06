import TestSupport
import Testing

@testable import DigiTrackUI

/// `ProvinceView.longest` skips texts whose UTF-8 length cannot beat the widest so far; on seeded
/// random names of ASCII, Vietnamese (precomposed and not), wide characters, emoji and marks it
/// must give the widest measured width, as measuring every text does.
@Suite struct LongestTextTests {
  @Test func skippingShortTextsFindsTheWidest() {
    var random = SeededRandom.fromEnvironment("LongestTextTests")
    let pieces = ["a", "Xã ", "Phường", "Đắk", "e\u{301}", "中", "😀", "\u{2764}\u{FE0F}", "─", " ", "12"]
    for step in 0..<500 {
      let texts = (0..<Int.random(in: 0...40, using: &random)).map { _ in
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
      }
      #expect(
        ProvinceView.longest(texts) == (texts.map(\.displayWidth).max() ?? 0), "step \(step) seed \(random.seed)")
    }
  }
}
