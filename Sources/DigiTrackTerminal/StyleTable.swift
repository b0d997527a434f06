import CNCurses
import DigiTrackUI

/// How one cell is drawn: ncurses attributes and a colour pair (0 = the terminal's defaults).
struct CellStyle: Sendable, Equatable {
  var attributes: attr_t
  var pair: Int32

  static let plain = CellStyle(attributes: 0, pair: 0)
}

/// Every (role, selected) style of the theme turned into ncurses attributes and colour pairs,
/// once, when the screen starts.
///
/// Painting looks styles up for every cell of every frame, so the work of degrading colours and
/// allocating pairs is done here, and only for the styles the theme can actually produce: that
/// keeps within small COLOR_PAIRS limits (64 on an 8-colour xterm) whatever the theme contains.
struct StyleTable: @unchecked Sendable {
  private var styles: [CellStyle]
  /// Per style, the ncurses cell of a space in it, as setcchar makes it: the painter copies one
  /// and puts the character in, instead of calling setcchar for every cell.
  private var blanks: [cchar_t]

  init(styles: [CellStyle]) {
    self.styles = styles
    var space: [wchar_t] = [0x20, 0]
    blanks = styles.map { style in
      var cell = cchar_t()
      _ = dt_make_cell(&cell, &space, style.attributes, style.pair)
      return cell
    }
  }

  subscript(role: Role, selected: Bool) -> CellStyle {
    let index = Int(role.rawValue) * 2 + (selected ? 1 : 0)
    return styles.indices.contains(index) ? styles[index] : .plain
  }

  /// The ncurses cell of `scalar` in the style of (role, selected): what `dt_put_cell` would draw
  /// for a grapheme of that one code point.
  func cell(_ scalar: UInt32, role: Role, selected: Bool) -> cchar_t {
    let index = Int(role.rawValue) * 2 + (selected ? 1 : 0)
    var cell: cchar_t
    if blanks.indices.contains(index) {
      cell = blanks[index]
    } else {
      cell = cchar_t()
      var space: [wchar_t] = [0x20, 0]
      _ = dt_make_cell(&cell, &space, 0, 0)
    }
    cell.chars.0 = wchar_t(bitPattern: scalar)
    return cell
  }

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
    let roleCount = (Role.allCases.map { Int($0.rawValue) }.max() ?? 0) + 1
    var styles = [CellStyle](repeating: .plain, count: roleCount * 2)

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
          // Out of pairs: the cell keeps its attributes and the terminal's default colours.
        }
        styles[Int(role.rawValue) * 2 + (selected ? 1 : 0)] = CellStyle(
          attributes: attributes, pair: pair)
      }
    }
    return StyleTable(styles: styles)
  }

  private struct ColorKey: Hashable {
    var foreground: Int
    var background: Int
  }
}
