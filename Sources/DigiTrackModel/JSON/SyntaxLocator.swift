/// Finds where and why a document that simdjson refused goes wrong.
///
/// simdjson validates at full speed but says only *that* a file is bad. For a file that failed,
/// and only then, this strict RFC 8259 scanner walks it once more to find the first problem and
/// say it in words a person can act on, at a line and column: "trailing comma before ']'", "the
/// file ends inside the array opened at 45:16". It checks syntax only; it builds no values.
struct SyntaxLocator {
  private let bytes: [UInt8]
  private var offset = 0
  /// Open containers: kind, where they opened, and the path component inside them.
  private var stack: [(isObject: Bool, opened: Int, component: DecodeContext.PathComponent?)] = []

  enum Finding {
    case syntax(offset: Int, message: LocalizedText)
    /// Valid JSON that DigiTrack cannot read: a number beyond what a count or a value can hold.
    case outOfRange(path: String)
  }

  private struct Failure: Error {
    let finding: Finding
  }

  static func locate(in bytes: [UInt8], maxDepth: Int, parserMessage: String) -> Diagnostic {
    if let invalid = firstInvalidUTF8(bytes) {
      let (line, column) = position(of: invalid, in: bytes)
      return Diagnostic(.error, .position(line: line, column: column), .notUTF8)
    }
    var scanner = SyntaxLocator(bytes: bytes)
    switch scanner.scan(maxDepth: maxDepth) {
    case .syntax(let offset, let message)?:
      let (line, column) = position(of: offset, in: bytes)
      let detail = typographicQuote(at: offset, in: bytes).map(LocalizedText.typographicQuote) ?? message
      return Diagnostic(.error, .position(line: line, column: column), .invalidJSON(detail))
    case .outOfRange(let path)?:
      return Diagnostic(.error, .path(path), .outOfRange)
    case nil:
      return Diagnostic(.error, .file, .invalidJSON(.parser(parserMessage)))
    }
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func scan(maxDepth: Int) -> Finding? {
    do throws(Failure) {
      skipSpace()
      guard offset < bytes.count else {
        throw Failure(finding: .syntax(offset: 0, message: .onlyWhiteSpace))
      }
      try value(maxDepth: maxDepth)
      skipSpace()
      if offset < bytes.count { throw fail(.textAfterEnd) }
      return nil
    } catch {
      return error.finding
    }
  }

  private func fail(_ message: LocalizedText, at position: Int? = nil) -> Failure {
    Failure(finding: .syntax(offset: position ?? offset, message: message))
  }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private mutating func skipSpace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
  }

  /// What stands at the current offset (`byte` is the one there): a printable ASCII character in
  /// quotes, another letter with its code point, else the byte in hex.
  private func describe(_ byte: UInt8?) -> LocalizedText {
    guard let byte else { return .endOfFile }
    if byte >= 0x21 && byte < 0x7F {
      return .both("'\(Character(Unicode.Scalar(byte)))'", "'\(Character(Unicode.Scalar(byte)))'")
    }
    if byte >= 0xC2, let scalar = Self.scalar(at: offset, in: bytes), !SafeText.isInvisible(scalar),
      scalar.properties.generalCategory != .control
    {
      let code = String(scalar.value, radix: 16, uppercase: true)
      return .character(
        "«\(SafeText.printable(String(scalar)))»", code: String(repeating: "0", count: max(0, 4 - code.count)) + code)
    }
    return .byte(String(byte, radix: 16, uppercase: true))
  }

