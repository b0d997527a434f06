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

  public func status(_ status: Status) -> String { self.status[Int(status.rawValue)] }

  public static let unicode = Glyphs(
    barFill: "█", barEmpty: "░", rule: "─", separator: "·", up: "▲", down: "▼", ellipsis: "…",
    times: "×", arrow: "→", status: ["✓", "◐", "✗", "·"])

  public static let ascii = Glyphs(
    barFill: "#", barEmpty: "-", rule: "-", separator: "|", up: "^", down: "v", ellipsis: "~",
    times: "x", arrow: "->", status: ["+", "~", "x", "."])
}
