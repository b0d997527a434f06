import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// Bad inputs that are impractical as corpus files: other encodings, NUL bytes, extreme nesting,
/// huge strings, paths that are not files, and the size limit. Built in code from the corpus's
/// valid-minimal.json.
@Suite struct GeneratedInputTests {
  static let validText: String = {
    let url = CorpusTests.directory.appendingPathComponent("valid-minimal.json")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  static var validBytes: [UInt8] { Array(validText.utf8) }

  /// valid-minimal.json with one exact, unique replacement.
  static func edited(_ old: String, _ new: [UInt8]) -> [UInt8] {
    let bytes = validBytes
    let needle = Array(old.utf8)
    var matches: [Int] = []
    var index = 0
    while index + needle.count <= bytes.count {
      if bytes[index..<(index + needle.count)].elementsEqual(needle) { matches.append(index) }
      index += 1
    }
    precondition(matches.count == 1, "\(old) occurs \(matches.count) times")
    return Array(bytes[..<matches[0]]) + new + Array(bytes[(matches[0] + needle.count)...])
  }

  static func edited(_ old: String, _ new: String) -> [UInt8] { edited(old, Array(new.utf8)) }

  @Test func baseDocumentIsValid() throws {
    let (lines, result) = diagnose(Self.validBytes)
    #expect(lines == [])
    let dataset = try result.get().dataset
    #expect(dataset.provinces.map(\.code) == ["20", "38"])
  }

  // MARK: - Encodings

  static let utf16Cases: [(String, String.Encoding, [UInt8])] = [
    ("UTF-16 LE with BOM", .utf16LittleEndian, [0xFF, 0xFE]),
    ("UTF-16 BE with BOM", .utf16BigEndian, [0xFE, 0xFF]),
    ("UTF-16 LE without BOM", .utf16LittleEndian, []),
    ("UTF-16 BE without BOM", .utf16BigEndian, []),
    ("UTF-32 LE with BOM", .utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00]),
  ]

  @Test(arguments: 0..<utf16Cases.count)
  func wideEncodingsAreNamed(_ index: Int) throws {
    let (label, encoding, bom) = Self.utf16Cases[index]
    let body = try #require(Self.validText.data(using: encoding))
    let (lines, result) = diagnose(bom + [UInt8](body))
    #expect(lines == ["input.json:1:1: error: the file is UTF-16 or UTF-32; save it as UTF-8"], "\(label)")
    #expect(result.failure()?.kind == .syntax)
  }

  @Test func byteOrderMarkOnlyShiftsNothing() {
    // The BOM is dropped before parsing, so positions are those of the text without it.
    let bytes = [0xEF, 0xBB, 0xBF] + Self.edited(#""asOf": "2025-12-29","#, #""asOf": "2025-12-29""#)
    #expect(
      diagnose(bytes).lines == ["input.json:5:3: error: invalid JSON: expected ',' or '}' after a member, found '\"'"])
  }

