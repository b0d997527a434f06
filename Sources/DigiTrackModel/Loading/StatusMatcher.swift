import FoundationEssentials
import Glibc

/// Reads the status maps of one level that have nothing to report, without building a String.
/// Everything it needs is copied in, so the loop touches no class property (no exclusivity checks).
///
/// Files list the same criteria in the same order in every map, so a key is first compared with
/// the one at the same position last time, and looked up by hash only when that differs.
struct StatusMatcher {
  let level: Level
  let keys: PackedKeys
  let index: [String: Int]
  let levels: [Level]
  let phases: [Int]
  let levelOrdinal: [Int]
  let deadlines: [CalendarDate?]
  /// Each criterion id's `shortString`, for ids of at most eight bytes (most are: "T01", "C001").
  let shortKeys: [(word: UInt64, count: Int)]
  /// The criterion last seen at each position of a map.
  var predicted: [Int]
  /// The statuses read by the last successful `read`, indexed by level ordinal.
  private(set) var statuses: [Status]
  private var seen: [Bool]

  init(
    level: Level, keys: PackedKeys, index: [String: Int], levels: [Level], phases: [Int], levelOrdinal: [Int],
    deadlines: [CalendarDate?], size: Int
  ) {
    self.level = level
    self.keys = keys
    self.index = index
    self.levels = levels
    self.phases = phases
    self.levelOrdinal = levelOrdinal
    self.deadlines = deadlines
    predicted = []
    shortKeys = (0..<levels.count).map { keys.shortString($0) }
    statuses = Array(repeating: .notReported, count: size)
    seen = Array(repeating: false, count: size)
  }

  /// False when the map has anything to report: an unknown or repeated key, a key of the other
  /// level, a word that is not a status, or a red that earns a warning.
  @inline(__always)
  mutating func read(_ value: JSONValue, date: CalendarDate?) -> Bool {
    guard value.isObject else { return false }
    for ordinal in statuses.indices {
      statuses[ordinal] = .notReported
      seen[ordinal] = false
    }
    var position = 0
    for (key, member) in value.members {
      guard let criterion = criterion(key, position: position), levels[criterion] == level,
        let status = status(member)
      else { return false }
      let ordinal = levelOrdinal[criterion]
      guard !seen[ordinal] else { return false }
      if status == .red, let date {
        let phase = phases[criterion]
        if phase <= deadlines.count, let deadline = deadlines[phase - 1], date < deadline { return false }
      }
      seen[ordinal] = true
      statuses[ordinal] = status
      position += 1
    }
    return true
  }

  // Words of the format as `shortString` words. Instance constants: a static one would cost a
  // swift_once check at every use in the loop.
  let code = ShortWord("code")
  let name = ShortWord("name")
  let kind = ShortWord("kind")
  let statusesKey = ShortWord("statuses")
  private let green = ShortWord(Status.green.jsonName)
  private let yellow = ShortWord(Status.yellow.jsonName)
  private let red = ShortWord(Status.red.jsonName)
  private let ward = ShortWord(UnitKind.ward.rawValue)
  private let commune = ShortWord(UnitKind.commune.rawValue)

  /// A status word, compared as one or two words of bytes.
  @inline(__always)
  private func status(_ value: JSONValue) -> Status? {
    let short = value.shortString
    if green.matches(short) { return .green }
    if yellow.matches(short) { return .yellow }
    if red.matches(short) { return .red }
    return Status(json: value)
  }

  @inline(__always)
  func unitKind(_ value: JSONValue) -> UnitKind? {
    let short = value.shortString
    if ward.matches(short) { return .ward }
    if commune.matches(short) { return .commune }
    return UnitKind(json: value)
  }

  @inline(__always)
  private mutating func criterion(_ key: JSONValue, position: Int) -> Int? {
    let bytes = key.utf8
    if position < predicted.count {
      let guess = predicted[position]
      if guess >= 0 {
        let expected = shortKeys[guess]
        if expected.count <= 8 {
          let short = key.shortString
          if short.count == expected.count, short.word == expected.word { return guess }
        } else if keys.matches(guess, bytes) {
          return guess
        }
      }
    }
    guard bytes.count <= 32, let found = index[String(decoding: bytes, as: UTF8.self)] else { return nil }
    if position < predicted.count {
      predicted[position] = found
    } else if position == predicted.count {
      predicted.append(found)
    }
    return found
  }
}

/// A word of at most eight ASCII bytes as `JSONValue.shortString` gives it: one comparison.
struct ShortWord {
  let word: UInt64
  let count: Int

  init(_ text: String) {
    precondition(text.utf8.count <= 8, "\(text) is longer than eight bytes")
    var word: UInt64 = 0
    for (index, byte) in text.utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(index)) }
    self.word = word
    count = text.utf8.count
  }

  @inline(__always)
  func matches(_ short: (word: UInt64, count: Int)) -> Bool { short.count == count && short.word == word }
}

/// Words of the format as bytes, for comparing JSON strings with them without building a String.
struct WordTable<Value: Sendable>: Sendable {
  private let words: [(bytes: [UInt8], value: Value)]

  init(_ words: [(word: String, value: Value)]) { self.words = words.map { (Array($0.word.utf8), $0.value) } }

  @inline(__always)
  func match(_ value: JSONValue) -> Value? {
    guard value.isString else { return nil }
    let bytes = value.utf8
    for entry in words where entry.bytes.count == bytes.count {
      if entry.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return entry.value }
    }
    return nil
  }
}

private let unitKindWords = WordTable(FormatSpec.unitKinds)
private let statusWords = WordTable(FormatSpec.statuses)

extension UnitKind {
  /// A unit kind word of the format, compared as bytes; nil for anything else.
  init?(json value: JSONValue) {
    guard let kind = unitKindWords.match(value) else { return nil }
    self = kind
  }
}

extension JSONValue {
  /// The string as an identifier (`FormatSpec.identifierRule`), or nil.
  var plainIdentifier: String? {
    guard isString else { return nil }
    let bytes = utf8
    guard FormatSpec.isIdentifier(bytes) else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Identifiers as UTF-8, back to back, for comparing raw JSON keys with them.
struct PackedKeys {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  mutating func append(_ key: String) {
    bytes.append(contentsOf: key.utf8)
    ends.append(bytes.count)
  }

  /// Like `JSONValue.shortString`: the first eight bytes of key `index` and its length.
  func shortString(_ index: Int) -> (word: UInt64, count: Int) {
    let start = index == 0 ? 0 : ends[index - 1]
    var word: UInt64 = 0
    for offset in 0..<min(8, ends[index] - start) { word |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
    return (word, ends[index] - start)
  }

  @inline(__always)
  func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = index == 0 ? 0 : ends[index - 1]
    let end = ends[index]
    guard end - start == key.count else { return false }
    // Ids are short (at most 32 bytes): a loop beats a call to memcmp.
    for offset in 0..<key.count where bytes[start + offset] != key[offset] { return false }
    return true
  }
}

extension Status {
  /// A status word of the format, compared as bytes; nil for anything else.
  init?(json value: JSONValue) {
    guard let status = statusWords.match(value) else { return nil }
    self = status
  }
}
