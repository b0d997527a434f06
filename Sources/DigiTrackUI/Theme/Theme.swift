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

  /// The built-in `default` theme (Themes/default.json), used when no theme is chosen.
  public static let standard: Theme =
    (try? ThemeCatalog.builtIn.theme(named: "default"))
    ?? Theme(name: "default", styles: [:], selected: RoleStyle(reverse: true))
}
