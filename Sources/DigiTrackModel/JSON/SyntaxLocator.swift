import Foundation

/// Finds where a document that simdjson refused goes wrong.
///
/// simdjson validates fast but reports errors without a position. Only for a file that failed, the
/// slower Foundation parser runs once more to find the byte offset, which becomes line:column.
enum SyntaxLocator {
  static func locate(in bytes: [UInt8], parserMessage: String) -> Diagnostic {
    if let invalid = firstInvalidUTF8(bytes) {
      let (line, column) = position(of: invalid, in: bytes)
      return Diagnostic(.error, .position(line: line, column: column), "the file is not valid UTF-8 here")
    }
    let data = Data(bytes)
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
      if let offset = characterOffset(in: detail), offset <= bytes.count {
        let (line, column) = position(of: offset, in: bytes)
        return Diagnostic(
          .error, .position(line: line, column: column), "invalid JSON: \(describe(detail, fallback: parserMessage))")
      }
    }
    return Diagnostic(.error, .file, "invalid JSON: \(parserMessage)")
  }

  /// The message without Foundation's own "around character N" tail, which line:column replaces.
  private static func describe(_ detail: String, fallback: String) -> String {
    guard let range = detail.range(of: " around character") ?? detail.range(of: " around line") else {
      return detail.isEmpty ? fallback : detail
    }
    let head = String(detail[..<range.lowerBound])
    return head.isEmpty ? fallback : head.prefix(1).lowercased() + head.dropFirst()
  }

  /// The N of "… around character N." in Foundation's error description.
  private static func characterOffset(in detail: String) -> Int? {
    guard let range = detail.range(of: "around character ") else { return nil }
    let digits = detail[range.upperBound...].prefix { $0.isNumber }
    return Int(digits)
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
