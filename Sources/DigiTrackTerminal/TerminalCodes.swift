import CNCurses
import Glibc

/// The bytes the painter sends the terminal, made once from its terminfo entry when the screen
/// starts: each style's attributes and colours, cursor addressing, and what the bottom-right
/// cell needs.
///
/// The painter writes frames itself (see `CanvasPainter`), so these replace what ncurses'
/// `doupdate` would look up per change: `tparm` alone cost it more than our whole paint.
/// ncurses still owns the terminal's modes, input, mouse, resize and suspend.
struct TerminalCodes {
  /// Per style (by `StyleTable` index): the attributes from scratch (`sgr`, or `sgr0` and one
  /// capability per attribute). On some terminals this also resets the colours.
  private(set) var attributes: [[UInt8]]
  /// Per style: both colours, from any state (`op` for the terminal's own, `setaf`, `setab`).
  /// Empty without colour.
  private(set) var colors: [[UInt8]]
  /// Per style, the first style with the same attribute bytes, and with the same colour bytes:
  /// the painter compares these to send only what changes.
  private(set) var attributeKind: [Int] = []
  private(set) var colorKind: [Int] = []
  /// Attributes off and the terminal's own colours: how every frame leaves the terminal, as
  /// ncurses believes it to be.
  private(set) var normal: [UInt8] = []
  /// `cup` (nil when the terminal has none).
  private let cursorAddress: UnsafePointer<CChar>?
  /// `cup` is the ANSI `ESC [ row ; column H`, which the painter writes without `tparm`.
  let ansiCursor: Bool
  /// How the bottom-right cell can be written without scrolling the screen: directly (no
  /// automatic margins, or xterm's delayed wrap), between `rmam` and `smam`, or not at all.
  let corner: Corner
  /// The locale's multibyte encoding is UTF-8 (else each character goes through wcrtomb).
  let utf8: Bool

  enum Corner: Equatable {
    case direct
    case marginsOff(off: [UInt8], on: [UInt8])
    case skipped
  }

  init(styles: StyleTable) {
    let has = { (name: String) in dt_terminfo_string(name) != nil }
    let string = { (name: String) -> [UInt8] in Self.bytes(dt_terminfo_string(name)) }
    // Attributes a terminal cannot combine with colour (ncv), dropped as ncurses drops them.
    let noColorVideo = dt_terminfo_number("ncv")
    let sgr = dt_terminfo_string("sgr")
    var attributes: [[UInt8]] = []
    var colors: [[UInt8]] = []
    for index in 0..<StyleTable.count {
      var style = styles[index]
      let color = styles.colors[index]
      if noColorVideo > 0, style.pair != 0 {
        let bits: [(Int32, attr_t)] = [
          (2, dt_a_underline()), (4, dt_a_reverse()), (16, dt_a_dim()), (32, dt_a_bold()),
        ]
        for (bit, attribute) in bits where noColorVideo & bit != 0 { style.attributes &= ~attribute }
      }
      let bold = style.attributes & dt_a_bold() != 0
      let underline = style.attributes & dt_a_underline() != 0
      let reverse = style.attributes & dt_a_reverse() != 0
      let dim = style.attributes & dt_a_dim() != 0
      if let sgr {
        // sgr's parameters: standout, underline, reverse, blink, dim, bold, invisible, protect,
        // alternate character set.
        attributes.append(
          Self.bytes(dt_tparm(sgr, 0, underline ? 1 : 0, reverse ? 1 : 0, 0, dim ? 1 : 0, bold ? 1 : 0, 0, 0, 0)))
      } else {
        var codes = string("sgr0")
        if bold { codes += string("bold") }
        if underline { codes += string("smul") }
        if reverse { codes += string("rev") }
        if dim { codes += string("dim") }
        attributes.append(codes)
      }
      var codes: [UInt8] = []
      if let color {
        if color.foreground < 0 || color.background < 0 { codes += string("op") }
        if color.foreground >= 0 { codes += Self.parameterized("setaf", color.foreground) }
        if color.background >= 0 { codes += Self.parameterized("setab", color.background) }
      }
      colors.append(codes)
    }
    self.attributes = attributes
    self.colors = colors
    attributeKind = attributes.map { codes in attributes.firstIndex(of: codes) ?? 0 }
    colorKind = colors.map { codes in colors.firstIndex(of: codes) ?? 0 }
    normal = sgr.map { Self.bytes(dt_tparm($0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) } ?? string("sgr0")
    if styles.colors.contains(where: { $0 != nil }) { normal += string("op") }

    cursorAddress = dt_terminfo_string("cup")
    let sample = cursorAddress.map { Self.bytes(dt_tparm($0, 12, 34, 0, 0, 0, 0, 0, 0, 0)) }
    let origin = cursorAddress.map { Self.bytes(dt_tparm($0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
    ansiCursor = sample == Array("\u{1B}[13;35H".utf8) && origin == Array("\u{1B}[1;1H".utf8)

    if dt_terminfo_flag("am") == 0 || dt_terminfo_flag("xenl") != 0 {
      corner = .direct
    } else if has("rmam"), has("smam") {
      corner = .marginsOff(off: string("rmam"), on: string("smam"))
    } else {
      corner = .skipped
    }
    utf8 = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
  }

  /// The bytes that move the cursor to (x, y), from `cup` (the painter writes the ANSI form
  /// itself, see `ansiCursor`).
  func cursor(x: Int, y: Int) -> [UInt8] {
    cursorAddress.map { Self.bytes(dt_tparm($0, y, x, 0, 0, 0, 0, 0, 0, 0)) } ?? []
  }

  private static func parameterized(_ name: String, _ value: Int) -> [UInt8] {
    guard let capability = dt_terminfo_string(name) else { return [] }
    return bytes(dt_tparm(capability, value, 0, 0, 0, 0, 0, 0, 0, 0))
  }

  /// A capability's bytes without its padding specifications (`$<5>`): those are delays for
  /// tputs, which ncurses does not make at the speeds of a terminal emulator either.
  private static func bytes(_ text: UnsafePointer<CChar>?) -> [UInt8] {
    guard let text else { return [] }
    return Array(SignalGuard.stripPadding(String(cString: text)).utf8)
  }
}
