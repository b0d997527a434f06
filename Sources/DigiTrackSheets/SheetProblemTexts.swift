import DigiTrackModel

extension LocalizedText {
  /// A message of `import`, `merge`, `form` or `--data DIR` in Vietnamese and in English.
  static func text(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
}
