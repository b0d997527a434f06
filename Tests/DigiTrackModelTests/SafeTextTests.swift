import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// Text from data files is made safe for a terminal, normalised, and folded for search.
@Suite struct SafeTextTests {
  /// Compares scalar by scalar: Swift's `==` on String treats NFD and NFC as equal.
  func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  static let cleaning: [(String, String, String)] = [
    ("plain ASCII is untouched", "Ha Noi", "Ha Noi"),
    ("C0 controls", "Lạng\u{0}\u{7} Sơn\u{8}", "Lạng Sơn"),
    ("DEL and C1 controls", "Huế\u{7F}\u{80}\u{9B}\u{9F}", "Huế"),
    ("a whole colour sequence", "\u{1B}[31mĐỏ\u{1B}[0m", "Đỏ"),
    ("a whole title sequence", "\u{1B}]0;owned\u{7}Cà Mau", "Cà Mau"),
    ("right-to-left override", "\u{202E}Sơn La", "Sơn La"),
    ("bidi isolates and embeddings", "\u{2066}Phú\u{2069} \u{202A}Thọ\u{202C}", "Phú Thọ"),
    ("zero-width characters", "Hưng\u{200B}\u{200C}\u{200D} Yên\u{2060}\u{FEFF}", "Hưng Yên"),
    ("private use and unassigned", "Lào\u{E000} Cai\u{0378}", "Lào Cai"),
    ("tabs and line breaks become spaces", "Thanh\tHóa\r\nmới", "Thanh Hóa mới"),
    ("runs of spaces collapse, ends are trimmed", "   Đà   Nẵng  ", "Đà Nẵng"),
    ("unicode spaces", "Hải\u{A0}Phòng\u{2003}\u{3000}x", "Hải Phòng x"),
    ("line and paragraph separators", "a\u{2028}b\u{2029}c", "a b c"),
    ("nothing left", " \u{200B}\u{202E}\u{1B} ", ""),
  ]

  @Test(arguments: 0..<cleaning.count)
  func clean(_ index: Int) {
    let (label, raw, expected) = Self.cleaning[index]
    #expect(scalars(SafeText.clean(raw)) == scalars(expected), "\(label)")
  }

  @Test func cleanNormalisesToNFC() {
    let nfd = "Lạng Sơn".decomposedStringWithCanonicalMapping
    #expect(nfd.unicodeScalars.count == 10)
    let cleaned = SafeText.clean(nfd)
    #expect(scalars(cleaned) == scalars("Lạng Sơn".precomposedStringWithCanonicalMapping))
    #expect(cleaned.unicodeScalars.count == 8)
    #expect(scalars(SafeText.clean("Tha\u{300}nh")) == scalars("Thành"))
  }

  @Test func cleanedTextHasNothingInvisible() {
    var raw = ""
    for value in Array(0x00...0xA0) + [0x200B, 0x200E, 0x202E, 0x2066, 0xFEFF, 0xE000] {
      raw.unicodeScalars.append(Unicode.Scalar(UInt32(value))!)
      raw += "x"
    }
    let cleaned = SafeText.clean(raw)
    #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(!cleaned.unicodeScalars.contains { SafeText.isInvisible($0) })
    #expect(!cleaned.hasPrefix(" ") && !cleaned.hasSuffix(" ") && !cleaned.contains("  "))
  }

  @Test func cleanIsIdempotent() {
    for (_, raw, _) in Self.cleaning {
      let once = SafeText.clean(raw)
      #expect(scalars(SafeText.clean(once)) == scalars(once))
    }
  }

  @Test func removingAnInvisibleCharacterKeepsNFC() {
    // U+200B between a letter and its combining accent blocks composition during NFC; removing it
    // afterwards leaves "e" + U+0301, which is not NFC.
    let cleaned = SafeText.clean("Hue\u{200B}\u{301}")
    #expect(cleaned == "Hué", "equal up to canonical equivalence")
    #expect(scalars(cleaned) == [0x48, 0x75, 0xE9])

  }

