import Foundation
import Testing

@testable import DigiTrackModel

/// Text that tries to hide, impersonate or drive the terminal, and how `SafeText` answers.
@Suite struct HostileTextTests {
  func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  static let cleaning: [(String, String, String)] = [
    ("Hangul filler U+3164", "Hà\u{3164} Nội\u{3164}", "Hà Nội"),
    ("Hangul choseong filler U+115F", "\u{115F}Hà Nội", "Hà Nội"),
    ("Hangul jungseong filler U+1160", "Hà\u{1160} Nội", "Hà Nội"),
    ("halfwidth Hangul filler U+FFA0", "Hà Nội\u{FFA0}", "Hà Nội"),
    ("a name made only of fillers", "\u{3164}\u{115F}\u{1160}\u{FFA0}", ""),
    ("OSC title up to BEL", "Hà Nội\u{1B}]0;PWNED\u{7}", "Hà Nội"),
    ("OSC title up to ST", "Hà\u{1B}]2;PWNED\u{1B}\\ Nội", "Hà Nội"),
    ("C1 OSC up to C1 ST", "Hà\u{9D}0;PWNED\u{9C} Nội", "Hà Nội"),
    ("CSI clear screen", "\u{1B}[2J\u{1B}[HHà Nội", "Hà Nội"),
    ("CSI with parameters and intermediates", "Hà\u{1B}[38;5;196m Nội\u{1B}[0 q", "Hà Nội"),
    ("C1 CSI", "Hà Nội\u{9B}2J", "Hà Nội"),
    ("DCS up to ST", "Hà\u{1B}Pq#0;2;0;0;0\u{1B}\\ Nội", "Hà Nội"),
    ("APC, PM and SOS", "Hà\u{1B}_x\u{1B}\\\u{1B}^y\u{1B}\\\u{1B}Xz\u{1B}\\ Nội", "Hà Nội"),
    ("two-character ESC sequences", "\u{1B}cHà\u{1B}(B Nội\u{1B}7", "Hà Nội"),
    ("an unterminated OSC runs to the end", "Hà Nội\u{1B}]0;PWNED", "Hà Nội"),
    ("ZWJ between emoji is kept", "Đội 👩\u{200D}💻", "Đội 👩\u{200D}💻"),
    ("ZWJ after a presentation selector", "🏳\u{FE0F}\u{200D}🌈", "🏳\u{FE0F}\u{200D}🌈"),
    ("ZWJ after a skin tone", "👩🏽\u{200D}🚒", "👩🏽\u{200D}🚒"),
    (
      "a subdivision flag keeps its tags", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
      "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
    ),
    ("ZWJ between letters still goes", "Hà\u{200D}Nội", "HàNội"),
    ("ZWJ between a digit and an emoji goes", "1\u{200D}💻", "1💻"),
    ("a stray tag character goes", "Hà\u{E0041} Nội", "Hà Nội"),
  ]

  @Test(arguments: 0..<cleaning.count)
  func clean(_ index: Int) {
    let (label, raw, expected) = Self.cleaning[index]
    #expect(scalars(SafeText.clean(raw)) == scalars(expected), "\(label)")
  }

  /// Two names that look the same once drawn must also be equal once cleaned.
  @Test func aFillerCannotMakeADifferentNameThatLooksTheSame() {
    #expect(SafeText.clean("Hà Nội\u{3164}") == SafeText.clean("Hà Nội"))
    #expect(SafeText.searchKey(SafeText.clean("Hà\u{115F}Nội")) == SafeText.searchKey(SafeText.clean("HàNội")))
  }

  @Test func cleanedEmojiSequencesStayOneCharacter() {
    for sequence in ["👩\u{200D}💻", "👨\u{200D}👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈"] {
      #expect(SafeText.clean(sequence).count == 1, "\(sequence.unicodeScalars.map(\.value))")
    }
  }

  static let printing: [(String, String, String)] = [
    ("a file name with a title sequence", "n\u{1B}]0;PWNED\u{7}.json", #"n\u001B]0;PWNED\u0007.json"#),
    ("NUL and DEL", "a\u{0}b\u{7F}", #"a\u0000b\u007F"#),
    ("line breaks and tabs", "a\nb\tc\r", #"a\u000Ab\u0009c\u000D"#),
    ("bidi override", "abc\u{202E}txt.json", #"abc\u202Etxt.json"#),
    ("C1 CSI", "\u{9B}2J", #"\u009B2J"#),
    ("a Hangul filler", "Hà\u{3164}Nội", #"Hà\u3164Nội"#),
    ("beyond the BMP", "x\u{E0041}", #"x\u{E0041}"#),
    ("ordinary text is untouched", "tỉnh Lạng Sơn (bản 2).json", "tỉnh Lạng Sơn (bản 2).json"),
    ("spaces are kept as they are", "a  b ", "a  b "),
  ]

  @Test(arguments: 0..<printing.count)
  func printable(_ index: Int) {
    let (label, raw, expected) = Self.printing[index]
    #expect(SafeText.printable(raw) == expected, "\(label)")
    #expect(!SafeText.printable(raw).unicodeScalars.contains { SafeText.isInvisible($0) }, "\(label)")
  }

  /// What `clean` lets through, `printable` leaves alone: both share one idea of "invisible".
  @Test func cleanedTextIsAlreadyPrintable() {
    for (_, raw, _) in Self.cleaning + Self.printing {
      let cleaned = SafeText.clean(raw)
      // Emoji joiners are kept on purpose by `clean`; `printable` shows them.
      if cleaned.unicodeScalars.contains(where: { $0.value == 0x200D || (0xE0020...0xE007F).contains($0.value) }) {
        continue
      }
      #expect(SafeText.printable(cleaned) == cleaned, "\(scalars(raw))")
    }
  }

  // MARK: - Messages the loader prints

  @Test func aFileNameCannotDriveTheTerminalThroughAnError() throws {
    let error = try #require(
      Result { () throws(LoadError) in try DatasetLoader().load(path: "/nonexistent/n\u{1B}]0;PWNED\u{7}.json") }
        .failure())
    #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(error.description.contains(#"n\u001B]0;PWNED\u0007.json"#))
  }

  @Test func aKeyQuotedInAMessageIsPrintable() throws {
    var text = try String(
      contentsOf: testSourceDirectory.appendingPathComponent("Corpus/valid-minimal.json"), encoding: .utf8)
    text = text.replacingOccurrences(of: "\"title\":", with: "\"x\\u001b]0;PWNED\\u0007\": 1, \"title\":")
    let error = try #require(
      Result { () throws(LoadError) in try DatasetLoader().load(bytes: Array(text.utf8), name: "k.json") }.failure())
    #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(error)")
  }

  @Test func theSizeLimitMessageNamesNoFlag() throws {
    let error = try #require(
      Result { () throws(LoadError) in
        try DatasetLoader(maxBytes: 10).load(bytes: Array(repeating: 0x20, count: 11), name: "b.json")
      }
      .failure())
    #expect(error.exceedsSizeLimit)
    #expect(!error.description.contains("--"), "\(error)")
    #expect(error.description.contains("larger than the 10 bytes limit"))
  }
}
