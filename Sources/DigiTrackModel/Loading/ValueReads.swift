import Foundation

/// Typed reads of single values, each reporting what it expected and what it found.
extension DecodeContext {
  static let maxTextLength = FormatSpec.maxTextLength

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

  /// An identifier or code (`FormatSpec.identifierRule`).
  func identifier(_ value: JSONValue) -> String? {
    guard value.kind == .string else {
      error("expected an identifier string, found \(value.kind.noun)")
      return nil
    }
    let bytes = value.utf8
    guard FormatSpec.isIdentifier(bytes) else {
      let shown = quoted(String(decoding: bytes.prefix(160), as: UTF8.self))
      error("\(shown) is not a valid identifier (\(FormatSpec.identifierRule))")
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func text(_ value: JSONValue) -> LocalizedText? {
    guard let fields = Fields(value, FormatSpec.text, context: self) else { return nil }
    let vi = fields.value("vi").flatMap { v in at("vi") { string(v) } }
    let en = fields.value("en").flatMap { v in at("en") { string(v) } }
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

  static let maxCount = FormatSpec.maxCount

  /// A count: a whole number, zero or more, written as a JSON integer (`126`, not `126.0`,
  /// `1.26e2` or `1e-999`, which a reader could take for something else).
  func count(_ value: JSONValue) -> Int? {
    switch value.kind {
    case .number:
      if let double = value.numberValue, double.rounded() != double {
        error("expected a whole number, found \(double)")
      } else {
        error(
          "expected a whole number written as an integer, without a fraction or exponent (found \(value.numberValue ?? 0))"
        )
      }
      return nil
    case .integer:
      guard let number = value.integerValue else {
        error("number is out of range")
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

  /// A finite number from 0 to `FormatSpec.maxAmount`.
  func amount(_ value: JSONValue) -> Double? {
    guard let number = value.numberValue else {
      error("expected a number, found \(value.kind.noun)")
      return nil
    }
    guard number.isFinite, number >= 0 else {
      error("must be a finite number, zero or more (found \(number))")
      return nil
    }
    guard number <= FormatSpec.maxAmount else {
      error("must be at most \(FormatSpec.maxAmountText) (found \(number))")
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
  func word<T>(_ value: JSONValue, _ choices: [(word: String, value: T)]) -> T? {
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
