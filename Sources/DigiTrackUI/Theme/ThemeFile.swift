import DigiTrackModel
import FoundationEssentials
import Glibc

/// A problem with a theme, naming the file and what is wrong with it.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
  public let file: String
  /// What is wrong, in both languages (the catalog's messages; a theme file's own checks are
  /// the same text in both until they are translated).
  public let text: LocalizedText
  /// There is no theme of that name (rather than a broken one).
  public let isUnknownName: Bool

  /// File names, colour values and theme names come from outside the data: made printable here,
  /// once, for every message that quotes them.
  public init(file: String, problem: String) {
    self.init(file: file, text: LocalizedText(vi: problem, en: problem))
  }

  public init(file: String, text: LocalizedText, isUnknownName: Bool = false) {
    self.file = SafeText.printable(file)
    self.text = LocalizedText(vi: SafeText.printable(text.vi), en: SafeText.printable(text.en))
    self.isUnknownName = isUnknownName
  }

  /// The problem in English.
  public var problem: String { text.en }

  public func problem(in language: Language) -> String { text[language] }

  /// `FILE: error: PROBLEM`; a built-in theme's file is marked in the same language.
  public func description(in language: Language) -> String {
    var name = file
    if language == .vi, name.hasSuffix(ThemeCatalog.builtInMark) {
      name = String(name.dropLast(ThemeCatalog.builtInMark.count)) + " (có sẵn)"
    }
    return "\(name): \(language == .vi ? "lỗi" : "error"): \(text[language])"
  }

  public var description: String { description(in: .en) }
}

/// A theme file as written (docs/THEMES.md): colours by semantic role, an optional palette of named
/// colours, and optionally the theme it inherits from.
struct ThemeFile {
  var inherits: String?
  var description: String?
  var palette: [String: TerminalColor] = [:]
  var roles: [Role: StyleSpec] = [:]
  var selected: StyleSpec?

  /// A style as a file gives it: only the keys that are present override the inherited style.
  struct StyleSpec {
    var foreground: TerminalColor?
    var background: TerminalColor?
    var bold: Bool?
    var underline: Bool?
    var reverse: Bool?
    var dim: Bool?

    func applied(to base: RoleStyle) -> RoleStyle {
      RoleStyle(
        foreground: foreground ?? base.foreground, background: background ?? base.background,
        bold: bold ?? base.bold, underline: underline ?? base.underline, reverse: reverse ?? base.reverse,
        dim: dim ?? base.dim)
    }
  }

  static func parse(_ data: Data, file: String) throws(ThemeError) -> ThemeFile {
    func fail(_ vi: String, _ en: String) -> ThemeError {
      ThemeError(file: file, text: LocalizedText(vi: vi, en: en))
    }
    guard data.count <= 1 << 20 else { throw fail("tệp bộ màu phải nhỏ hơn 1 MiB", "a theme file must be under 1 MiB") }
    let object: Any
    do {
      object = try JSONTree.parse([UInt8](data))
    } catch {
      throw fail("JSON không hợp lệ: \(error.text(.vi))", "invalid JSON: \(error.text(.en))")
    }
    guard let top = object as? [String: Any] else {
      throw fail("cấp ngoài cùng phải là một đối tượng", "the top level must be an object")
    }
    var theme = ThemeFile()
    for key in top.keys where !["description", "inherits", "palette", "roles", "selected"].contains(key) {
      throw fail(
        "khóa \"\(key)\" không hợp lệ (các khóa được dùng: description, inherits, palette, roles, selected)",
        "unknown key \"\(key)\" (allowed: description, inherits, palette, roles, selected)")
    }
    if let value = top["description"] {
      guard let text = value as? String else {
        throw fail("description phải là một chuỗi", "description must be a string")
      }
      theme.description = text
    }
    if let value = top["inherits"] {
      guard let name = value as? String, !name.isEmpty else {
        throw fail("inherits phải là tên một bộ màu", "inherits must be a theme name")
      }
      theme.inherits = name
    }
    if let value = top["palette"] {
      guard let palette = value as? [String: Any] else {
        throw fail("palette phải là đối tượng dạng tên: màu", "palette must be an object of name: colour")
      }
      for (name, raw) in palette {
        guard let text = raw as? String, let color = TerminalColor(themeValue: text, palette: [:]) else {
          throw fail(
            "palette.\(name): \(describe(raw)) không phải là màu (một tên như \"bright-green\", 0–255 hoặc \"#rrggbb\")",
            "palette.\(name): \(describe(raw)) is not a colour (a name such as \"bright-green\", 0–255 or \"#rrggbb\")")
        }
        theme.palette[name] = color
      }
    }
    if let value = top["roles"] {
      guard let roles = value as? [String: Any] else {
        throw fail("roles phải là đối tượng dạng vai trò: kiểu", "roles must be an object of role: style")
      }
      for (key, raw) in roles {
        guard let role = Role(themeKey: key) else {
          let known = Role.allCases.map(\.themeKey).joined(separator: ", ")
          throw fail(
            "roles: không có vai trò \"\(key)\" (các vai trò: \(known))",
            "roles: unknown role \"\(key)\" (roles: \(known))")
        }
        theme.roles[role] = try style(raw, at: "roles.\(key)", palette: theme.palette, fail: fail)
      }
    }
    if let value = top["selected"] {
      theme.selected = try style(value, at: "selected", palette: theme.palette, fail: fail)
    }
    return theme
  }

