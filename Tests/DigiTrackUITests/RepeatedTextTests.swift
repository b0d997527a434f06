import DigiTrackUI
import Testing

/// `String.repeated`, which bars, rules and padding use, is `String(repeating:count:)` byte for
/// byte: one-byte, multi-byte and multi-scalar pieces, and counts down to none.
struct RepeatedTextTests {
  @Test(arguments: [" ", "█", "░", "─", "ab", "e\u{301}", "👍🏽", "Đắk", ""])
  func isTheStandardLibrarysRepetition(_ piece: String) {
    for count in [0, 1, 2, 7, 200] {
      let made = String.repeated(piece, count: count)
      #expect(made == String(repeating: piece, count: count), "\(piece.debugDescription) × \(count)")
      #expect(Array(made.utf8) == Array(String(repeating: piece, count: count).utf8))
    }
    #expect(String.repeated(piece, count: -3).isEmpty)
  }
}
