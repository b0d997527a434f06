import DigiTrackModel
import Foundation
import TestSupport
import Testing

/// The text operations written on the standard library (PlainText.swift, JSONTree.swift, SafeText's
/// normalization) against full Foundation's, which the tests may still link: the same result on
/// hand-picked cases and on seeded random text drawn from what the data holds (Vietnamese,
/// ASCII, spaces of every kind, full-width forms, combining marks, quotes and backslashes).
@Suite struct PlainTextTests {
  static let alphabet: [String] = {
    var pieces = Array(
      "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    )
    .map(String.init)
    pieces += ["A", "Z", "0", "9", ".", "-", "/", "\\", "\"", " ", " ", " ", "\t", "\n", "\r\n", "\u{3000}"]
    pieces += ["\u{FF38}", "\u{FF21}", "\u{FF4E}", "\u{FF48}", "\u{300}", "\u{301}", "\u{323}", "\u{303}"]
    pieces += ["e\u{302}\u{301}", "o\u{31B}\u{323}", "Ω", "ß", "İ", "😀", "👩‍💻", "\u{85}", "\u{2028}"]
    return pieces
  }()

  static func randomText(_ random: inout SeededRandom, length: Int) -> String {
    (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
  }

  @Test func trimmingMatchesFoundation() {
    var random = SeededRandom.fromEnvironment("plainTextTrim")
    for _ in 0..<2_000 {
      let text = Self.randomText(&random, length: Int(random.next() % 12))
      #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
      #expect(
        text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test func replacingMatchesALiteralReplacement() {
    var random = SeededRandom.fromEnvironment("plainTextReplace")
    for _ in 0..<2_000 {
      let text = Self.randomText(&random, length: Int(random.next() % 16))
      for (target, replacement) in [("\"", "\"\""), ("\\", "\\\\"), (".", ","), ("â", "a"), ("  ", " ")] {
        #expect(
          text.replacingEvery(target, with: replacement)
            == text.replacingOccurrences(of: target, with: replacement, options: .literal),
          "\(Array(text.unicodeScalars)) \(target)")
      }
    }
    // A quote that a combining mark follows is still doubled: the CSV escape cannot be dodged.
    #expect("a\"\u{301}b".replacingEvery("\"", with: "\"\"") == "a\"\"\u{301}b")
  }

  @Test func foldingMatchesFoundationOnStatusText() {
    var random = SeededRandom.fromEnvironment("plainTextFold")
    let words = ["Xanh", "XANH", "xanh", "Vàng", "ĐỎ", "Chưa báo cáo", "ＸＡＮＨ", "Green", "not reported", "Hoàn thành"]
    for word in words {
      #expect(
        word.foldingCaseMarksAndWidth()
          == word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil), "\(word)"
      )
    }
    for _ in 0..<2_000 {
      let text = Self.randomText(&random, length: Int(random.next() % 10))
      // Foundation keeps a mark that follows no letter (at the start, after a space or an emoji);
      // ours drops every mark. Status words have their marks on letters.
      let scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
      let strayMark = scalars.indices.contains { index in
        scalars[index].properties.generalCategory == .nonspacingMark
          && (index == 0
            || !(scalars[index - 1].properties.isAlphabetic
              || scalars[index - 1].properties.generalCategory == .nonspacingMark))
      }
      guard !strayMark else { continue }
      guard !text.unicodeScalars.contains(where: { ["😀", "👩", "\u{200D}"].contains($0) }) else { continue }
      #expect(
        text.foldingCaseMarksAndWidth()
          == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil),
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test func pathsMatchNSString() {
    let paths = [
      "", "/", "/a", "/a/", "/a/b", "a//b", "/a//b//", "../a/b.json", "a.json", ".hidden", "a/.hidden", "name.",
      "a.b/c", "a/b.tar.gz", "/tmp/x.XLSX", "dir.d/", "~/a.csv", "..", "a/..", "/.x", "..json", "a..b", "a/b/",
      "Hà Nội/Lạng Sơn.xlsx", "a/b/../c.ods", "ab", "ab/",
    ]
    for path in paths {
      let ns = path as NSString
      #expect(PathText.lastComponent(path) == ns.lastPathComponent, "last of \(path)")
      #expect(PathText.deletingLastComponent(path) == ns.deletingLastPathComponent, "deleting last of \(path)")
      #expect(PathText.pathExtension(path) == ns.pathExtension, "extension of \(path)")
      #expect(PathText.isAbsolute(path) == ns.isAbsolutePath, "absolute \(path)")
    }
    // Where NSString traps (a one-character path: "a", "a/", "~", ".") or gives "" for a run of
    // slashes, the rules above hold: no component left is "", the root stays the root.
    #expect(PathText.deletingLastComponent("a") == "" && PathText.deletingLastComponent("a/") == "")
    #expect(PathText.deletingLastComponent(".") == "" && PathText.lastComponent("~") == "~")
    #expect(PathText.lastComponent("//") == "/" && PathText.deletingLastComponent("///") == "/")
  }

  @Test func numbersFormatAsStringFormat() {
    var random = SeededRandom.fromEnvironment("plainTextFormat")
    for _ in 0..<2_000 {
      let value = Double(bitPattern: random.next())
      guard value.isFinite else { continue }
      for format in ["%.0f", "%.1f", "%.2f", "%8.1f"] {
        #expect(CFormat.string(format, value) == String(format: format, value), "\(format) \(value)")
      }
    }
    #expect(CFormat.string("%.0f", 1e300) == String(format: "%.0f", 1e300))
  }

  @Test func normalizationMatchesFoundation() {
    var random = SeededRandom.fromEnvironment("plainTextNormalize")
    for _ in 0..<2_000 {
      let text = Self.randomText(&random, length: Int(random.next() % 10))
      // `clean` ends in NFC whichever way it takes.
      let cleaned = SafeText.clean(text)
      let ours = cleaned.unicodeScalars.map(\.value)
      let foundations = cleaned.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
      #expect(ours == foundations, "\(Array(text.unicodeScalars))")
      let folded = SafeText.asciiFolded(text)
      let expected = String(
        String.UnicodeScalarView(
          text.decomposedStringWithCanonicalMapping.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.properties.generalCategory == .nonspacingMark { return nil }
            if scalar == "đ" { return "d" }
            if scalar == "Đ" { return "D" }
            return scalar.isASCII ? scalar : "?"
          }))
      #expect(folded == expected, "\(Array(text.unicodeScalars))")
    }
  }

  @Test func jsonTreeReadsWhatJSONSerializationReads() throws {
    let text = #"{"a": [1, 2.5, -3, 0, "x\u00e9", true, false, null], "b": {"c": "d"}, "a2": 9007199254740993}"#
    let tree = try #require(try JSONTree.parse(Array(text.utf8)) as? [String: Any])
    let list = try #require(tree["a"] as? [Any])
    #expect(list[0] as? Int == 1)
    #expect(list[1] as? Double == 2.5)
    #expect(list[2] as? Int == -3)
    #expect(list[4] as? String == "xé")
    #expect(list[5] as? Bool == true && list[6] as? Bool == false)
    #expect(list[7] is JSONTree.Null)
    #expect((tree["b"] as? [String: Any])?["c"] as? String == "d")
    #expect(tree["a2"] as? Int == 9_007_199_254_740_993)
    #expect(throws: JSONTree.Failure.self) { try JSONTree.parse(Array(#"{"roles": "#.utf8)) }
    do {
      _ = try JSONTree.parse(Array("{\n  \"a\": 1,\n}".utf8))
      Issue.record("a trailing comma was accepted")
    } catch {
      #expect(error.line != nil && error.column != nil, "\(error)")
      #expect(!error.text(.en).hasPrefix("invalid JSON"), "\(error.text(.en))")
    }
  }
}