  private static func scalar(at position: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    var iterator = bytes[position...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }

  /// The curly quote at `position`, if one stands there: “ ” ‘ ’ (what editors type for " and ').
  static func typographicQuote(at position: Int, in bytes: [UInt8]) -> Character? {
    guard position + 2 < bytes.count, bytes[position] == 0xE2, bytes[position + 1] == 0x80 else { return nil }
    switch bytes[position + 2] {
    case 0x9C: return "“"
    case 0x9D: return "”"
    case 0x98: return "‘"
    case 0x99: return "’"
    default: return nil
    }
  }

  private mutating func value(maxDepth: Int) throws(Failure) {
    guard let byte = current else { throw endInside() }
    switch byte {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      guard stack.count < maxDepth else {
        throw fail(.tooDeep(maxDepth))
      }
      try container(isObject: byte == UInt8(ascii: "{"), maxDepth: maxDepth)
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "N"), UInt8(ascii: "I"):
      throw fail(.notANumber)
    case UInt8(ascii: "'"): throw fail(.singleQuotedString)
    case UInt8(ascii: "/"): throw fail(.noComments)
    case UInt8(ascii: "]"), UInt8(ascii: "}"):
      throw fail(.expectedValue(found: describe(byte)))
    default:
      throw fail(.expectedValue(found: describe(byte)))
    }
  }

  private func endInside() -> Failure {
    guard let open = stack.last else { return fail(.endsBeforeValue) }
    let (line, column) = Self.position(of: open.opened, in: bytes)
    return fail(.endsInside(object: open.isObject, line: line, column: column))
  }

  private mutating func container(isObject: Bool, maxDepth: Int) throws(Failure) {
    stack.append((isObject, offset, nil))
    defer { stack.removeLast() }
    offset += 1
    let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    skipSpace()
    if current == close {
      offset += 1
      return
    }
    var index = 0
    while true {
      skipSpace()
      if isObject {
        guard let byte = current else { throw endInside() }
        switch byte {
        case UInt8(ascii: "\""): break
        case UInt8(ascii: "'"): throw fail(.singleQuotedKey)
        case UInt8(ascii: "/"): throw fail(.noComments)
        default: throw fail(.expectedKey(found: describe(byte)))
        }
        let keyStart = offset + 1
        try string()
        stack[stack.count - 1].component = .key(String(decoding: bytes[keyStart..<(offset - 1)], as: UTF8.self))
        skipSpace()
        guard current == UInt8(ascii: ":") else {
          throw current == nil ? endInside() : fail(.expectedColon(found: describe(current)))
        }
        offset += 1
        skipSpace()
      } else {
        stack[stack.count - 1].component = .index(index)
      }
      try value(maxDepth: maxDepth)
      index += 1
      skipSpace()
      guard let byte = current else { throw endInside() }
      if byte == close {
        offset += 1
        return
      }
      guard byte == UInt8(ascii: ",") else {
        if byte == UInt8(ascii: "/") { throw fail(.noComments) }
        throw fail(.expectedComma(object: isObject, found: describe(byte)))
      }
      let comma = offset
      offset += 1
      skipSpace()
      if current == close {
        throw fail(.trailingComma(object: isObject), at: comma)
      }
    }
  }

