import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// The loader's fast paths must give exactly what the full paths give: text cleaning that skips
/// normalisation, status keys matched by position, files read into a padded buffer.
@Suite struct FastPathTests {
  /// Every character that `SafeText.isClean` accepts, as ranges of code points.
  static let fastRanges: [ClosedRange<UInt32>] = [
    0x21...0x7E, 0xA1...0xAC, 0xAE...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027,
  ]

  func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  func isClean(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { SafeText.isClean($0) }
  }

  @Test func everyCharacterTheFastPathAcceptsIsLeftAsItIsByTheFullPath() {
    for range in Self.fastRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let text = "a" + String(Character(scalar)) + " " + String(Character(scalar))
        #expect(isClean(text), "U+\(String(value, radix: 16)) should take the fast path")
        #expect(scalars(SafeText.cleanSlowly(text)) == scalars(text), "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test(
    arguments: [
      0x00, 0x09, 0x1F, 0x7F, 0x85, 0xA0, 0xAD, 0x300, 0x301, 0x345, 0x3A9, 0x1DFF, 0x1F00, 0x200B, 0x2028, 0x202E,
      0x2126, 0xFEFF, 0x1F600,
    ] as [UInt32])
  func charactersOutsideTheRangesTakeTheFullPath(_ value: UInt32) throws {
    let scalar = try #require(Unicode.Scalar(value))
    #expect(!isClean("x" + String(Character(scalar)) + "y"))
  }

  @Test(arguments: ["", "a", "Hà Nội", "Phường Mẫu 00001", "Xã Đông Hưng – Thái Bình…"])
  func cleanTextIsRecognised(_ text: String) {
    #expect(isClean(text))
    #expect(scalars(SafeText.clean(text)) == scalars(text))
  }

  @Test(arguments: [" a", "a ", "a  b", " ", "  ", "a\tb", "a\u{0}b", "Ha\u{300} Noi", "A\u{200B}B"])
  func spacesAtTheEndsDoubledOrInvisibleTakeTheFullPath(_ text: String) {
    #expect(!isClean(text))
    #expect(scalars(SafeText.clean(text)) == scalars(SafeText.cleanSlowly(text)))
  }

  /// Random text from an alphabet that mixes both paths gives the same result either way.
  @Test func randomTextCleansTheSameOnBothPaths() {
    let alphabet: [String] = [
      "a", "Z", " ", "  ", "ơ", "Ư", "ệ", "Ỹ", "\u{300}", "\u{323}", "\u{200B}", "\t", "–", "…", "\u{A0}", "\u{AD}",
      "ß", "ʼ", "\u{2028}", "Å", "\u{212B}", "\u{1F600}",
    ]
    var random = SplitMix64(seed: 42)
    for _ in 0..<5_000 {
      let length = Int(random.next() % 12)
      let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
      #expect(scalars(SafeText.clean(text)) == scalars(SafeText.cleanSlowly(text)), "\(scalars(text))")
    }
  }

  // MARK: - Status keys

  /// Status keys matched by their position in the previous commune must still be matched by name
  /// when the order changes from one commune to the next.
  @Test func statusKeysInAnyOrderGiveTheSameStatuses() throws {
    let generator = SyntheticDataset(provinces: 3, communes: 60, criteria: 20, seed: 3)
    let original = String(decoding: try generator.json(), as: UTF8.self)
    let reordered = try reorderStatusMaps(original)
    #expect(reordered != original)
    let a = try DatasetLoader().load(bytes: Array(original.utf8), name: "a.json").dataset
    let b = try DatasetLoader().load(bytes: Array(reordered.utf8), name: "b.json").dataset
    for (left, right) in zip(a.snapshots[0].reports, b.snapshots[0].reports) {
      #expect(left?.communes.units?.statuses == right?.communes.units?.statuses)
      #expect(left?.provincialStatuses == right?.provincialStatuses)
    }
  }

