import DigiTrackModel

/// How text is written: the language, and whether the terminal can show UTF-8.
public struct DisplayOptions: Sendable, Hashable {
  public var language: Language
  /// False on terminals without UTF-8: ASCII bars and glyphs, names without diacritics.
  public var unicode: Bool

  public init(language: Language = .vi, unicode: Bool = true) {
    self.language = language
    self.unicode = unicode
  }
}
