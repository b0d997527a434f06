import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// The bulk path parses the units arrays on two threads (bulk_units.cpp, `walk` with a side
/// reader and `merge`) and reads the blocks into the model on two (`DatasetDecoder.readBlocks`).
/// Whatever the number of threads, the document and the dataset must be the one thread's, block
/// for block in the file's order, and a file the walk refuses must still get the precise path's
/// messages.
@Suite struct BulkThreadTests {
  /// A generated file of many units arrays, some longer than others (provinces of every size).
  static func bytes(seed: UInt64, provinces: Int = 8, communes: Int = 4_000, snapshots: Int = 2) throws -> [UInt8] {
    print("BulkThreadTests: generated data, seed \(seed)")
    return try SyntheticDataset(
      provinces: provinces, communes: communes, criteria: 20, snapshots: snapshots, seed: seed
    ).json()
  }

  /// What a document holds, read through its own view: the skeleton, then every block's units
  /// with their statuses by key name (the key tables of two threads may be numbered apart).
  static func contents(_ document: BulkDocument) -> [String] {
    let keys = document.keys
    var lines = [String(decoding: document.skeleton, as: UTF8.self)]
    for block in 0..<document.blockCount {
      for index in document.units(ofBlock: block) {
        let unit = document.unit(index)
        let code = String(decoding: document.bytes(offset: unit.code_offset, count: unit.code_length), as: UTF8.self)
        let name = String(decoding: document.bytes(offset: unit.name_offset, count: unit.name_length), as: UTF8.self)
        let statuses = (Int(unit.status_first)..<Int(unit.status_first + unit.status_count)).map { entry in
          "\(keys[Int(document.statusKeys[entry])])=\(document.statusWords[entry])"
        }
        lines.append("\(block) \(code) \(name) \(unit.kind) \(statuses.joined(separator: ","))")
      }
    }
    return lines
  }

