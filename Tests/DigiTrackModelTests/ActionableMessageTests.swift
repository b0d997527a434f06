import Foundation
import Testing

@testable import DigiTrackModel

/// Issue 16, item 7: messages a person can act on, in both languages.
@Suite struct ActionableMessageTests {
  static func lines(_ bytes: [UInt8], _ language: Language) -> [String] {
    let result = Result { () throws(LoadError) in try DatasetLoader().load(bytes: bytes, name: "tinh.json") }
    switch result {
    case .success(let loaded): return loaded.warnings.map { $0.formatted(file: "tinh.json", language: language) }
    case .failure(let error): return error.diagnostics.map { $0.formatted(file: "tinh.json", language: language) }
    }
  }

  /// What a word processor types for `"`: named as such, not as "a byte 0xE2".
  @Test(arguments: ["“", "”"])
  func aTypographicQuoteIsNamed(_ quote: String) {
    let input = GeneratedInputTests.edited(#""asOf": "2025-12-29""#, #""asOf": \#(quote)2025-12-29""#)
    #expect(
      Self.lines(input, .en) == [
        "tinh.json:4:11: error: invalid JSON: a typographic quote \(quote) where JSON needs \" (turn off the editor's smart quotes)"
      ])
    #expect(
      Self.lines(input, .vi) == [
        "tinh.json:4:11: lỗi: JSON không hợp lệ: dấu ngoặc kiểu chữ in \(quote) ở chỗ JSON cần dấu \" (hãy tắt chế độ tự thay dấu ngoặc của trình soạn thảo)"
      ])
  }

  /// A semantic error gives the line and column of the value and the province it is about.
  @Test func aRuleBrokenInAReportGivesItsPlaceInTheFileAndTheProvince() {
    let input = GeneratedInputTests.edited(#""green": 2, "total": 3"#, #""green": 4, "total": 3"#)
    let lines = Self.lines(input, .en)
    #expect(lines.count == 1)
    #expect(
      lines.first?.range(
        of: #"^tinh\.json:\d+:\d+: error: snapshots\[\d\]\.reports\[\d\]\.communes\.green \((Lạng Sơn|Thanh Hóa)\): "#,
        options: .regularExpression) != nil, "\(lines)")
    // The column points at the value itself.
    let text = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let place = lines.first?.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) } ?? []
    if place.count == 2 {
      let line = Array(text[place[0] - 1])
      #expect(String(line[(place[1] - 1)...].prefix(1)) == "4", "\(String(line))")
    }
  }

  /// A value cut in a message is cut before a character the cut would split, never shown as U+FFFD.
  @Test func aCutValueEndsOnACharacterBoundary() {
    let long = String(repeating: "ạ", count: 20)
    let input = GeneratedInputTests.edited(#""asOf": "2025-12-29""#, #""asOf": "\#(long)""#)
    for language in Language.allCases {
      let lines = Self.lines(input, language)
      #expect(lines.count == 1)
      #expect(lines.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") }, "\(lines)")
      #expect(lines.first?.contains("\"" + String(repeating: "ạ", count: 13) + "\"") == true, "\(lines)")
    }
  }

  /// One unit: a text too long is counted in characters only, never "bytes; at most … characters".
  @Test func aTooLongTextIsCountedInOneUnit() {
    let input = GeneratedInputTests.edited(
      #""name": "Lạng Sơn""#, #""name": ""# + String(repeating: "a", count: 10_010) + #"""#)
    for line in Self.lines(input, .en) + Self.lines(input, .vi) {
      #expect(!line.contains("byte"), "\(line)")
    }
    #expect(Self.lines(input, .en).contains { $0.hasSuffix("text is too long (10010 characters; at most 1000)") })
  }

  /// The system's reasons in the user's language, and a number for any other.
  @Test func systemErrorsAreTranslated() {
    for code in [ENOENT, EACCES, EEXIST, EISDIR, ENOSPC, EROFS, ENOTDIR] {
      let text = LocalizedText.systemError(code)
      #expect(text.vi != text.en)
      #expect(text.en == String(cString: strerror(code)))
    }
    #expect(LocalizedText.systemError(EIO).vi == "lỗi hệ thống (mã errno \(EIO))")
  }
}
