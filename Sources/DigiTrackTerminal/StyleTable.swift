import CNCurses
import DigiTrackUI

/// How one cell is drawn: ncurses attributes and a colour pair (0 = the terminal's defaults).
struct CellStyle: Sendable, Equatable {
  var attributes: attr_t
  var pair: Int32

  static let plain = CellStyle(attributes: 0, pair: 0)
}

/// Every (role, selected) style of the theme turned into ncurses attributes and colour pairs,
/// once, when the screen starts (`TerminalCodes` turns them into the bytes the painter sends).
///
/// Painting looks styles up for every cell of every frame, so the work of degrading colours and
/// allocating pairs is done here, and only for the styles the theme can actually produce: that
/// keeps within small COLOR_PAIRS limits (64 on an 8-colour xterm) whatever the theme contains.
struct StyleTable: @unchecked Sendable {
  private var styles: [CellStyle]
  /// Per style, the colours its pair draws (-1 for the terminal's own), or nil without colour:
  /// the painter writes them to the terminal itself (`TerminalCodes`).
  private(set) var colors: [ColorKey?]
  /// Per style, how a space drawn in it looks (`BlankLook`): styles whose spaces look the same
  /// may draw each other's spaces, so that a row changes attributes less often.
  private(set) var blankLooks: [BlankLook]

  /// `looks` says how a space looks in each style; without it, every distinct style is its own
  /// look (nothing is merged). `colors` are the pairs' colours, nil without colour.
  init(styles: [CellStyle], looks: [BlankLook]? = nil, colors: [ColorKey?] = []) {
    // One entry for every (role, selected), whatever the caller gave, so that the painter's
    // lookups by `index(role:selected:)` need no bounds check of their own.
    var styles = styles
    if styles.count < Self.count { styles += Array(repeating: .plain, count: Self.count - styles.count) }
    self.styles = styles
    var colors = colors
    if colors.count < styles.count { colors += Array(repeating: nil, count: styles.count - colors.count) }
    self.colors = colors
    var looks = looks ?? styles.map { BlankLook(exactly: $0) }
    if looks.count < styles.count { looks += styles[looks.count...].map { BlankLook(exactly: $0) } }
    blankLooks = looks
  }

  /// Entries in the table: one per role, selected or not.
  static let count = ((Role.allCases.map { Int($0.rawValue) }.max() ?? 0) + 1) * 2

  /// The table's index of (role, selected).
  @inline(__always)
  static func index(role: Role, selected: Bool) -> Int {
    Int(role.rawValue) &* 2 &+ (selected ? 1 : 0)
  }

  subscript(role: Role, selected: Bool) -> CellStyle {
    styles[Self.index(role: role, selected: selected)]
  }

  /// The style at a table index.
  subscript(index: Int) -> CellStyle { styles[index] }

  /// Starts ncurses colour (unless it is off or absent) and defines the theme's pairs.
  /// Call after newterm/initscr.
  static func install(theme: Theme, colorEnabled: Bool) -> StyleTable {
    var depth = ColorDepth.none
    var defaultsAvailable = true
    if colorEnabled, has_colors() {
      start_color()
      // -1 then means the terminal's own colours, so the dashboard keeps the user's background.
      defaultsAvailable = use_default_colors() != ERR
      depth = ColorDepth(colors: Int(dt_colors()), enabled: true)
    }

    let pairLimit = depth == .none ? 0 : Int(dt_color_pairs())
    var pairs: [ColorKey: Int32] = [:]
    var styles = [CellStyle](repeating: .plain, count: count)
    // The colours pair 0 draws: the terminal's own with use_default_colors; else unknown here.
    let unknown = Int.min
    let defaultColors = ColorKey(
      foreground: defaultsAvailable ? -1 : unknown, background: defaultsAvailable ? -1 : unknown)
    var looks = [BlankLook](repeating: BlankLook(exactly: .plain), count: count)
    var colors = [ColorKey?](repeating: nil, count: count)

    for role in Role.allCases {
      for selected in [false, true] {
        let style = theme.style(for: role, selected: selected)
        var foreground = ColorDegradation.degrade(style.foreground, to: depth)
        var background = ColorDegradation.degrade(style.background, to: depth)
        if !defaultsAvailable {
          // Without use_default_colors, -1 is not accepted: fall back to the classic white on black.
          if foreground.index < 0 { foreground.index = Int(COLOR_WHITE) }
          if background.index < 0 { background.index = Int(COLOR_BLACK) }
        }

        var attributes = dt_a_normal()
        if style.bold || foreground.wantsBold { attributes |= dt_a_bold() }
        if style.underline { attributes |= dt_a_underline() }
        // Without colour a background would vanish, and with it the selected row, the title
        // bar and the status line: a background unlike the screen's becomes reverse video.
        let stands = style.background != theme.style(for: .normal, selected: false).background
        let reverse = depth == .none && stands ? !style.reverse : style.reverse
        if reverse { attributes |= dt_a_reverse() }
        if style.dim { attributes |= dt_a_dim() }

        var pair: Int32 = 0
        var drawn = defaultColors
        let key = ColorKey(foreground: foreground.index, background: background.index)
        if depth != .none, key != ColorKey(foreground: -1, background: -1) {
          if let existing = pairs[key] {
            pair = existing
          } else if pairs.count + 1 < pairLimit {
            let number = Int32(pairs.count + 1)
            if init_pair(Int16(number), Int16(key.foreground), Int16(key.background)) != ERR {
              pairs[key] = number
              pair = number
            }
          }
          if pair != 0 { drawn = key }
          // Out of pairs: the cell keeps its attributes and the terminal's default colours.
        }
        let cellStyle = CellStyle(attributes: attributes, pair: pair)
        styles[index(role: role, selected: selected)] = cellStyle
        looks[index(role: role, selected: selected)] = BlankLook(cellStyle, colors: drawn)
        // Pair 0 is the terminal's own colours (ncurses sends `op` for it).
        if depth != .none {
          colors[index(role: role, selected: selected)] = pair == 0 ? ColorKey(foreground: -1, background: -1) : key
        }
      }
    }
    return StyleTable(styles: styles, looks: looks, colors: colors)
  }
}

/// The colours of a pair: xterm colour numbers, -1 for the terminal's own.
struct ColorKey: Hashable {
  var foreground: Int
  var background: Int
}

/// What a space drawn in a style shows on the terminal: the colour behind it and the attributes
/// that mark a cell without a glyph (underline, reverse video).
///
/// A space has no glyph, so its foreground colour, bold and dim do not show, unless the style is
/// in reverse video: then the foreground colour is the one behind it, and bold and dim may change
/// it, so a reversed space looks like only another space of exactly the same style.
struct BlankLook: Hashable {
  var color: Int
  var attributes: attr_t
  var reverse: Bool
  /// Made without the colours: equal only to the look of the same style.
  var exact = false

  init(_ style: CellStyle, colors: ColorKey) {
    reverse = style.attributes & dt_a_reverse() != 0
    if reverse {
      color = colors.foreground
      attributes = style.attributes
    } else {
      color = colors.background
      attributes = style.attributes & dt_a_underline()
    }
  }

  /// A look that only the same style has: for tables made without their colours.
  init(exactly style: CellStyle) {
    color = Int(style.pair)
    attributes = style.attributes
    reverse = style.attributes & dt_a_reverse() != 0
    exact = true
  }
}