  static func write(_ bytes: [UInt8], in folder: TemporaryFolder) throws -> String {
    let path = folder.url.appendingPathComponent("threads.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The outcome (`BulkPathTests.outcome`) of a load with `threads`, from memory and from a file.
  static func outcomes(_ bytes: [UInt8], path: String, threads: Int) -> [(text: String, bulk: Bool)] {
    let loader = DatasetLoader(bulkThreads: threads)
    return [
      BulkPathTests.outcome { () throws(LoadError) in try loader.load(bytes: bytes, name: "f.json") },
      BulkPathTests.outcome { () throws(LoadError) in try loader.load(path: path, displayName: "f.json") },
    ]
  }

  /// The bad-file corpus and the fuzz regressions, small files whose batches hold a few arrays:
  /// on two threads, what the precise path gives.
  @Test(
    arguments: CorpusTests.files.map { CorpusTests.directory.appendingPathComponent($0).path }
      + FuzzRegressionTests.files)
  func corpusAndFuzzFilesOnTwoThreads(_ path: String) throws {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let precise = DatasetLoader(readsInBulk: false)
    let expected = [
      BulkPathTests.outcome { () throws(LoadError) in try precise.load(bytes: bytes, name: "f.json") },
      BulkPathTests.outcome { () throws(LoadError) in try precise.load(path: path, displayName: "f.json") },
    ]
    let found = Self.outcomes(bytes, path: path, threads: 2)
    #expect(found.map(\.text) == expected.map(\.text), "\(path)")
  }

  /// Seeded files: the two-thread document is the one-thread document, from memory and from a
  /// descriptor, and the dataset both give is the precise path's.
  @Test(arguments: [41, 42, 43] as [UInt64])
  func twoThreadsGiveWhatOneGives(seed: UInt64) throws {
    let bytes = try Self.bytes(seed: seed)
    let one = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 1) })
    let two = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 2) })
    #expect(two.blockCount == one.blockCount)
    #expect(Self.contents(two) == Self.contents(one), "seed \(seed), from memory")
    let folder = try TemporaryFolder()
    let path = try Self.write(bytes, in: folder)
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    let read = try #require(BulkDocument(reading: descriptor, size: bytes.count, limit: 1 << 30, threads: 2))
    #expect(Self.contents(read) == Self.contents(one), "seed \(seed), from a file")
    #expect(read.largestSpan == one.largestSpan)
    let precise = BulkPathTests.outcome { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(bytes: bytes, name: "f.json")
    }
    for threads in [1, 2] {
      for outcome in Self.outcomes(bytes, path: path, threads: threads) {
        #expect(outcome.bulk, "seed \(seed), \(threads) thread(s)")
        #expect(outcome.text == precise.text, "seed \(seed), \(threads) thread(s)")
      }
    }
  }

  /// A file larger than the two-thread window (a quarter of a file over 4 MiB): batches of
  /// several arrays, the window moving on between them, read from the descriptor, as one thread.
  @Test func aFileLargerThanTheWindowIsReadOnTwoThreads() throws {
    let bytes = try Self.bytes(seed: 48, provinces: 34, communes: 30_000, snapshots: 1)
    #expect(bytes.count > 4 << 20)
    let one = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 1) })
    let folder = try TemporaryFolder()
    let path = try Self.write(bytes, in: folder)
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    let two = try #require(BulkDocument(reading: descriptor, size: bytes.count, limit: 1 << 30, threads: 2))
    #expect(Self.contents(two) == Self.contents(one))
  }

  /// Status maps in another order in every other province: the threads meet the keys in
  /// different orders, and the merged key table still names each status right.
  @Test func keysMetInAnotherOrderAreRenumbered() throws {
    let text = String(decoding: try Self.bytes(seed: 44, provinces: 6, communes: 1_200, snapshots: 1), as: UTF8.self)
    var provinces = text.components(separatedBy: "\"units\": [")
    #expect(provinces.count > 4)
    for index in stride(from: 2, to: provinces.count, by: 2) {
      // The first map of the array (its first unit's) lists the keys back to front.
      guard let open = provinces[index].range(of: "\"statuses\": {"),
        let close = provinces[index].range(of: "}", range: open.upperBound..<provinces[index].endIndex)
      else { continue }
      let entries = provinces[index][open.upperBound..<close.lowerBound].components(separatedBy: ", ")
      provinces[index].replaceSubrange(
        open.upperBound..<close.lowerBound, with: entries.reversed().joined(separator: ", "))
    }
    let bytes = Array(provinces.joined(separator: "\"units\": [").utf8)
    let one = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 1) })
    let two = try #require(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 2) })
    #expect(Self.contents(two) == Self.contents(one))
    let folder = try TemporaryFolder()
    let path = try Self.write(bytes, in: folder)
    let precise = BulkPathTests.outcome { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(bytes: bytes, name: "f.json")
    }
    for outcome in Self.outcomes(bytes, path: path, threads: 2) {
      #expect(outcome.bulk)
      #expect(outcome.text == precise.text)
    }
  }

  /// One bad units array among many, in the middle of the file: the walk on two threads refuses
  /// the file whichever thread meets it, and the load says exactly what the precise path says.
  @Test func oneBadSpanGetsThePrecisePathsMessages() throws {
    let text = String(decoding: try Self.bytes(seed: 45), as: UTF8.self)
    let middle = text.index(text.startIndex, offsetBy: text.utf8.count / 2)
    let edits: [(String, String)] = [
      ("\"green\"", "\"blue\""),  // a status word the format does not have
      ("\"kind\": \"", "\"kind\": 7, \"x\": \""),  // a number where a word belongs
      ("{\"code\": ", "{{\"code\": "),  // malformed JSON inside one array
    ]
    let folder = try TemporaryFolder()
    for (from, to) in edits {
      let range = try #require(text.range(of: from, range: middle..<text.endIndex), "no \(from)")
      let bytes = Array(text.replacingCharacters(in: range, with: to).utf8)
      #expect(bytes.withUnsafeBytes { BulkDocument(parsing: $0, readable: $0.count, threads: 2) } == nil, "\(to)")
      let precise = BulkPathTests.outcome { () throws(LoadError) in
        try DatasetLoader(readsInBulk: false).load(bytes: bytes, name: "f.json")
      }
      #expect(!precise.text.isEmpty)
      let path = try Self.write(bytes, in: folder)
      for outcome in Self.outcomes(bytes, path: path, threads: 2) {
        #expect(!outcome.bulk, "\(to)")
        #expect(outcome.text == precise.text, "\(to)")
      }
    }
  }

  /// A block the model refuses when its report takes it (a red status before its phase's deadline
  /// is a warning), read on two threads: the precise path's warning, not a bulk dataset.
  @Test func aRedBeforeItsDeadlineTakesThePrecisePath() throws {
    let bytes = try Self.bytes(seed: 46, provinces: 6, communes: 3_000, snapshots: 2)
    let plan = try #require(
      (try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["plan"] as? [String: Any])
    let criteria = try #require(plan["criteria"] as? [[String: Any]])
    // Phase 2 ends on 31 December 2025, after every report date of the generated data.
    let late = try #require(
      criteria.first { $0["level"] as? String == "commune" && $0["phase"] as? Int == 2 }?["id"] as? String)
    let text = String(decoding: bytes, as: UTF8.self)
    let middle = text.index(text.startIndex, offsetBy: text.utf8.count / 2)
    let range = try #require(text.range(of: "\"\(late)\": \"yellow\"", range: middle..<text.endIndex))
    let edited = Array(text.replacingCharacters(in: range, with: "\"\(late)\": \"red\"").utf8)
    let folder = try TemporaryFolder()
    let path = try Self.write(edited, in: folder)
    let precise = BulkPathTests.outcome { () throws(LoadError) in
      try DatasetLoader(readsInBulk: false).load(bytes: edited, name: "f.json")
    }
    #expect(precise.text.contains("f.json"), "a warning")
    for threads in [1, 2] {
      for outcome in Self.outcomes(edited, path: path, threads: threads) {
        #expect(!outcome.bulk, "\(threads) thread(s)")
        #expect(outcome.text == precise.text, "\(threads) thread(s)")
      }
    }
  }
}

