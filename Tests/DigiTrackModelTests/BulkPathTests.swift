import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// The bulk path (simdjson On-Demand for the commune units, `BulkDocument`) must give exactly what
/// the precise path gives: the same dataset, the same warnings, the same messages in both
/// languages. A file it refuses is read the precise way, whose messages the corpus goldens hold.
@Suite struct BulkPathTests {
  /// Everything a load gives that a user can see: the dataset as the writer writes it, or every
  /// message in both languages.
  static func outcome(_ load: () throws(LoadError) -> LoadedDataset) -> (text: String, bulk: Bool) {
    do {
      let loaded = try load()
      let warnings = Language.allCases.flatMap { language in
        loaded.warnings.map { $0.formatted(file: "f.json", language: language) }
      }
      return (
        String(decoding: DatasetWriter.json(loaded.dataset), as: UTF8.self) + warnings.joined(), loaded.readInBulk
      )
    } catch {
      return (Language.allCases.map { error.description(in: $0) }.joined(separator: "\n"), false)
    }
  }

  static func both(path: String, name: String) -> (bulk: (text: String, bulk: Bool), precise: String) {
    let bulk = outcome { () throws(LoadError) in try DatasetLoader().load(path: path, displayName: name) }
    let precise = outcome { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(path: path, displayName: name)
    }
    return (bulk, precise.text)
  }

  static func both(bytes: [UInt8]) -> (bulk: (text: String, bulk: Bool), precise: String) {
    let bulk = outcome { () throws(LoadError) in try DatasetLoader().load(bytes: bytes, name: "f.json") }
    let precise = outcome { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(bytes: bytes, name: "f.json")
    }
    #expect(!precise.bulk)
    return (bulk, precise.text)
  }

  @Test(arguments: CorpusTests.files)
  func corpusFileGivesTheSameOnBothPaths(_ file: String) {
    let path = CorpusTests.directory.appendingPathComponent(file).path
    let (bulk, precise) = Self.both(path: path, name: file)
    #expect(bulk.text == precise, "\(file)")
  }

  @Test(arguments: FuzzRegressionTests.files)
  func fuzzInputGivesTheSameOnBothPaths(_ path: String) {
    let (bulk, precise) = Self.both(path: path, name: "f.json")
    #expect(bulk.text == precise, "\(path)")
  }

  @Test func theValidCorpusFileIsReadInBulk() {
    let path = CorpusTests.directory.appendingPathComponent("valid-minimal.json").path
    #expect(Self.both(path: path, name: "valid-minimal.json").bulk.bulk)
  }

