import Foundation

/// The members of one JSON object, sorted into the keys a schema object allows.
///
/// Unknown keys (usually typos) and duplicate keys are reported here, so every object in the format
/// gets the same strictness without repeating it.
struct Fields {
  private let keys: [StaticString]
  private var slots: [JSONValue?]
  private let context: DecodeContext

  /// Returns nil (after reporting) when `value` is not an object.
  init?(_ value: JSONValue, keys: [StaticString], context: DecodeContext) {
    guard value.kind == .object else {
      context.error("expected an object, found \(value.kind.noun)")
      return nil
    }
    self.keys = keys
    self.context = context
    slots = Array(repeating: nil, count: keys.count)
    for (key, member) in value.members {
      guard let slot = keys.firstIndex(where: { key.equals($0) }) else {
        let name = key.stringValue ?? ""
        let allowed = keys.map { "\($0)" }.joined(separator: ", ")
        context.error("unknown key \(quoted(name)) (allowed: \(allowed))", key: nil)
        continue
      }
      if slots[slot] != nil {
        context.error("duplicate key \"\(keys[slot])\"")
        continue
      }
      slots[slot] = member
    }
  }

  func optional(_ key: StaticString) -> JSONValue? {
    guard let slot = keys.firstIndex(where: { sameText($0, key) }) else {
      preconditionFailure("\(key) is not a declared key")
    }
    return slots[slot]
  }

  /// The value of a key the format requires; a missing key is reported.
  func required(_ key: StaticString) -> JSONValue? {
    let value = optional(key)
    if value == nil { context.error("missing required key \"\(key)\"") }
    return value
  }
}

private func sameText(_ a: StaticString, _ b: StaticString) -> Bool {
  a.utf8CodeUnitCount == b.utf8CodeUnitCount
    && memcmp(a.utf8Start, b.utf8Start, a.utf8CodeUnitCount) == 0
}

/// Typed reads of single values, each reporting what it expected and what it found.
extension DecodeContext {
  static let maxTextLength = 1_000

  func string(_ value: JSONValue, allowEmpty: Bool = false) -> String? {
    guard value.kind == .string else {
      error("expected a string, found \(value.kind.noun)")
      return nil
    }
    guard value.count <= DecodeContext.maxTextLength * 4 else {
      error("text is too long (\(value.count) bytes; at most \(DecodeContext.maxTextLength) characters)")
      return nil
    }
    let bytes = value.utf8
    let text = SafeText.clean(utf8: bytes)
    // A character takes at least one byte: only text longer in bytes than the limit is counted.
    guard text.utf8.count <= DecodeContext.maxTextLength || text.count <= DecodeContext.maxTextLength else {
      error("text is too long (\(text.count) characters; at most \(DecodeContext.maxTextLength))")
      return nil
    }
    if !allowEmpty && text.isEmpty {
      error("must not be empty")
      return nil
    }
    return text
  }

  /// An identifier or code: 1–32 characters from A–Z a–z 0–9 _ . -
  func identifier(_ value: JSONValue) -> String? {
    guard value.kind == .string else {
      error("expected an identifier string, found \(value.kind.noun)")
      return nil
    }
    let bytes = value.utf8
    let valid =
      (1...32).contains(bytes.count)
      && bytes.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
          UInt8(ascii: "-"):
          true
        default: false
        }
      }
    guard valid else {
      let shown = quoted(String(decoding: bytes.prefix(160), as: UTF8.self))
      error("\(shown) is not a valid identifier (1–32 characters from A–Z a–z 0–9 _ . -)")
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func text(_ value: JSONValue) -> LocalizedText? {
    guard let fields = Fields(value, keys: ["vi", "en"], context: self) else { return nil }
    let vi = fields.required("vi").flatMap { v in at("vi") { string(v) } }
    let en = fields.required("en").flatMap { v in at("en") { string(v) } }
    guard let vi, let en else { return nil }
    return LocalizedText(vi: vi, en: en)
  }

  func date(_ value: JSONValue) -> CalendarDate? {
    guard value.kind == .string else {
      error("expected a date \"YYYY-MM-DD\", found \(value.kind.noun)")
      return nil
    }
    let raw = String(decoding: value.utf8.prefix(40), as: UTF8.self)
    guard let date = CalendarDate(iso: raw) else {
      error("\(quoted(raw)) is not a real date in the form YYYY-MM-DD")
      return nil
    }
    return date
  }

  /// The largest count the format accepts: far above any real figure (the country has about
  /// 5.3 million party members), and small enough that no sum of counts can overflow.
  static let maxCount = 1_000_000_000

  /// A count: a whole number, zero or more.
  func count(_ value: JSONValue) -> Int? {
    switch value.kind {
    case .integer, .number:
      guard let number = value.integerValue else {
        if let double = value.numberValue, double.rounded() != double {
          error("expected a whole number, found \(double)")
        } else {
          error("number is out of range")
        }
        return nil
      }
      guard number >= 0 else {
        error("must not be negative (found \(number))")
        return nil
      }
      guard number <= DecodeContext.maxCount else {
        error("\(number) is too large for a count (at most \(DecodeContext.maxCount))")
        return nil
      }
      return number
    default:
      error("expected a whole number, found \(value.kind.noun)")
      return nil
    }
  }

  /// A finite, non-negative number.
  func amount(_ value: JSONValue) -> Double? {
    guard let number = value.numberValue else {
      error("expected a number, found \(value.kind.noun)")
      return nil
    }
    guard number.isFinite, number >= 0 else {
      error("must be a finite number, zero or more (found \(number))")
      return nil
    }
    return number
  }

  func bool(_ value: JSONValue) -> Bool? {
    guard let flag = value.boolValue else {
      error("expected true or false, found \(value.kind.noun)")
      return nil
    }
    return flag
  }

  func array(_ value: JSONValue) -> JSONSequence? {
    guard value.kind == .array else {
      error("expected an array, found \(value.kind.noun)")
      return nil
    }
    return value.elements
  }

  /// One of a fixed set of words, e.g. a status or a level.
  func word<T>(_ value: JSONValue, _ choices: [(String, T)]) -> T? {
    if value.isString {
      let bytes = value.utf8
      if bytes.count <= 16, let match = choices.first(where: { $0.0.utf8.elementsEqual(bytes) }) { return match.1 }
    }
    let allowed = choices.map { "\"\($0.0)\"" }.joined(separator: ", ")
    if value.kind == .string {
      error("\(quoted(String(decoding: value.utf8.prefix(160), as: UTF8.self))) is not one of \(allowed)")
    } else {
      error("expected one of \(allowed), found \(value.kind.noun)")
    }
    return nil
  }
}