/// The bulk read tells codes apart without a set while they ascend (`BulkBlockReader`): codes out
/// of order are still read in bulk, and a repeated code, in order or not, still gets the precise
/// path's message.
@Suite struct BulkCodeOrderTests {
  @Test func codesOutOfOrderAndRepeatedCodes() throws {
    let text = String(decoding: try BulkThreadTests.bytes(seed: 47, provinces: 3, communes: 60), as: UTF8.self)
    let swapped = text.replacingOccurrences(of: "\"code\": \"U0000002\"", with: "\"code\": \"U000000X\"")
      .replacingOccurrences(of: "\"code\": \"U0000003\"", with: "\"code\": \"U0000002\"")
      .replacingOccurrences(of: "\"code\": \"U000000X\"", with: "\"code\": \"U0000003\"")
    let cases: [(String, bulk: Bool, String)] = [
      (swapped, true, "two codes swapped"),
      (text.replacingOccurrences(of: "\"code\": \"U0000002\"", with: "\"code\": \"U0000001\""), false, "in order"),
      (text.replacingOccurrences(of: "\"code\": \"U0000005\"", with: "\"code\": \"U0000002\""), false, "out of order"),
      (
        swapped.replacingOccurrences(of: "\"code\": \"U0000006\"", with: "\"code\": \"U0000001\""), false,
        "after a swap"
      ),
    ]
    let folder = try TemporaryFolder()
    for (edited, bulk, comment) in cases {
      #expect(edited != text, "\(comment)")
      let bytes = Array(edited.utf8)
      let path = try BulkThreadTests.write(bytes, in: folder)
      let precise = BulkPathTests.outcome { () throws(LoadError) in
        try DatasetLoader(readsInBulk: false).load(bytes: bytes, name: "f.json")
      }
      for threads in [1, 2] {
        for outcome in BulkThreadTests.outcomes(bytes, path: path, threads: threads) {
          #expect(outcome.bulk == bulk, "\(comment), \(threads) thread(s)")
          #expect(outcome.text == precise.text, "\(comment), \(threads) thread(s)")
        }
      }
    }
  }
}
