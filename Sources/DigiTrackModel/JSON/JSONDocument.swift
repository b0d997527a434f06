import CSimdJSON
import Foundation

/// A parsed JSON document: simdjson's DOM, flattened by the CSimdJSON shim into nodes in document
/// order. Values are read through `JSONValue` cursors; nothing is copied until a string is asked for.
final class JSONDocument {
  private let handle: OpaquePointer
  let nodes: UnsafeBufferPointer<dj_node>
  let strings: UnsafePointer<CChar>?

  /// simdjson's error for input that is not JSON, with the byte offset when simdjson knows it.
  struct ParseFailure: Error {
    let code: Int32
    let message: String
  }

  init(parsing bytes: UnsafeRawBufferPointer, maxDepth: Int) throws(ParseFailure) {
    var error = dj_error()
    let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
    let empty: CChar = 0
    let parsed = withUnsafePointer(to: empty) { fallback in
      dj_parse(base ?? fallback, bytes.count, maxDepth, &error)
    }
    guard let parsed else {
      let message = withUnsafeBytes(of: &error.message) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      throw ParseFailure(code: error.code, message: message)
    }
    handle = parsed
    nodes = UnsafeBufferPointer(start: dj_nodes(parsed), count: dj_node_count(parsed))
    strings = dj_strings(parsed)
  }

  deinit { dj_free(handle) }

  var root: JSONValue { JSONValue(document: self, index: 0) }
}

/// A cursor on one value of a `JSONDocument`. Valid while the document is alive.
struct JSONValue {
  unowned(unsafe) let document: JSONDocument
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

  private var node: dj_node { document.nodes[index] }

  var kind: Kind {
    switch Int(node.kind) {
    case Int(DJ_NULL.rawValue): .null
    case Int(DJ_FALSE.rawValue), Int(DJ_TRUE.rawValue): .bool
    case Int(DJ_INT.rawValue), Int(DJ_UINT.rawValue): .integer
    case Int(DJ_DOUBLE.rawValue): .number
    case Int(DJ_STRING.rawValue): .string
    case Int(DJ_ARRAY.rawValue): .array
    default: .object
    }
  }

  var boolValue: Bool? {
    switch Int(node.kind) {
    case Int(DJ_TRUE.rawValue): true
    case Int(DJ_FALSE.rawValue): false
    default: nil
    }
  }

  /// The value as a whole number, if it is one and fits in `Int` (`3.0` counts as 3).
  var integerValue: Int? {
    let node = self.node
    switch Int(node.kind) {
    case Int(DJ_INT.rawValue): return Int(exactly: node.value.i)
    case Int(DJ_DOUBLE.rawValue):
      let value = node.value.d
      guard value.rounded() == value, abs(value) < 9.0e15 else { return nil }
      return Int(value)
    default: return nil
    }
  }

  /// Any number as a Double (large integers lose precision, as in every JSON reader).
  var numberValue: Double? {
    let node = self.node
    switch Int(node.kind) {
    case Int(DJ_INT.rawValue): return Double(node.value.i)
    case Int(DJ_UINT.rawValue): return Double(node.value.u)
    case Int(DJ_DOUBLE.rawValue): return node.value.d
    default: return nil
    }
  }

  /// The raw UTF-8 bytes of a string or key (simdjson has validated them).
  var utf8: UnsafeBufferPointer<UInt8> {
    let node = self.node
    guard node.kind == DJ_STRING.rawValue, let strings = document.strings else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    let start = UnsafeRawPointer(strings + Int(node.value.offset))
      .assumingMemoryBound(to: UInt8.self)
    return UnsafeBufferPointer(start: start, count: Int(node.count))
  }

  var stringValue: String? {
    kind == .string ? String(decoding: utf8, as: UTF8.self) : nil
  }

  /// Compares a string value with ASCII text without building a Swift String.
  func equals(_ text: StaticString) -> Bool {
    let bytes = utf8
    guard bytes.count == text.utf8CodeUnitCount else { return false }
    guard let base = bytes.baseAddress else { return bytes.count == 0 }
    return memcmp(base, text.utf8Start, bytes.count) == 0
  }

  var count: Int { Int(node.count) }

  /// The elements of an array, in order.
  var elements: JSONSequence { JSONSequence(document: document, first: index + 1, count: count) }

  /// The members of an object, in order, as (key, value) pairs.
  var members: JSONMembers { JSONMembers(document: document, first: index + 1, count: count) }
}

struct JSONSequence: Sequence {
  unowned(unsafe) let document: JSONDocument
  let first: Int
  let count: Int

  struct Iterator: IteratorProtocol {
    unowned(unsafe) let document: JSONDocument
    var cursor: Int
    var remaining: Int

    mutating func next() -> JSONValue? {
      guard remaining > 0 else { return nil }
      remaining -= 1
      let value = JSONValue(document: document, index: cursor)
      cursor = Int(document.nodes[cursor].next)
      return value
    }
  }

  func makeIterator() -> Iterator { Iterator(document: document, cursor: first, remaining: count) }
}

struct JSONMembers: Sequence {
  unowned(unsafe) let document: JSONDocument
  let first: Int
  let count: Int

  struct Iterator: IteratorProtocol {
    unowned(unsafe) let document: JSONDocument
    var cursor: Int
    var remaining: Int

    mutating func next() -> (key: JSONValue, value: JSONValue)? {
      guard remaining > 0 else { return nil }
      remaining -= 1
      let key = JSONValue(document: document, index: cursor)
      let value = JSONValue(document: document, index: cursor + 1)
      cursor = Int(document.nodes[cursor + 1].next)
      return (key, value)
    }
  }

  func makeIterator() -> Iterator { Iterator(document: document, cursor: first, remaining: count) }
}
