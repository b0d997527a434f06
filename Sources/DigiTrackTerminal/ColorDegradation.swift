import DigiTrackUI

/// How many colours the terminal can show, from ncurses' `COLORS`.
///
/// Themes name colours in the richest form they like (true colour, 256, 16); the terminal decides
/// what actually appears. Degrading here keeps every theme usable on every terminal instead of
/// asking theme authors to provide fallbacks.
enum ColorDepth: Sendable, Equatable {
  /// No colour: NO_COLOR, `--no-color`, or a monochrome terminal. Attributes still apply.
  case none
  /// The 8 basic colours; bright foregrounds become bold.
  case basic8
  /// The 16 ANSI colours.
  case ansi16
  /// The xterm 256-colour palette (also used for true-colour terminals: pairs stay portable).
  case xterm256

  init(colors: Int, enabled: Bool) {
    if !enabled || colors < 8 {
      self = .none
    } else if colors >= 256 {
      self = .xterm256
    } else if colors >= 16 {
      self = .ansi16
    } else {
      self = .basic8
    }
  }
}

/// A colour as ncurses takes it: a palette index, or -1 for the terminal's own default.
struct DegradedColor: Sendable, Hashable {
  var index: Int
  /// The colour was a bright ANSI colour shown as its basic one: as a foreground it is drawn bold,
  /// which most 8-colour terminals render bright.
  var wantsBold: Bool

  static let terminalDefault = DegradedColor(index: -1, wantsBold: false)
}

/// Maps theme colours onto what the terminal has: rgb → nearest xterm-256 index → nearest of the
/// 16 ANSI colours → the 8 basic colours.
enum ColorDegradation {
  static func degrade(_ color: TerminalColor, to depth: ColorDepth) -> DegradedColor {
    guard depth != .none else { return .terminalDefault }
    switch color {
    case .terminalDefault:
      return .terminalDefault
    case .ansi(let value):
      return ansi(min(max(value, 0), 15), depth: depth)
    case .indexed(let value):
      let index = min(max(value, 0), 255)
      if index < 16 { return ansi(index, depth: depth) }
      if depth == .xterm256 { return DegradedColor(index: index, wantsBold: false) }
      return ansi(nearest(to: palette[index], in: 0..<16), depth: depth)
    case .rgb(let red, let green, let blue):
      let target = RGB(red: Int(red), green: Int(green), blue: Int(blue))
      if depth == .xterm256 {
        // 0–15 are left out: users retheme them, so they are no reliable match for an exact colour.
        return DegradedColor(index: nearest(to: target, in: 16..<256), wantsBold: false)
      }
      return ansi(nearest(to: target, in: 0..<16), depth: depth)
    }
  }

  private static func ansi(_ index: Int, depth: ColorDepth) -> DegradedColor {
    if depth == .basic8, index >= 8 { return DegradedColor(index: index - 8, wantsBold: true) }
    return DegradedColor(index: index, wantsBold: false)
  }

  struct RGB: Sendable, Hashable {
    var red: Int
    var green: Int
    var blue: Int
  }

  /// The index in `range` of the palette colour closest to `target`, by the "redmean"
  /// approximation of perceived distance (cheap, and much better than plain RGB distance).
  static func nearest(to target: RGB, in range: Range<Int>) -> Int {
    var best = range.lowerBound
    var bestDistance = Int.max
    for index in range {
      let candidate = palette[index]
      let meanRed = (target.red + candidate.red) / 2
      let dr = target.red - candidate.red
      let dg = target.green - candidate.green
      let db = target.blue - candidate.blue
      let distance =
        ((512 + meanRed) * dr * dr) / 256 + 4 * dg * dg + ((767 - meanRed) * db * db) / 256
      if distance < bestDistance {
        bestDistance = distance
        best = index
      }
    }
    return best
  }

  /// xterm's default 256-colour palette: the 16 ANSI colours, a 6×6×6 cube and 24 greys.
  static let palette: [RGB] = {
    var colors: [RGB] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
      (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
      (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ].map { RGB(red: $0.0, green: $0.1, blue: $0.2) }
    let levels = [0, 95, 135, 175, 215, 255]
    for red in levels {
      for green in levels {
        for blue in levels { colors.append(RGB(red: red, green: green, blue: blue)) }
      }
    }
    for step in 0..<24 {
      let grey = 8 + 10 * step
      colors.append(RGB(red: grey, green: grey, blue: grey))
    }
    return colors
  }()
}
