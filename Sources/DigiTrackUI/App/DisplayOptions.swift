import DigiTrackModel

/// How text is written: the language, whether the terminal can show UTF-8, and which keys the
/// screens name (config.json's `keys`; only the dashboard reads them, exports name no key).
public struct DisplayOptions: Sendable, Hashable {
  public var language: Language
  /// False on terminals without UTF-8: ASCII bars and glyphs, names without diacritics.
  public var unicode: Bool
  /// What each key does; help, hints and prompts name the keys bound here.
  public var keys: KeyBindings

  public init(language: Language = .vi, unicode: Bool = true, keys: KeyBindings = .defaults) {
    self.language = language
    self.unicode = unicode
    self.keys = keys
  }
}
