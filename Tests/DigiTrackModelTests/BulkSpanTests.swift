import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// The bulk path finds each `"units": [...]` array with a scan of its own (bulk_spans.h) and
/// parses that span alone: the scan must read strings as JSON does (escapes, brackets and quotes
/// inside them), find the arrays wherever white space puts them, and leave the file to the precise
/// path when the span is not one. Each edited file is read from memory and from a file, and must
/// give what the precise path gives.
@Suite struct BulkSpanTests {
  static func text(seed: UInt64, provinces: Int = 3, communes: Int = 40) throws -> String {
    print("BulkSpanTests: generated data, seed \(seed)")
    return String(
      decoding: try SyntheticDataset(provinces: provinces, communes: communes, criteria: 12, seed: seed).json(),
      as: UTF8.self)
  }

  /// Both paths on `text`, from memory and from a file: the bulk result, and whether it was read
  /// in bulk both times.
  static func check(_ text: String, bulk expected: Bool, _ comment: String) throws {
    let bytes = Array(text.utf8)
    let fromMemory = BulkPathTests.both(bytes: bytes)
    #expect(fromMemory.bulk.bulk == expected, "\(comment), from memory")
    #expect(fromMemory.bulk.text == fromMemory.precise, "\(comment), from memory")
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("edited.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let fromFile = BulkPathTests.both(path: path, name: "f.json")
    #expect(fromFile.bulk.bulk == expected, "\(comment), from a file")
    #expect(fromFile.bulk.text == fromFile.precise, "\(comment), from a file")
  }

  /// A title that reads like a units list, with escaped quotes: the scan skips the whole string,
  /// so the file is still read in bulk (a scan that ended the string at `\"` would take `[1, 2]`
  /// as units, and the walk would refuse it).
  @Test func aStringThatReadsLikeAUnitsListIsSkipped() throws {
    let text = try Self.text(seed: 31)
    let title = "\"en\": \"Generated test data (not real figures)\""
    #expect(text.contains(title))
    let edited = text.replacingOccurrences(
      of: title, with: "\"en\": \"a \\\\\\\" \\\"units\\\": [1, 2] \\\\\"")
    try Self.check(edited, bulk: true, "escaped quotes in the title")
  }

  /// Brackets, braces and commas inside unit names and codes do not end the span.
  @Test func bracketsInsideNamesDoNotEndTheArray() throws {
    let text = try Self.text(seed: 32)
    let edited = text.replacingOccurrences(of: "\"name\": \"Xã Mẫu", with: "\"name\": \"Xã ]}] [{, Mẫu")
    #expect(edited != text)
    try Self.check(edited, bulk: true, "brackets in names")
  }

  /// White space around the colon, and line breaks inside the array, are found as the file has them.
  @Test func whiteSpaceAroundTheUnitsKeyIsRead() throws {
    let text = try Self.text(seed: 33)
    let edited = text.replacingOccurrences(of: "\"units\": [", with: "\"units\" \n\t:\r\n [ \n")
      .replacingOccurrences(of: "}]}}", with: "}\n ] \t}}")
    try Self.check(edited, bulk: true, "white space around the units key")
  }

  /// A backslash just after a units array (an escape in the string that follows it, within the
  /// same 64 bytes) is not one inside it: the file is still read in bulk.
  @Test func anEscapeRightAfterTheArrayIsNotInsideIt() throws {
    let text = try Self.text(seed: 34)
    let edited = text.replacingOccurrences(
      of: "\"communes\": {\"src\": \"illustrative\", \"units\": [", with: "\"communes\": {\"units\": ["
    )
    .replacingOccurrences(of: "}]}}", with: "}], \"src\": \"illustrativ\\u0065\"}}")
    #expect(edited.contains("], \"src\": \"illustrativ\\u0065\"}}"))
    try Self.check(edited, bulk: true, "an escape after the array")
  }

  /// Units arrays of very different lengths, the longest last: the parser's index grows between
  /// spans, and what it read before stays right.
  @Test func arraysOfGrowingLengthsAreAllRead() throws {
    for seed: UInt64 in [35, 36] {
      let bytes = try SyntheticDataset(provinces: 6, communes: 1_500, criteria: 20, seed: seed).json()
      try Self.check(String(decoding: bytes, as: UTF8.self), bulk: true, "seed \(seed)")
    }
  }

  /// What the scan takes for a units array but is not one, or is not where the format has it,
  /// goes the precise way with its messages: a truncated array, a units array of numbers in a
  /// province, a backslash inside a name.
  @Test func spansThatAreNotUnitsListsTakeThePrecisePath() throws {
    let text = try Self.text(seed: 37, provinces: 2, communes: 6)
    let edits: [(String, String)] = [
      ("}]}}\n     ]}", "}}}\n     ]}"),
      ("\"units\": {\"total\"", "\"units\": [1], \"x\": {\"total\""),
      ("\"name\": \"Xã Mẫu", "\"name\": \"Xã \\\\ Mẫu"),
      ("\"name\": \"Xã Mẫu", "\"name\": \"Xã \\\" Mẫu"),
    ]
    for (from, to) in edits {
      guard let range = text.range(of: from, options: .backwards) else {
        Issue.record("no \(from) in the generated data")
        continue
      }
      try Self.check(text.replacingCharacters(in: range, with: to), bulk: false, "\(from) → \(to)")
    }
  }
}

/// The point of the spans: simdjson indexes one units array at a time, never the whole file, and
/// a file is read a window at a time, never whole.
@Suite struct BulkSpanMemoryTests {
  @Test func theLongestIndexedSpanIsOneProvincesArray() throws {
    let bytes = try SyntheticDataset(provinces: 6, communes: 600, criteria: 20, seed: 38).json()
    let document = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count) })
    #expect(document.largestSpan > 0)
    #expect(document.largestSpan < bytes.count / 3)
  }

  /// A file of two units arrays each longer than the first window (1 MiB), with a byte-order
  /// mark, read from its descriptor: the window moves on and grows, and the result is the precise
  /// path's.
  @Test func aFileLargerThanTheWindowIsReadInBulk() throws {
    let bytes = try SyntheticDataset(provinces: 2, communes: 44_000, criteria: 20, seed: 39).json()
    let document = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count) })
    #expect(document.largestSpan > 1 << 20)
    try BulkSpanTests.check("\u{FEFF}" + String(decoding: bytes, as: UTF8.self), bulk: true, "a large file")
  }
}
