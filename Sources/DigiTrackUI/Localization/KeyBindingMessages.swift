import DigiTrackModel

// MARK: key bindings (issue 12 item 19)

/// Every message about config.json's `keys`, in Vietnamese and English, in one place. The place
/// (`config.json:5:13: … keys.quit:`) is not part of a message: it is the same in both languages.
/// Text from the file is quoted made printable (`"\u{1}"` shows as `"\u0001"`) and cut to 40
/// characters, so a hostile file cannot flood the terminal.
extension LocalizedText {
  private static func quote(_ text: String) -> String {
    let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\"" + SafeText.printable(cut) + "\""
  }

  static let keysNotAnObject = LocalizedText(
    vi: "phải là một đối tượng dạng {\"quit\": [\"q\", \"x\"], \"export\": \"e\"}",
    en: "must be an object such as {\"quit\": [\"q\", \"x\"], \"export\": \"e\"}")

  static func unknownAction(_ name: String) -> LocalizedText {
    let all = KeyAction.allCases.map(\.rawValue).joined(separator: ", ")
    let near = KeyAction.allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    return LocalizedText(
      vi: "không có thao tác \(quote(name))" + (near.map { " (có phải là \"\($0.rawValue)\"?)" } ?? "")
        + "; các thao tác: \(all)",
      en: "unknown action \(quote(name))" + (near.map { " (did you mean \"\($0.rawValue)\"?)" } ?? "")
        + "; actions: \(all)")
  }

  static let notAKeyOrList = LocalizedText(
    vi: "cần một phím (\"x\") hoặc một danh sách phím ([\"q\", \"Q\"]; [] để thao tác không có phím nào)",
    en: "must be a key (\"x\") or a list of keys ([\"q\", \"Q\"]; [] leaves the action without a key)")

  static let emptyKey = LocalizedText(
    vi: "phím không được để trống", en: "a key cannot be empty")

  static func fixedKey(_ text: String) -> LocalizedText {
    LocalizedText(
      vi: "\(quote(text)) là phím cố định, không gán lại được (phím cố định: các phím mũi tên, PgUp, PgDn, Home, End,"
        + " Enter, Esc, Backspace, Tab, Ctrl-C; phím cách cuộn trợ giúp); hãy dùng một ký tự",
      en: "\(quote(text)) is a fixed key and cannot be bound (fixed: the arrows, PgUp, PgDn, Home, End, Enter, Esc,"
        + " Backspace, Tab, Ctrl-C; space scrolls the help); use one character")
  }

  static func functionKey(_ text: String) -> LocalizedText {
    LocalizedText(
      vi: "\(quote(text)): bảng điều khiển không đọc các phím chức năng; hãy dùng một ký tự",
      en: "\(quote(text)): the dashboard does not read function keys; use one character")
  }

  static func notOneCharacter(_ text: String) -> LocalizedText {
    LocalizedText(
      vi: "\(quote(text)) không phải là một phím: mỗi phím là đúng một ký tự (danh sách [\"a\", \"b\"] gán nhiều phím)",
      en: "\(quote(text)) is not a key: a key is one character (a list [\"a\", \"b\"] binds several)")
  }

  static func unprintableKey(_ text: String) -> LocalizedText {
    LocalizedText(
      vi: "\(quote(text)) không gán được: ký tự điều khiển, khoảng trắng và ký tự vô hình không phải là phím",
      en: "\(quote(text)) cannot be bound: control characters, spaces and invisible characters are not keys")
  }

  static func mustKeepAKey(_ action: KeyAction) -> LocalizedText {
    action == .quit
      ? LocalizedText(
        vi: "quit phải giữ ít nhất một phím, nếu không sẽ không thoát được chương trình",
        en: "quit must keep at least one key, or the dashboard could not be left")
      : LocalizedText(
        vi: "help phải giữ ít nhất một phím, nếu không sẽ không xem được danh sách phím",
        en: "help must keep at least one key, or the keys could not be looked up")
  }

  /// `key "x" is bound to both quit and export`, and when one of them has it by default, how to
  /// give that one another key.
  static func boundTwice(_ key: Character, _ first: KeyAction, _ second: KeyAction, byDefault: KeyAction?)
    -> LocalizedText
  {
    let shown = quote(String(key))
    let (one, other) = (first.rawValue, second.rawValue)
    var text = LocalizedText(
      vi: "phím \(shown) được gán cho cả \(one) và \(other)", en: "key \(shown) is bound to both \(one) and \(other)")
    if let byDefault {
      let name = byDefault.rawValue
      text.vi += "; \(shown) là phím mặc định của \(name): hãy gán cho \(name) phím khác, hoặc [] để bỏ"
      text.en += "; \(shown) is \(name)'s default: give \(name) another key, or [] for none"
    }
    return text
  }
}
