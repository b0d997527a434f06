/// A colour as a theme names it. The terminal backend degrades it to what the terminal has:
/// true colour → 256 → 16 → 8 → none.
public enum TerminalColor: Sendable, Hashable {
  /// The terminal's own foreground or background.
  case terminalDefault
  /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
  case ansi(Int)
  /// The xterm 256-colour palette.
  case indexed(Int)
  case rgb(UInt8, UInt8, UInt8)
}

/// How one role looks. Attributes survive when colour is off (NO_COLOR, monochrome terminals), so
/// every theme must keep roles apart by attributes and glyphs as well as by colour.
public struct RoleStyle: Sendable, Hashable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool
  public var dim: Bool

  public init(
    foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
    bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }
}

/// Styles for every role, and how a selected row is marked.
public struct Theme: Sendable {
  public var name: String
  public var styles: [Role: RoleStyle]
  /// Applied on top of a cell's role style in the selected row.
  public var selected: RoleStyle

  public init(name: String, styles: [Role: RoleStyle], selected: RoleStyle) {
    self.name = name
    self.styles = styles
    self.selected = selected
  }

  /// The style of a cell: its role's style, with the selection's background and attributes on top.
  public func style(for role: Role, selected isSelected: Bool) -> RoleStyle {
    var style = styles[role] ?? RoleStyle()
    guard isSelected else { return style }
    if selected.background != .terminalDefault { style.background = selected.background }
    if selected.foreground != .terminalDefault, role == .normal || role == .dim || role == .label {
      style.foreground = selected.foreground
    }
    style.bold = style.bold || selected.bold
    style.reverse = style.reverse != selected.reverse
    style.underline = style.underline || selected.underline
    return style
  }

  /// The dark default theme, used when no theme file is chosen.
  public static let standard = Theme(
    name: "default",
    styles: [
      .normal: RoleStyle(),
      .title: RoleStyle(foreground: .ansi(15), background: .ansi(4), bold: true),
      .header: RoleStyle(foreground: .ansi(14), bold: true),
      .label: RoleStyle(foreground: .ansi(7)),
      .dim: RoleStyle(foreground: .ansi(8), dim: true),
      .border: RoleStyle(foreground: .ansi(6)),
      .keyHint: RoleStyle(foreground: .ansi(7)),
      .key: RoleStyle(foreground: .ansi(11), bold: true),
      .statusLine: RoleStyle(foreground: .ansi(15), background: .ansi(8)),
      .statusGreen: RoleStyle(foreground: .ansi(10), bold: true),
      .statusYellow: RoleStyle(foreground: .ansi(11)),
      .statusRed: RoleStyle(foreground: .ansi(9), bold: true),
      .statusNotReported: RoleStyle(foreground: .ansi(8)),
      .barFill: RoleStyle(foreground: .ansi(10)),
      .barEmpty: RoleStyle(foreground: .ansi(8)),
      .illustrative: RoleStyle(foreground: .ansi(13), underline: false),
      .error: RoleStyle(foreground: .ansi(15), background: .ansi(1), bold: true),
      .tooSmall: RoleStyle(foreground: .ansi(11), bold: true),
    ],
    selected: RoleStyle(background: .ansi(4), bold: true, reverse: false)
  )
}
