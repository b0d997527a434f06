import DigiTrackModel

/// The symbols DigiTrack draws, in Unicode and in plain ASCII for terminals without UTF-8.
public struct Glyphs: Sendable {
  public let barFill: String
  public let barEmpty: String
  public let rule: String
  public let separator: String
  public let up: String
  public let down: String
  public let ellipsis: String
  public let times: String
  public let arrow: String
  private let status: [String]
  /// Commune-level cells, indexed by `CommuneLevel.rawValue`: all, most, half, few, none.
  private let communeLevels: [String]

  public func status(_ status: Status) -> String { self.status[Int(status.rawValue)] }

  public func communeLevel(_ level: CommuneLevel) -> String { communeLevels[level.rawValue] }

  public static let unicode = Glyphs(
    barFill: "█", barEmpty: "░", rule: "─", separator: "·", up: "▲", down: "▼", ellipsis: "…",
    times: "×", arrow: "→", status: ["✓", "◐", "✗", "·"], communeLevels: ["✓", "▓", "▒", "░", "✗"])

  public static let ascii = Glyphs(
    barFill: "#", barEmpty: "-", rule: "-", separator: "|", up: "^", down: "v", ellipsis: "~",
    times: "x", arrow: "->", status: ["+", "~", "x", "."], communeLevels: ["+", "#", "=", "-", "x"])
}