  private static func style(
    _ raw: Any, at path: String, palette: [String: TerminalColor], fail: (String, String) -> ThemeError
  ) throws(ThemeError) -> StyleSpec {
    guard let object = raw as? [String: Any] else {
      throw fail(
        "\(path) phải là đối tượng dạng {\"fg\": \"green\", \"bold\": true}",
        "\(path) must be an object such as {\"fg\": \"green\", \"bold\": true}")
    }
    var spec = StyleSpec()
    for (key, value) in object {
      switch key {
      case "fg", "bg":
        guard let text = value as? String ?? (value as? Int).map(String.init),
          let color = TerminalColor(themeValue: text, palette: palette)
        else {
          throw fail(
            "\(path).\(key): \(describe(value)) không phải là màu (một tên, một mục của palette, 0–255 hoặc \"#rrggbb\")",
            "\(path).\(key): \(describe(value)) is not a colour (a name, a palette entry, 0–255 or \"#rrggbb\")")
        }
        if key == "fg" { spec.foreground = color } else { spec.background = color }
      case "bold", "underline", "reverse", "dim":
        guard let flag = value as? Bool else {
          throw fail("\(path).\(key) phải là true hoặc false", "\(path).\(key) must be true or false")
        }
        switch key {
        case "bold": spec.bold = flag
        case "underline": spec.underline = flag
        case "reverse": spec.reverse = flag
        default: spec.dim = flag
        }
      default:
        throw fail(
          "\(path): khóa \"\(key)\" không hợp lệ (các khóa được dùng: fg, bg, bold, underline, reverse, dim)",
          "\(path): unknown key \"\(key)\" (allowed: fg, bg, bold, underline, reverse, dim)")
      }
    }
    return spec
  }

  private static func describe(_ value: Any) -> String {
    if let text = value as? String { return "\"\(text)\"" }
    return "\(value)"
  }
}

extension TerminalColor {
  static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta",
    "bright-cyan", "bright-white",
  ]

  /// Parses "default", an ANSI name, a palette name, a number 0–255 or "#rrggbb".
  init?(themeValue text: String, palette: [String: TerminalColor]) {
    let value = text.lowercased()
    if value == "default" {
      self = .terminalDefault
    } else if let index = Self.ansiNames.firstIndex(of: value) {
      self = .ansi(index)
    } else if let color = palette[text] {
      self = color
    } else if let number = Int(value), (0...255).contains(number) {
      self = number < 16 ? .ansi(number) : .indexed(number)
    } else if value.hasPrefix("#"), value.count == 7, let rgb = UInt32(value.dropFirst(), radix: 16) {
      self = .rgb(UInt8(rgb >> 16), UInt8((rgb >> 8) & 0xFF), UInt8(rgb & 0xFF))
    } else {
      return nil
    }
  }
}

extension Role {
  /// The role's name in theme files.
  public var themeKey: String {
    switch self {
    case .statusGreen: "status.green"
    case .statusYellow: "status.yellow"
    case .statusRed: "status.red"
    case .statusNotReported: "status.notReported"
    case .barFill: "bar.fill"
    case .barEmpty: "bar.empty"
    default: "\(self)"
    }
  }

  init?(themeKey: String) {
    guard let role = Role.allCases.first(where: { $0.themeKey == themeKey }) else { return nil }
    self = role
  }
}
