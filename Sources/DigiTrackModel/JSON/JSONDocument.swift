import CSimdJSON
import FoundationEssentials
import Glibc

/// A parsed JSON document: simdjson's DOM tape and string buffer, read in place (the format is
/// described in csimdjson.h). Values are read through `JSONValue` cursors; nothing is copied until a
/// string is asked for.
final class JSONDocument {
  private let handle: OpaquePointer
  let tape: UnsafePointer<UInt64>
  let strings: UnsafePointer<UInt8>

  /// simdjson's error for input that is not JSON: its code and message, without a position
  /// (`SyntaxLocator` scans the text again to give the line and column).
  struct ParseFailure: Error {
    let code: Int32
    let message: String
  }

  /// How many bytes must be readable after the input for `init(parsing:readable:)` to parse in place.
  static let padding = dj_padding()

  /// Parses `bytes`. When `readable` bytes may be read from the start of `bytes` and that leaves
  /// `padding` to spare, simdjson parses in place; otherwise it copies the input first.
  init(parsing bytes: UnsafeRawBufferPointer, readable: Int? = nil, maxDepth: Int) throws(ParseFailure) {
    var error = dj_error()
    let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
    let empty: CChar = 0
    let parsed = withUnsafePointer(to: empty) { fallback in
      dj_parse(base ?? fallback, bytes.count, base == nil ? 0 : (readable ?? bytes.count), maxDepth, &error)
    }
    guard let parsed, let tape = dj_tape(parsed), let strings = dj_string_buffer(parsed) else {
      let message = withUnsafeBytes(of: &error.message) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      throw ParseFailure(code: error.code, message: message)
    }
    handle = parsed
    self.tape = tape
    self.strings = strings
  }

  deinit { dj_free(handle) }

  /// Runs `body` on the document's value, keeping the document alive until it returns. Cursors
  /// point into the document's memory: read them inside `body` and keep only what they give
  /// (strings, numbers, a decoded dataset), never a `JSONValue` itself.
  func withRoot<T, E: Error>(_ body: (JSONValue) throws(E) -> T) throws(E) -> T {
    try withExtendedLifetime(self) { () throws(E) -> T in
      try body(JSONValue(tape: tape, strings: strings, index: 1))
    }
  }
}

/// Tape word types (the top byte of a word).
private enum Tape {
  static let objectStart = UInt8(ascii: "{")
  static let arrayStart = UInt8(ascii: "[")
  static let string = UInt8(ascii: "\"")
  static let int64 = UInt8(ascii: "l")
  static let uint64 = UInt8(ascii: "u")
  static let double = UInt8(ascii: "d")
  static let trueValue = UInt8(ascii: "t")
  static let falseValue = UInt8(ascii: "f")
  static let null = UInt8(ascii: "n")
  static let payloadMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
  static let countMask: UInt64 = 0xFF_FFFF

  /// The index just past the value at `index`.
  @inline(__always)
  static func after(_ index: Int, in tape: UnsafePointer<UInt64>) -> Int {
    let word = tape[index]
    switch UInt8(truncatingIfNeeded: word >> 56) {
    case objectStart, arrayStart: return Int(UInt32(truncatingIfNeeded: word))
    case int64, uint64, double: return index + 2
    default: return index + 1
    }
  }
}

/// A cursor on one value of a `JSONDocument`, handed out by `JSONDocument.withRoot` and valid
/// only inside its closure.
struct JSONValue {
  let tape: UnsafePointer<UInt64>
  let strings: UnsafePointer<UInt8>
  let index: Int

  enum Kind {
    case null, bool, integer, number, string, array, object

    /// The word used in error messages: "expected a string, found an array".
    var noun: String {
      switch self {
      case .null: "null"
      case .bool: "a boolean"
      case .integer: "an integer"
      case .number: "a number"
      case .string: "a string"
      case .array: "an array"
      case .object: "an object"
      }
    }
  }

  @inline(__always) private var word: UInt64 { tape[index] }
  @inline(__always) private var type: UInt8 { UInt8(truncatingIfNeeded: word >> 56) }

  var kind: Kind {
    switch type {
    case Tape.null: .null
    case Tape.trueValue, Tape.falseValue: .bool
    case Tape.int64, Tape.uint64: .integer
    case Tape.double: .number
    case Tape.string: .string
    case Tape.arrayStart: .array
    default: .object
    }
  }

  @inline(__always) var isString: Bool { type == Tape.string }
  @inline(__always) var isObject: Bool { type == Tape.objectStart }
  @inline(__always) var isArray: Bool { type == Tape.arrayStart }

  var boolValue: Bool? {
    switch type {
    case Tape.trueValue: true
    case Tape.falseValue: false
    default: nil
    }
  }

  /// The value as a whole number, if it is one and fits in `Int` (`3.0` counts as 3).
  var integerValue: Int? {
    switch type {
    case Tape.int64: return Int(exactly: Int64(bitPattern: tape[index + 1]))
    case Tape.double:
      let value = Double(bitPattern: tape[index + 1])
      guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
      return Int(value)
    default: return nil
    }
  }