  private mutating func string() throws(Failure) {
    let start = offset
    offset += 1
    while true {
      guard let byte = current else {
        let (line, column) = Self.position(of: start, in: bytes)
        throw fail(.endsInsideString(line: line, column: column))
      }
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        return
      case UInt8(ascii: "\\"):
        offset += 1
        guard let escaped = current else { continue }
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          offset += 1
        case UInt8(ascii: "u"):
          let hex = bytes[min(bytes.count, offset + 1)..<min(bytes.count, offset + 5)]
          guard hex.count == 4, hex.allSatisfy({ Self.isHex($0) }) else {
            throw fail(.shortUnicodeEscape)
          }
          try surrogate(at: offset - 1)
        default:
          throw fail(.invalidEscape(describeEscaped(at: offset)))
        }
      case 0x00..<0x20:
        throw fail(.controlInString)
      default:
        offset += 1
      }
    }
  }

  /// The character after a backslash, shown safely: `\q` for printable ASCII, else the
  /// `\u001B` form, so that an ESC or NUL in the file never reaches the terminal as itself.
  private func describeEscaped(at position: Int) -> LocalizedText {
    let byte = bytes[position]
    if byte > 0x20 && byte < 0x7F {
      let shown = "\\" + String(Character(Unicode.Scalar(byte)))
      return .both(shown, shown)
    }
    var iterator = bytes[position...].makeIterator()
    var decoder = UTF8()
    let scalar: Unicode.Scalar
    if case .scalarValue(let decoded) = decoder.decode(&iterator) { scalar = decoded } else { scalar = "\u{FFFD}" }
    let shown = scalar.value <= 0x20 ? SafeText.escaped(scalar) : SafeText.printable(String(scalar))
    return .backslashFollowedBy(shown)
  }

  /// Checks the `\uXXXX` escape at `start` (its backslash) and moves past it. UTF-16 surrogates
  /// only come in pairs: a high one (D800–DBFF) must be followed at once by `\u` and a low one
  /// (DC00–DFFF). simdjson refuses a lone one without saying where; this says where.
  private mutating func surrogate(at start: Int) throws(Failure) {
    let unit = Self.hexValue(bytes[(start + 2)..<(start + 6)])
    offset = start + 6
    switch unit {
    case 0xD800...0xDBFF:
      let next = bytes[min(bytes.count, offset)..<min(bytes.count, offset + 6)]
      let low =
        next.count == 6 && next.first == UInt8(ascii: "\\") && next.dropFirst().first == UInt8(ascii: "u")
          && next.dropFirst(2).allSatisfy({ Self.isHex($0) })
        ? Self.hexValue(next.dropFirst(2)) : nil
      guard let low, (0xDC00...0xDFFF).contains(low) else {
        throw fail(.loneHighSurrogate(Self.hex(unit)), at: start)
      }
      offset += 6
    case 0xDC00...0xDFFF:
      throw fail(.loneLowSurrogate(Self.hex(unit)), at: start)
    default:
      break
    }
  }

  private static func hexValue(_ digits: ArraySlice<UInt8>) -> Int {
    digits.reduce(0) { $0 * 16 + Int(Character(Unicode.Scalar($1)).hexDigitValue ?? 0) }
  }

  private static func hex(_ unit: Int) -> String { String(unit, radix: 16, uppercase: true) }

  private static func isHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  private mutating func number() throws(Failure) {
    let start = offset
    func digits() -> Int {
      var count = 0
      while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        offset += 1
        count += 1
      }
      return count
    }
    if current == UInt8(ascii: "-") { offset += 1 }
    if current == UInt8(ascii: "I") { throw fail(.notANumber) }
    let integerStart = offset
    guard digits() > 0 else { throw fail(.digitsAfterMinus) }
    if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 {
      throw fail(.leadingZero, at: integerStart)
    }
    var isInteger = true
    if current == UInt8(ascii: ".") {
      offset += 1
      isInteger = false
      guard digits() > 0 else { throw fail(.digitsAfterPoint) }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      offset += 1
      isInteger = false
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
      guard digits() > 0 else { throw fail(.digitsInExponent) }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    let fits = isInteger ? (Int64(text) != nil || UInt64(text) != nil) : (Double(text)?.isFinite ?? false)
    if !fits { throw Failure(finding: .outOfRange(path: pathString())) }
  }

  private mutating func literal(_ word: StaticString) throws(Failure) {
    let count = word.utf8CodeUnitCount
    let end = offset + count
    guard end <= bytes.count,
      bytes[offset..<end].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
    else { throw fail(.expectedValue(found: describe(current))) }
    offset = end
  }

  private func pathString() -> String {
    DecodeContext.format(stack.compactMap(\.component))
  }

  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// 1-based line and column (in characters) of a byte offset.
  static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    let end = min(offset, bytes.count)
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    let column = 1 + bytes[lineStart..<end].count { ($0 & 0xC0) != 0x80 }
    return (line, column)
  }
}