  @Test func windowsLineEndingsAreFine() throws {
    let crlf = Array(Self.validText.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    #expect(diagnose(crlf).lines == [])
    let broken = Array(
      Self.validText.replacingOccurrences(of: #""asOf": "2025-12-29","#, with: #""asOf": "2025-12-29""#)
        .replacingOccurrences(of: "\n", with: "\r\n").utf8)
    #expect(
      diagnose(broken).lines == ["input.json:5:3: error: invalid JSON: expected ',' or '}' after a member, found '\"'"])
  }

  /// Invalid UTF-8 is located at its first bad byte (line 40 holds `"name": "Lạng Sơn"`).
  static let invalidUTF8: [(String, [UInt8], String)] = [
    ("truncated sequence", [0x4C, 0xE1, 0xBA, 0x53], "input.json:40:30: error: the file is not valid UTF-8 here"),
    ("overlong slash", [0x4C, 0xC0, 0xAF], "input.json:40:30: error: the file is not valid UTF-8 here"),
    ("UTF-16 surrogate", [0x4C, 0xED, 0xA0, 0x80], "input.json:40:30: error: the file is not valid UTF-8 here"),
    ("lone continuation byte", [0x4C, 0x80], "input.json:40:30: error: the file is not valid UTF-8 here"),
    ("Latin-1 byte", [0x4C, 0xE0, 0x6E, 0x67], "input.json:40:30: error: the file is not valid UTF-8 here"),
  ]

  @Test(arguments: 0..<invalidUTF8.count)
  func invalidUTF8IsLocated(_ index: Int) {
    let (label, bytes, expected) = Self.invalidUTF8[index]
    let input = Self.edited(#""name": "Lạng Sơn""#, Array(#""name": ""#.utf8) + bytes + Array(#"""#.utf8))
    let (lines, result) = diagnose(input)
    #expect(lines == [expected], "\(label)")
    #expect(result.failure()?.kind == .syntax)
  }

  @Test func invalidUTF8AtTheVeryEnd() {
    let (lines, _) = diagnose(Self.validBytes + [0xE1, 0xBA])
    #expect(lines == ["input.json:86:1: error: the file is not valid UTF-8 here"])
  }

  // MARK: - NUL bytes

  @Test func nulInsideAString() {
    let input = Self.edited(#""asOf": "2025-12-29","#, Array(#""asOf": "2025-12"#.utf8) + [0] + Array(#"29","#.utf8))
    #expect(
      diagnose(input).lines == [
        "input.json:4:19: error: invalid JSON: unescaped control character in a string (a line break must be written \\n)"
      ])
  }

  @Test func nulBetweenTokens() {
    let input = Self.edited(#""asOf": "2025-12-29","#, [0] + Array(#""asOf": "2025-12-29","#.utf8))
    #expect(
      diagnose(input).lines == [
        "input.json:4:3: error: invalid JSON: expected a key in double quotes, found a byte 0x0"
      ])
  }

  @Test func onlyNulBytes() {
    let (lines, result) = diagnose(Array(repeating: 0, count: 64))
    #expect(lines == ["input.json:1:1: error: invalid JSON: expected a value, found a byte 0x0"])
    #expect(result.failure()?.kind == .syntax)
  }

  @Test func leadingNulIsNotUTF16() {
    let (lines, result) = diagnose([0] + Self.validBytes)
    #expect(result.failure()?.kind == .syntax)
    #expect(lines.count == 1)
    #expect(lines == ["input.json:1:1: error: invalid JSON: expected a value, found a byte 0x0"])
  }

  // MARK: - Nesting

  @Test func sixtyFourLevelsParse() {
    let input = Array(String(repeating: "[", count: 64).utf8) + Array(String(repeating: "]", count: 64).utf8)
    #expect(diagnose(input).lines == ["input.json:1:1: error: (top level): expected an object, found an array"])
  }

  static let deepCases: [(String, [UInt8])] = [
    ("65 arrays", Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)),
    ("100,000 arrays", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
    (
      "100,000 objects",
      Array((String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)
    ),
  ]

  @Test(arguments: 0..<deepCases.count)
  func tooDeepNestingIsRefused(_ index: Int) throws {
    let (label, input) = Self.deepCases[index]
    let (lines, result) = diagnose(input)
    let error = try #require(result.failure(), "\(label)")
    #expect(error.kind == .syntax)
    #expect(error.diagnostics.count == 1)
    #expect(lines.first?.contains("deep") == true || lines.first?.contains("nested") == true, "\(lines)")
    // The 65th opening bracket is the first one beyond the limit: column 65, or 321 for `{"a":`.
    let column = label.contains("objects") ? 5 * 64 + 1 : 65
    #expect(error.diagnostics.first?.place == .position(line: 1, column: column), "\(label): \(lines)")
    #expect(lines.first?.contains("64") == true, "\(label): \(lines)")

  }

  // MARK: - Huge strings

  @Test func fiftyMegabyteNameIsRefusedWithItsSize() throws {
    let huge = String(repeating: "a", count: 50 << 20)
    let input = Self.edited(#""name": "Lạng Sơn""#, #""name": ""# + huge + #"""#)
    let (lines, result) = diagnose(input)
    let error = try #require(result.failure())
    #expect(error.kind == .invalid)
    #expect(
      lines.first == "input.json:40:28: error: provinces[0].name: text is too long (52428800 characters; at most 1000)")
    #expect(lines.allSatisfy { $0.utf8.count < 300 })
  }

  @Test func hugeKeysGiveBoundedMessages() throws {
    let key = String(repeating: "k", count: 100_000)
    for (label, input) in [
      ("status key", Self.edited(#""T01": "green", "T02": "red""#, "\"\(key)\": \"green\", \"T02\": \"red\"")),
      ("unknown key", Self.edited(#""asOf": "2025-12-29","#, "\"asOf\": \"2025-12-29\", \"\(key)\": 1,")),
    ] {
      let (lines, result) = diagnose(input)
      #expect(result.failure()?.kind == .invalid)
      #expect(lines.count == 1, "\(label)")
      #expect(lines.allSatisfy { $0.utf8.count < 500 }, "\(label): \(lines.map(\.utf8.count)) bytes")

    }
  }

  static let textLengths: [(String, String, String?)] = [
    ("1000 ASCII characters", String(repeating: "a", count: 1000), nil),
    ("1000 three-byte characters", String(repeating: "ạ", count: 1000), nil),
    (
      "1000 characters after removing zero-width spaces",
      String(repeating: "a", count: 1000) + String(repeating: "\u{200B}", count: 10), nil
    ),
    (
      "1001 three-byte characters", String(repeating: "ạ", count: 1001),
      "text is too long (1001 characters; at most 1000)"
    ),
    ("4002 bytes", String(repeating: "ạ", count: 1334), "text is too long (1334 characters; at most 1000)"),
  ]

  @Test(arguments: 0..<textLengths.count)
  func textLengthLimit(_ index: Int) throws {
    let (label, text, message) = Self.textLengths[index]
    let input = Self.edited(#""title": {"vi": "Bộ dữ liệu tối thiểu","#, #""title": {"vi": ""# + text + #"","#)
    let (lines, result) = diagnose(input)
    if let message {
      #expect(lines == ["input.json:3:19: error: title.vi: \(message)"], "\(label)")
    } else {
      #expect(lines == [], "\(label)")
      #expect(try result.get().dataset.title.vi.count == 1000)
    }
  }

  // MARK: - Counts too large to add up

  /// Two provinces of Int.max communes each pass validation; the national commune total then
  /// overflows: `Aggregates(dataset:)` traps in `Ratio.+` ("arithmetic overflow"), seen with
  /// `digitrack-tui export --data FILE`. It is not called here, since a trap ends the test process.
  @Test func countsThatCannotBeAddedAreRefused() throws {
    let max = String(Int.max)
    var text = Self.validText
    for (old, new) in [
      (
        #""units": {"total": 3, "wards": 1, "communes": 2, "specialZones": 0, "src": "review"}"#,
        #""units": {"total": \#(max), "wards": \#(max), "communes": 0, "specialZones": 0, "src": "review"}"#
      ),
      (
        #""units": {"total": 4, "wards": 1, "communes": 2, "specialZones": 1, "src": "review"}"#,
        #""units": {"total": \#(max), "wards": \#(max), "communes": 0, "specialZones": 0, "src": "review"}"#
      ),
      (
        #""green": 2, "total": 3, "byCriterion": {"C01": 3, "C02": 2}"#,
        #""green": 2, "byCriterion": {"C01": 3, "C02": 2}"#
      ),
    ] {
      #expect(text.components(separatedBy: old).count == 2, "\(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    // Lạng Sơn's year-end report lists 3 units; give the count instead.
    let listing = try #require(text.range(of: #""communes": {"src": "review", "units": ["#))
    let end = try #require(text.range(of: "]}", range: listing.upperBound..<text.endIndex))
    text.replaceSubrange(listing.lowerBound..<end.upperBound, with: #""communes": {"green": 0, "src": "review"}"#)

    let (lines, result) = diagnose(Array(text.utf8))
    guard case .failure(let error) = result else {
      Issue.record("loaded without an error")
      return
    }
    #expect(error.kind == .invalid, "\(lines)")
    #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("input.json") }, "\(lines)")
  }

  // MARK: - Paths that are not data files, and the size limit

  @Test func directoryIsRefused() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let (lines, result) = diagnose(path: directory.path, name: "folder")
    #expect(lines == ["folder: error: is a directory, not a data file"])
    #expect(result.failure()?.kind == .unreadable)
  }

  @Test func missingFileIsRefused() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let path = directory.appendingPathComponent("no-such-file.json").path
    let (lines, result) = diagnose(path: path, name: "no-such-file.json")
    #expect(lines == ["no-such-file.json: error: cannot open: No such file or directory"])
    #expect(result.failure()?.kind == .unreadable)
  }

  @Test func displayNameDefaultsToThePath() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let path = directory.appendingPathComponent("gone.json").path
    #expect(throws: LoadError.self) { try DatasetLoader().load(path: path) }
    do {
      _ = try DatasetLoader().load(path: path)
    } catch {
      #expect(error.file == path)
      #expect(error.description == "\(path): error: cannot open: No such file or directory")
    }
  }

  @Test func emptyFileOnDisk() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let url = directory.appendingPathComponent("empty.json")
    try Data().write(to: url)
    let (lines, result) = diagnose(path: url.path, name: "empty.json")
    #expect(lines == ["empty.json:1:1: error: the file is empty"])
    #expect(result.failure()?.kind == .syntax)
  }

  @Test func byteOrderMarkAlone() {
    let (lines, _) = diagnose([0xEF, 0xBB, 0xBF])
    #expect(lines == ["input.json:1:1: error: the file is empty"])

  }

  @Test func sizeLimitIsInclusive() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let url = directory.appendingPathComponent("valid.json")
    try Data(Self.validBytes).write(to: url)
    let size = Self.validBytes.count

    // Exactly at the limit: accepted, from disk and from memory.
    #expect(diagnose(path: url.path, name: "valid.json", maxBytes: size).lines == [])
    #expect(diagnose(Self.validBytes, maxBytes: size).lines == [])

    // One byte over: refused before parsing, from disk and from memory.
    for (lines, result) in [
      diagnose(path: url.path, name: "valid.json", maxBytes: size - 1),
      diagnose(Self.validBytes, name: "valid.json", maxBytes: size - 1),
    ] {
      let error = try #require(result.failure())
      #expect(error.kind == .unreadable)
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics.first?.place == .file)
      #expect(lines.first?.hasPrefix("valid.json: error: file is larger than the ") == true)
      #expect(lines.first?.contains("0 MiB") == false, "\(lines)")
      #expect(lines.first?.contains("\(size - 1) bytes") == true, "\(lines)")

    }
  }

  @Test func sizeLimitMessageInMebibytes() throws {
    let temporary = try TemporaryFolder("model")
    let directory = temporary.url
    let url = directory.appendingPathComponent("big.json")
    try Data(repeating: 0x20, count: 5 << 19).write(to: url)  // 2.5 MiB of spaces
    let (lines, result) = diagnose(path: url.path, name: "big.json", maxBytes: 1 << 20)
    // Without a flag name: the model does not know the command line (the executable adds it).
    #expect(lines == ["big.json: error: file is larger than the 1 MiB limit (2 MiB or more)"])
    #expect(result.failure()?.kind == .unreadable)
  }
}