  @Test func anUnknownDuplicateOrWrongStatusKeyAfterValidOnesIsReportedAtItsPath() throws {
    let generator = SyntheticDataset(provinces: 2, communes: 10, criteria: 10, seed: 5)
    var text = String(decoding: try generator.json(), as: UTF8.self)
    // The third unit: a key that is not a criterion, a repeated key and a word that is not a status.
    let marker = "\"code\": \"U0000003\""
    let unit = try #require(text.range(of: marker))
    let statuses = try #require(text.range(of: "\"statuses\": {", range: unit.upperBound..<text.endIndex))
    text.insert(
      contentsOf: "\"C999\": \"green\", \"C001\": \"green\", \"C001\": \"red\", \"C002\": \"Green\", ",
      at: statuses.upperBound)
    let (lines, result) = diagnose(Array(text.utf8), name: "keys.json")
    #expect(result.failure() != nil)
    let path = "snapshots[0].reports[0].communes.units[2].statuses"
    let province = "(Tỉnh Mẫu 01)"
    #expect(lines.contains("keys.json:40:94: error: \(path).C999 \(province): unknown criterion id \"C999\""))
    #expect(lines.contains("keys.json:40:160: error: \(path).C001 \(province): duplicate key \"C001\""))
    #expect(
      lines.contains(
        "keys.json:40:177: error: \(path).C002 \(province): \"Green\" is not one of \"green\", \"yellow\", \"red\", \"not_reported\""
      ))
  }

  /// Reverses the members of every other status map of the generated text.
  private func reorderStatusMaps(_ text: String) throws -> String {
    let pattern = try NSRegularExpression(pattern: "\"statuses\": \\{([^}]*)\\}")
    let source = text as NSString
    var result = ""
    var last = 0
    for (index, match) in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)).enumerated() {
      let inner = source.substring(with: match.range(at: 1))
      let members = inner.components(separatedBy: ", ")
      let body = index % 2 == 0 ? members.reversed().joined(separator: ", ") : inner
      result += source.substring(with: NSRange(location: last, length: match.range.location - last))
      result += "\"statuses\": {\(body)}"
      last = match.range.location + match.range.length
    }
    result += source.substring(from: last)
    return result
  }

  // MARK: - The tape

  /// simdjson saturates a container's count at 2^24 - 1 on its tape; past that the count is walked.
  @Test func anArrayLongerThanTheTapesCountFieldIsCountedByWalkingIt() throws {
    let count = 0xFF_FFFF + 3
    var text = [UInt8](repeating: UInt8(ascii: ","), count: 2 * count + 1)
    text[0] = UInt8(ascii: "[")
    for index in 0..<count { text[2 * index + 1] = UInt8(ascii: "7") }
    text[2 * count] = UInt8(ascii: "]")
    let document = try text.withUnsafeBytes { try JSONDocument(parsing: $0, maxDepth: 4) }
    #expect(document.withRoot { $0.count } == count)
    let small = try Array("[1, [2, 3], {\"a\": 4.5}, \"x\"]".utf8).withUnsafeBytes {
      try JSONDocument(parsing: $0, maxDepth: 4)
    }
    small.withRoot { root in
      #expect(root.count == 4)
      #expect(root.elements.map(\.kind) == [.integer, .array, .object, .string])
      #expect(root.elements.map(\.count) == [0, 2, 1, 1])
    }
  }

  // MARK: - Reading files

  // Pipes are refused before a byte is read: SpecialFileTests.

  @Test func aFileWithAByteOrderMarkIsParsedFromTheBufferAfterIt() throws {
    let bytes = try SyntheticDataset(provinces: 2, communes: 20, criteria: 10, seed: 2).json()
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    let path = folder.appendingPathComponent("bom.json").path
    try Data([0xEF, 0xBB, 0xBF] + bytes).write(to: URL(fileURLWithPath: path))
    let loaded = try DatasetLoader().load(path: path)
    #expect(loaded.dataset.provinces.count == 2)
  }
}
