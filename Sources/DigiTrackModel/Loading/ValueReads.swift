import FoundationEssentials
import Glibc

/// Typed reads of single values, each reporting what it expected and what it found.
extension DecodeContext {
  static let maxTextLength = FormatSpec.maxTextLength

  func string(_ value: JSONValue, allowEmpty: Bool = false) -> String? {
    guard value.kind == .string else {
      error(.expected(.aString, found: value.kind))
      return nil
    }
    guard value.count <= DecodeContext.maxTextLength * 4 else {
      error(.textTooLong(characters: String(decoding: value.utf8, as: UTF8.self).count))
      return nil
    }
    let bytes = value.utf8
    let text = SafeText.clean(utf8: bytes)
    // A character takes at least one byte: only text longer in bytes than the limit is counted.
    guard text.utf8.count <= DecodeContext.maxTextLength || text.count <= DecodeContext.maxTextLength else {
      error(.textTooLong(characters: text.count))
      return nil
    }
    if !allowEmpty && text.isEmpty {
      error(.mustNotBeEmpty)
      return nil
    }
    return text
  }

  /// An identifier or code (`FormatSpec.identifierRule`).
  func identifier(_ value: JSONValue) -> String? {
    guard value.kind == .string else {
      error(.expected(.anIdentifier, found: value.kind))
      return nil
    }
    let bytes = value.utf8
    guard FormatSpec.isIdentifier(bytes) else {
      let shown = quoted(bytes.prefix(160))
      error(.notAnIdentifier(shown))
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
      error(.expected(.aDate, found: value.kind))
      return nil
    }
    let raw = String(decoding: value.utf8.prefix(40), as: UTF8.self)
    guard let date = CalendarDate(iso: raw) else {
      error(.notADate(quoted(value.utf8.prefix(40))))
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
        error(.notWhole(double))
      } else {
        error(.wholeWrittenAsDecimal(value.numberValue ?? 0))
      }
      return nil
    case .integer:
      guard let number = value.integerValue else {
        error(.outOfRange)
        return nil
      }
      guard number >= 0 else {
        error(.negative(number))
        return nil
      }
      guard number <= DecodeContext.maxCount else {
        error(.countTooLarge(number))
        return nil
      }
      return number
    default:
      error(.expected(.aWholeNumber, found: value.kind))
      return nil
    }
  }

  /// A finite number from 0 to `FormatSpec.maxAmount`.
  func amount(_ value: JSONValue) -> Double? {
    guard let number = value.numberValue else {
      error(.expected(.aNumber, found: value.kind))
      return nil
    }
    guard number.isFinite, number >= 0 else {
      error(.notFiniteAmount(number))
      return nil
    }
    guard number <= FormatSpec.maxAmount else {
      error(.amountTooLarge(number))
      return nil
    }
    return number
  }

  func bool(_ value: JSONValue) -> Bool? {
    guard let flag = value.boolValue else {
      error(.expected(.aBoolean, found: value.kind))
      return nil
    }
    return flag
  }

  func array(_ value: JSONValue) -> JSONSequence? {
    guard value.kind == .array else {
      error(.expected(.anArray, found: value.kind))
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
      error(.notOneOf(quoted(value.utf8.prefix(160)), allowed))
    } else {
      error(.expected(.oneOf(allowed), found: value.kind))
    }
    return nil
  }
}
