import DigiTrackModel
import DigiTrackUI

/// The fill colour of each status in a written workbook, taken from the theme the screen uses.
///
/// A theme colours status text for a terminal (bright green on black); a cell needs a pale
/// background under dark text. So the role's colour (its background when it has one, else its
/// foreground) is mixed with white, and a role with no colour keeps the spreadsheet's usual fill.
/// The glyph and the word carry the meaning; the fill only repeats it, as on screen.
public struct StatusFills: Sendable, Equatable {
  /// 0xRRGGBB per status.
  public var rgb: [Status: UInt32]

  /// Excel's own "good / neutral / bad" fills, for a theme without colours.
  public static let standard = StatusFills(rgb: [
    .green: 0xC6EFCE, .yellow: 0xFFEB9C, .red: 0xFFC7CE, .notReported: 0xEDEDED,
  ])

  public init(rgb: [Status: UInt32]) { self.rgb = rgb }

  public init(theme: Theme) {
    var rgb = Self.standard.rgb
    let roles: [(Status, Role)] = [
      (.green, .statusGreen), (.yellow, .statusYellow), (.red, .statusRed), (.notReported, .statusNotReported),
    ]
    for (status, role) in roles {
      guard let style = theme.styles[role] else { continue }
      let colour = style.background != .terminalDefault ? style.background : style.foreground
      if let base = Self.rgb(colour) { rgb[status] = Self.pale(base) }
    }
    self.rgb = rgb
  }

  /// A quarter of the colour, three quarters white: light enough for black text.
  static func pale(_ colour: UInt32) -> UInt32 {
    func mix(_ shift: UInt32) -> UInt32 { (((colour >> shift) & 0xFF) + 3 * 0xFF) / 4 }
    return mix(16) << 16 | mix(8) << 8 | mix(0)
  }

  /// The xterm values of the 16 ANSI colours and of the 256-colour palette.
  static func rgb(_ colour: TerminalColor) -> UInt32? {
    switch colour {
    case .terminalDefault: return nil
    case .rgb(let red, let green, let blue): return UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    case .ansi(let index),
      .indexed(let index) where index < 16:
      let table: [UInt32] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
      ]
      return table.indices.contains(index) ? table[index] : nil
    case .indexed(let index) where index < 232:
      let steps: [UInt32] = [0, 95, 135, 175, 215, 255]
      let cube = index - 16
      return steps[cube / 36] << 16 | steps[cube / 6 % 6] << 8 | steps[cube % 6]
    case .indexed(let index):
      let grey = UInt32(8 + 10 * (min(index, 255) - 232))
      return grey << 16 | grey << 8 | grey
    }
  }
}
