/// The syntax half of the loader's catalog (`LoadMessages.swift`): what `SyntaxLocator` says
/// about a file that is not JSON, in Vietnamese and in English. Built only for a refused file.
extension LocalizedText {
  /// What was found where something else was needed: `'x'`, a character, the end of the file.
  static let endOfFile = both("cuối tệp", "the end of the file")
  static func character(_ shown: String, code: String) -> LocalizedText {
    both("ký tự \(shown) (U+\(code))", "the character \(shown) (U+\(code))")
  }
  static func byte(_ hex: String) -> LocalizedText { both("byte 0x\(hex)", "a byte 0x\(hex)") }

  /// A curly quote where JSON needs a straight one: what word processors type for `"`.
  static func typographicQuote(_ quote: Character) -> LocalizedText {
    both(
      "dấu ngoặc kiểu chữ in \(quote) ở chỗ JSON cần dấu \" (hãy tắt chế độ tự thay dấu ngoặc của trình soạn thảo)",
      "a typographic quote \(quote) where JSON needs \" (turn off the editor's smart quotes)")
  }

  static let onlyWhiteSpace = both(
    "tệp chỉ có khoảng trắng, không có giá trị JSON nào", "the file holds no JSON value, only white space")
  static let textAfterEnd = both(
    "còn nội dung sau khi tài liệu đã kết thúc", "unexpected text after the end of the document")
  static func tooDeep(_ depth: Int) -> LocalizedText {
    both(
      "lồng sâu quá \(depth) cấp (tệp DigiTrack chỉ cần 7 cấp)",
      "nesting deeper than \(depth) levels (a DigiTrack file needs 7)")
  }
  static let notANumber = both("NaN và Infinity không phải là số trong JSON", "NaN and Infinity are not JSON numbers")
  static let singleQuotedString = both(
    "chuỗi phải đặt trong dấu ngoặc kép (\"…\"), không dùng dấu nháy đơn",
    "strings must be in double quotes (\"…\"), not single quotes")
  static let singleQuotedKey = both(
    "khóa phải đặt trong dấu ngoặc kép (\"…\"), không dùng dấu nháy đơn",
    "keys must be in double quotes (\"…\"), not single quotes")
  static let noComments = both("JSON không cho phép chú thích", "comments are not allowed in JSON")
  static func expectedValue(found: LocalizedText) -> LocalizedText {
    both("cần một giá trị, nhưng gặp \(found.vi)", "expected a value, found \(found.en)")
  }
  static let endsBeforeValue = both("tệp kết thúc ở chỗ cần một giá trị", "the file ends where a value was expected")
  static func endsInside(object: Bool, line: Int, column: Int) -> LocalizedText {
    object
      ? both(
        "tệp kết thúc khi đối tượng mở tại \(line):\(column) chưa đóng",
        "the file ends inside the object opened at \(line):\(column)")
      : both(
        "tệp kết thúc khi mảng mở tại \(line):\(column) chưa đóng",
        "the file ends inside the array opened at \(line):\(column)")
  }
  static func expectedKey(found: LocalizedText) -> LocalizedText {
    both(
      "cần một khóa trong dấu ngoặc kép, nhưng gặp \(found.vi)", "expected a key in double quotes, found \(found.en)")
  }
  static func expectedColon(found: LocalizedText) -> LocalizedText {
    both("cần dấu ':' sau khóa, nhưng gặp \(found.vi)", "expected ':' after the key, found \(found.en)")
  }
  static func expectedComma(object: Bool, found: LocalizedText) -> LocalizedText {
    object
      ? both(
        "cần ',' hoặc '}' sau một thành phần, nhưng gặp \(found.vi)",
        "expected ',' or '}' after a member, found \(found.en)")
      : both(
        "cần ',' hoặc ']' sau một phần tử, nhưng gặp \(found.vi)",
        "expected ',' or ']' after an element, found \(found.en)")
  }
  static func trailingComma(object: Bool) -> LocalizedText {
    let closer = object ? "'}'" : "']'"
    return both("thừa dấu phẩy trước \(closer)", "trailing comma before \(closer)")
  }
  static func endsInsideString(line: Int, column: Int) -> LocalizedText {
    both(
      "tệp kết thúc khi chuỗi bắt đầu tại \(line):\(column) chưa đóng",
      "the file ends inside the string that starts at \(line):\(column)")
  }
  static let shortUnicodeEscape = both(
    "sau \\u phải có bốn chữ số thập lục phân", "\\u must be followed by four hexadecimal digits")
  static func invalidEscape(_ shown: LocalizedText) -> LocalizedText {
    both("chuỗi có ký tự thoát không hợp lệ \(shown.vi)", "invalid escape \(shown.en) in a string")
  }
  static func backslashFollowedBy(_ shown: String) -> LocalizedText {
    both("(dấu \\ theo sau là \(shown))", "(a backslash followed by \(shown))")
  }
  static let controlInString = both(
    "chuỗi có ký tự điều khiển chưa thoát (xuống dòng phải viết là \\n)",
    "unescaped control character in a string (a line break must be written \\n)")
  static func loneHighSurrogate(_ hex: String) -> LocalizedText {
    both(
      "\\u\(hex) là nửa đầu của cặp thay thế (surrogate) nhưng thiếu nửa sau (\\uDC00–\\uDFFF)",
      "lone surrogate \\u\(hex): a high surrogate must be followed by a low one (\\uDC00–\\uDFFF)")
  }
  static func loneLowSurrogate(_ hex: String) -> LocalizedText {
    both(
      "\\u\(hex) là nửa sau của cặp thay thế (surrogate) nhưng thiếu nửa đầu (\\uD800–\\uDBFF)",
      "lone surrogate \\u\(hex): a low surrogate must follow a high one (\\uD800–\\uDBFF)")
  }
  static let digitsAfterMinus = both("sau dấu '-' phải có chữ số", "a number needs digits after '-'")
  static let leadingZero = both(
    "số không được bắt đầu bằng 0 (viết 7, không viết 07)", "numbers must not start with 0 (write 7, not 07)")
  static let digitsAfterPoint = both("sau dấu thập phân phải có chữ số", "a decimal point must be followed by digits")
  static let digitsInExponent = both("số mũ phải có chữ số", "an exponent needs digits")
  static func parser(_ message: String) -> LocalizedText { both(message, message) }
}