  /// Generated national-shaped data, several seeds and sizes, from a file and from memory.
  @Test(arguments: [(UInt64(1), 3, 40), (UInt64(7), 2, 300), (UInt64(20_261_201), 5, 120)])
  func generatedDataIsReadInBulkAndGivesTheSameDataset(seed: UInt64, provinces: Int, communes: Int) throws {
    print("BulkPathTests: generated data, seed \(seed)")
    let bytes = try SyntheticDataset(provinces: provinces, communes: communes, criteria: 40, seed: seed).json()
    let fromMemory = Self.both(bytes: bytes)
    #expect(fromMemory.bulk.bulk, "seed \(seed)")
    #expect(fromMemory.bulk.text == fromMemory.precise, "seed \(seed)")
    let folder = try TemporaryFolder()
    let path = folder.url.appendingPathComponent("generated.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let fromFile = Self.both(path: path, name: "generated.json")
    #expect(fromFile.bulk.bulk, "seed \(seed)")
    #expect(fromFile.bulk.text == fromMemory.precise, "seed \(seed)")
  }

  /// Random edits of one unit that the bulk walk does not take (an escape, a status object, a
  /// key out of place, a wrong word, a duplicate, broken JSON): each is read the precise way,
  /// with the precise messages. Seeded; the seed is printed.
  @Test func editedUnitsTakeThePrecisePathWithItsMessages() throws {
    let seed: UInt64 = 14
    print("BulkPathTests: edits, seed \(seed)")
    var random = SplitMix64(seed: seed)
    let text = String(
      decoding: try SyntheticDataset(provinces: 2, communes: 30, criteria: 12, seed: seed).json(), as: UTF8.self)
    let edits: [(from: String, to: String, bulk: Bool)] = [
      ("\"name\": \"Xã", "\"name\": \"X\\u00e3", false),
      ("\"name\": \"", "\"name\": \"\\u0007", false),
      ("\"name\": \"", "\"name\": \"\t", false),
      ("\"code\": \"U", "\"code\": \"\u{1}U", false),
      ("\"name\": \"X", "\"name\": \"X\u{300}", false),
      ("\": \"green\"", "\": {\"status\": \"green\"}", false),
      ("\": \"yellow\"", "\": \"blue\"", false),
      ("\"kind\": \"", "\"kinds\": \"", false),
      ("\"kind\": \"commune\"", "\"kind\": \"town\"", false),
      ("\"kind\": \"ward\"", "\"kind\": 1", false),
      ("\"code\": \"U", "\"code\": \"U U", false),
      ("\"statuses\": {", "\"statuses\": {\"T999\": \"green\", ", false),
      ("\"statuses\": {", "\"statuses\": [", false),
      (", \"kind\"", ", \"name\": \"again\", \"kind\"", false),
      ("\"units\": [", "\"units\": [1, ", false),
      ("\"units\": [", "\"units\": {", false),
      ("}]", "}", false),
      ("\"name\": \"", "\"name\": \"  ", false),
      ("\"src\": \"illustrative\"", "\"src\": \"illustrativ\"", false),
    ]
    let firstUnits = try #require(text.range(of: "\"units\": [")).lowerBound
    for edit in edits {
      // Edit one occurrence inside the units lists, chosen at random among the first ones.
      let ranges = text.ranges(of: edit.from).filter { $0.lowerBound >= firstUnits }
      guard !ranges.isEmpty else {
        Issue.record("no \(edit.from) in the generated data")
        continue
      }
      let range = ranges[Int(random.next() % UInt64(min(ranges.count, 50)))]
      let edited = text.replacingCharacters(in: range, with: edit.to)
      let (bulk, precise) = Self.both(bytes: Array(edited.utf8))
      #expect(bulk.bulk == edit.bulk, "\(edit.from) → \(edit.to)")
      #expect(bulk.text == precise, "\(edit.from) → \(edit.to)")
    }
  }

  /// Bytes that are not UTF-8 inside a unit's name: simdjson's stage 1 refuses them on both paths.
  @Test func invalidUTF8InAUnitGivesTheSameMessage() throws {
    var bytes = try SyntheticDataset(provinces: 1, communes: 5, criteria: 4, seed: 3).json()
    let name = Array("Mẫu".utf8)
    let at = try #require(bytes.indices.last { bytes[$0...].starts(with: name) })
    bytes[at] = 0xFF
    let (bulk, precise) = Self.both(bytes: bytes)
    #expect(!bulk.bulk)
    #expect(bulk.text == precise)
  }

  /// Keys the walk would have to unescape to follow ("commune\\u0073" is "communes" to the
  /// decoder): a units list behind one, even one that reads like a block marker, is never taken
  /// from the bulk.
  @Test func anEscapedKeyOnTheWayToTheUnitsGivesThePreciseResult() throws {
    let text = String(
      decoding: try SyntheticDataset(provinces: 2, communes: 8, criteria: 4, seed: 5).json(), as: UTF8.self)
    let second = try #require(text.ranges(of: "\"communes\": {").dropFirst().first)
    var edited = text.replacingCharacters(in: second, with: "\"commune\\u0073\": {")
    let units = try #require(edited[second.lowerBound...].range(of: "\"units\": ["))
    let end = try #require(edited[units.upperBound...].range(of: "}}]"))
    edited.replaceSubrange(units.lowerBound..<end.upperBound, with: "\"units\": [0]")
    let (bulk, precise) = Self.both(bytes: Array(edited.utf8))
    #expect(!bulk.bulk)
    #expect(bulk.text == precise)
    #expect(precise.contains("error"))
  }

  /// A refused file gets the precise message, word for word, in both languages.
  @Test func aWrongStatusWordInAUnitGetsThePreciseMessage() throws {
    let text = String(
      decoding: try SyntheticDataset(provinces: 1, communes: 3, criteria: 4, seed: 2).json(), as: UTF8.self)
    let range = try #require(text.range(of: "\": \"green\"", options: .backwards))
    let edited = text.replacingCharacters(in: range, with: "\": \"gren\"")
    let bulk = Result { () throws(LoadError) in try DatasetLoader().load(bytes: Array(edited.utf8), name: "f.json") }
    let precise = Result { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(bytes: Array(edited.utf8), name: "f.json")
    }
    guard case .failure(let error) = bulk, case .failure(let expected) = precise else {
      Issue.record("the edited file loaded")
      return
    }
    for language in Language.allCases {
      #expect(error.description(in: language) == expected.description(in: language))
    }
    #expect(error.description(in: .en).contains("gren"))
  }
}