  /// Any number as a Double (large integers lose precision, as in every JSON reader).
  var numberValue: Double? {
    switch type {
    case Tape.int64: return Double(Int64(bitPattern: tape[index + 1]))
    case Tape.uint64: return Double(tape[index + 1])
    case Tape.double: return Double(bitPattern: tape[index + 1])
    default: return nil
    }
  }

  /// The raw UTF-8 bytes of a string or key (simdjson has validated them); empty for other values.
  var utf8: UnsafeBufferPointer<UInt8> {
    let word = self.word
    guard UInt8(truncatingIfNeeded: word >> 56) == Tape.string else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    let offset = Int(word & Tape.payloadMask)
    let length = UnsafeRawPointer(strings + offset).loadUnaligned(as: UInt32.self)
    return UnsafeBufferPointer(start: strings + offset + 4, count: Int(UInt32(littleEndian: length)))
  }

  /// A string's first eight bytes (little-endian, zeros past its end) and its length: short keys
  /// and words compare in one instruction. Reading eight bytes is safe for any string, even an
  /// empty last one: simdjson allocates its string buffer with 64 bytes of padding beyond the
  /// most the strings can use. Not for other values (length 0, word 0).
  @inline(__always)
  var shortString: (word: UInt64, count: Int) {
    let word = self.word
    guard UInt8(truncatingIfNeeded: word >> 56) == Tape.string else { return (0, 0) }
    let start = UnsafeRawPointer(strings + Int(word & Tape.payloadMask))
    let count = Int(UInt32(littleEndian: start.loadUnaligned(as: UInt32.self)))
    let raw = UInt64(littleEndian: (start + 4).loadUnaligned(as: UInt64.self))
    return (count >= 8 ? raw : raw & ((1 << (UInt64(count) &* 8)) &- 1), count)
  }

  var stringValue: String? {
    isString ? String(decoding: utf8, as: UTF8.self) : nil
  }

  /// Compares a string value with ASCII text without building a Swift String.
  func equals(_ text: StaticString) -> Bool {
    let bytes = utf8
    guard bytes.count == text.utf8CodeUnitCount else { return false }
    // Keys and words are short: a loop beats a call to memcmp.
    let other = text.utf8Start
    for index in 0..<bytes.count where bytes[index] != other[index] { return false }
    return true
  }

  /// Bytes of a string, elements of an array, members of an object; 0 for other values.
  var count: Int {
    let word = self.word
    switch UInt8(truncatingIfNeeded: word >> 56) {
    case Tape.string: return utf8.count
    case Tape.arrayStart, Tape.objectStart:
      let count = Int((word >> 32) & Tape.countMask)
      // simdjson saturates the count at 2^24 - 1: count such a container by walking it.
      guard count == Int(Tape.countMask) else { return count }
      var walked = 0
      var cursor = index + 1
      let end = Int(UInt32(truncatingIfNeeded: word)) - 1
      while cursor < end {
        cursor = Tape.after(cursor, in: tape)
        if type == Tape.objectStart { cursor = Tape.after(cursor, in: tape) }
        walked += 1
      }
      return walked
    default: return 0
    }
  }

  /// The index of the closing word of an array or object.
  private var end: Int { Int(UInt32(truncatingIfNeeded: word)) - 1 }

  /// The elements of an array, in order.
  var elements: JSONSequence {
    JSONSequence(tape: tape, strings: strings, first: index + 1, end: isArray ? end : index + 1)
  }

  /// The members of an object, in order, as (key, value) pairs.
  var members: JSONMembers {
    JSONMembers(tape: tape, strings: strings, first: index + 1, end: isObject ? end : index + 1)
  }
}

struct JSONSequence: Sequence {
  let tape: UnsafePointer<UInt64>
  let strings: UnsafePointer<UInt8>
  let first: Int
  let end: Int

  struct Iterator: IteratorProtocol {
    let tape: UnsafePointer<UInt64>
    let strings: UnsafePointer<UInt8>
    var cursor: Int
    let end: Int

    @inline(__always)
    mutating func next() -> JSONValue? {
      guard cursor < end else { return nil }
      let value = JSONValue(tape: tape, strings: strings, index: cursor)
      cursor = Tape.after(cursor, in: tape)
      return value
    }
  }

  func makeIterator() -> Iterator { Iterator(tape: tape, strings: strings, cursor: first, end: end) }
}

struct JSONMembers: Sequence {
  let tape: UnsafePointer<UInt64>
  let strings: UnsafePointer<UInt8>
  let first: Int
  let end: Int

  struct Iterator: IteratorProtocol {
    let tape: UnsafePointer<UInt64>
    let strings: UnsafePointer<UInt8>
    var cursor: Int
    let end: Int

    @inline(__always)
    mutating func next() -> (key: JSONValue, value: JSONValue)? {
      guard cursor < end else { return nil }
      let key = JSONValue(tape: tape, strings: strings, index: cursor)
      let value = JSONValue(tape: tape, strings: strings, index: cursor + 1)
      cursor = Tape.after(cursor + 1, in: tape)
      return (key, value)
    }
  }

  func makeIterator() -> Iterator { Iterator(tape: tape, strings: strings, cursor: first, end: end) }
}
