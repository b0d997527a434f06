/// A small JSON file (a theme, config.json) read into plain Swift values, where a dataset is read
/// by its decoders: objects as `[String: Any]`, arrays as `[Any]`, strings, `Bool`, whole numbers
/// that fit as `Int` and other numbers as `Double`, and `null` as `JSONTree.Null`.
///
/// It replaces Foundation's JSONSerialization (which would bring full Foundation into the binary)
/// with the parser the data already uses, and says where a file goes wrong as the data's loader
/// does: "3:12: trailing comma before '}'", in both languages.
public enum JSONTree {
  /// JSON's `null`.
  public struct Null: Sendable, Equatable {
    public init() {}
  }

  /// Why the text is not JSON: the message (without "invalid JSON"), and where.
  public struct Failure: Error, Sendable {
    public var line: Int?
    public var column: Int?
    public var detail: LocalizedText

    /// "3:12: trailing comma before '}'", or the detail alone when there is no position.
    public func text(_ language: Language) -> String {
      guard let line, let column else { return detail[language] }
      return "\(line):\(column): \(detail[language])"
    }
  }

  /// Nesting deeper than this is refused (a theme or a config is a few levels deep).
  public static let maxDepth = 64

  public static func parse(_ bytes: [UInt8]) throws(Failure) -> Any {
    let parsed = bytes.withUnsafeBytes { raw in
      Result { () throws(JSONDocument.ParseFailure) in try JSONDocument(parsing: raw, maxDepth: maxDepth) }
    }
    switch parsed {
    case .success(let document):
      return document.withRoot { value($0) }
    case .failure(let error):
      let diagnostic = SyntaxLocator.locate(in: bytes, maxDepth: maxDepth, parserMessage: error.message)
      var failure = Failure(detail: diagnostic.message)
      if case .position(let line, let column) = diagnostic.place {
        failure.line = line
        failure.column = column
      }
      // The locator words its finding as "invalid JSON: …"; the caller says that itself.
      failure.detail = LocalizedText(
        vi: Self.withoutPrefix(diagnostic.message.vi, "JSON không hợp lệ: "),
        en: Self.withoutPrefix(diagnostic.message.en, "invalid JSON: "))
      throw failure
    }
  }

  private static func withoutPrefix(_ text: String, _ prefix: String) -> String {
    text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
  }

  private static func value(_ value: JSONValue) -> Any {
    switch value.kind {
    case .null: return Null()
    case .bool: return value.boolValue ?? false
    case .integer:
      if let whole = value.integerValue { return whole }
      return value.numberValue ?? 0
    case .number:
      return value.numberValue ?? 0
    case .string: return value.stringValue ?? ""
    case .array: return value.elements.map { Self.value($0) }
    case .object:
      var object: [String: Any] = [:]
      // The last of a repeated key stands, as in JSONSerialization.
      for (key, member) in value.members { object[key.stringValue ?? ""] = Self.value(member) }
      return object
    }
  }
}
