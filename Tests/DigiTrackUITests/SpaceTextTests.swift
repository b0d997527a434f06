import TestSupport
import Testing

@testable import DigiTrackUI

/// `trimmingSpaces`, `spaceSeparatedWords` and `containsText` read bytes where every code point at
/// stake stands alone; on seeded random texts of spaces, letters, marks, wide characters and
/// controls they must answer as the Character-based versions do.
@Suite struct SpaceTextTests {
  static let pieces = [
    " ", " ", "  ", "a", "Z", "ễ", "Đắk", "\u{301}", "e\u{301}", "─", "✓", "中", "😀", "\u{7}", "\u{600}", "\u{A0}",
  ]

  static func text(_ random: inout SeededRandom) -> String {
    (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
  }

  @Test func answersAsCharactersDo() {
    var random = SeededRandom.fromEnvironment("SpaceTextTests")
    for step in 0..<3000 {
      let text = Self.text(&random)
      let place = "step \(step) seed \(random.seed): \(text.debugDescription)"
      var trimmed = Substring(text)
      while trimmed.first == " " { trimmed = trimmed.dropFirst() }
      while trimmed.last == " " { trimmed = trimmed.dropLast() }
      #expect(Array(text.trimmingSpaces.utf8) == Array(trimmed.utf8), "\(place)")
      #expect(
        text.spaceSeparatedWords.map { Array($0.utf8) } == text.split(separator: " ").map { Array($0.utf8) }, "\(place)"
      )
      let other = Self.text(&random)
      #expect(text.containsText(other) == (text.firstRange(of: other) != nil), "\(place) in \(other.debugDescription)")
      let inside = String(text.dropFirst(Int.random(in: 0...2, using: &random)).prefix(3))
      #expect(
        text.containsText(inside) == (text.firstRange(of: inside) != nil), "\(place) in \(inside.debugDescription)")
    }
  }

  @Test func edges() {
    #expect("   ".trimmingSpaces == "" && "".trimmingSpaces == "")
    #expect(" \u{301}a ".trimmingSpaces == " \u{301}a")
    #expect("Xanh (đúng hạn)   ".trimmingSpaces == "Xanh (đúng hạn)")
    #expect("GĐ2 còn 2 ngày · 30/06".containsText("còn 2 ngày"))
    #expect(!"GĐ2 còn 2 ngày".containsText("còn 3 ngày"))
  }

  /// `padded`, with which `fitted` pads, is the text and the spaces joined, byte for byte.
  @Test(arguments: ["", "a", "Tỉnh Đắk Lắk", "e\u{301}", "中😀", String(repeating: "─", count: 40)])
  func paddingIsJoiningSpaces(_ text: String) {
    for count in [-1, 0, 1, 3, 150] {
      let spaces = String(repeating: " ", count: max(0, count))
      #expect(Array(text.padded(count, before: false).utf8) == Array((text + spaces).utf8))
      #expect(Array(text.padded(count, before: true).utf8) == Array((spaces + text).utf8))
    }
  }
}