  @Test func isInvisible() {
    for value: UInt32 in [0x00, 0x1B, 0x7F, 0x85, 0x9B, 0x200B, 0x200D, 0x202E, 0x2066, 0xFEFF, 0xE000] {
      #expect(SafeText.isInvisible(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
    }
    for value: UInt32 in [0x41, 0x20, 0xE0, 0x1EA1, 0x0301, 0x0111] {
      #expect(!SafeText.isInvisible(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
    }
  }

  // MARK: - Search keys

  static let searchKeys: [(String, String)] = [
    ("Lạng Sơn", "lang son"),
    ("LANG  SON", "lang son"),
    ("ĐÀ NẴNG", "da nang"),
    ("Đắk Lắk", "dak lak"),
    ("Thanh Hoá", "thanh hoa"),
    ("Thanh Hóa", "thanh hoa"),
    ("TP. Hồ Chí Minh", "tp ho chi minh"),
    ("Bà Rịa-Vũng Tàu", "ba ria vung tau"),
    ("  Huế ", "hue"),
    ("Lạng Sơn".decomposedStringWithCanonicalMapping, "lang son"),
  ]

  @Test(arguments: 0..<searchKeys.count)
  func searchKey(_ index: Int) {
    let (text, expected) = Self.searchKeys[index]
    #expect(scalars(SafeText.searchKey(text)) == scalars(expected), "\(text)")
  }

  @Test func bothSpellingsOfThanhHoaMatch() {
    #expect(SafeText.searchKey("Thanh Hoá") == SafeText.searchKey("Thanh Hóa"))
    #expect(scalars(SafeText.searchKey("Thanh Hoá")) == scalars(SafeText.searchKey("Thanh Hóa")))
  }

  /// Folding a character at a time (with its cache) gives what folding the whole text gave, on
  /// random text of Vietnamese letters in both forms, marks after spaces and controls, CR LF,
  /// separators, capitals with special lower cases, emoji and Hangul.
  @Test func searchKeyByCharacterMatchesTheWholeText() {
    var random = SeededRandom.fromEnvironment("searchKey by character")
    let pieces = [
      "a", "Z", " ", ".", "-", "\r\n", "\n", "đ", "Đ", "ạ", "Ạ", "a\u{323}", "ơ\u{301}", "\u{301}", "\u{20DD}",
      "İ", "ß", "Σ", "ǅ", "ﬁ", "Ω", "Å", "\u{212B}", "🇻🇳", "👩\u{200D}💻", "한", "\u{1100}\u{1161}", "\u{0F73}",
      "Hồ", "Chí", "\u{00A0}", "\u{0300}\u{0323}", "e\u{0323}\u{0302}", "\u{0600}", "\u{0600}\u{301}",
    ]
    for _ in 0..<2000 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      #expect(scalars(SafeText.searchKey(text)) == scalars(SafeText.searchKeyOfWholeText(text)), "\(scalars(text))")
    }
  }

  // MARK: - ASCII folding

  static let folding: [(String, String)] = [
    ("Lạng Sơn", "Lang Son"),
    ("ĐÀ NẴNG", "DA NANG"),
    ("Đồng Tháp", "Dong Thap"),
    ("Huế", "Hue"),
    ("Thừa Thiên Huế", "Thua Thien Hue"),
    ("Cà Mau", "Ca Mau"),
    ("TP. Hồ Chí Minh", "TP. Ho Chi Minh"),
    ("5 300 000 ₫", "5 300 000 ?"),
    ("中", "?"),
  ]

  @Test(arguments: 0..<folding.count)
  func asciiFolded(_ index: Int) {
    let (text, expected) = Self.folding[index]
    let folded = SafeText.asciiFolded(text)
    #expect(folded == expected)
    #expect(folded.unicodeScalars.allSatisfy { $0.isASCII })
  }
}
