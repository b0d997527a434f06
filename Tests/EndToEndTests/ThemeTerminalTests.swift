import Foundation
import TestSupport
import Testing

/// Colour as the terminal receives it: `capture-pane -e` keeps the SGR escape codes.
@Suite(.serialized) struct ThemeTerminalTests {
  static var binary: String { Tmux.quote(Binary.path) }

  func coloured(_ arguments: String, environment: [String: String] = [:]) throws -> String {
    let tmux = try Tmux(width: 100, height: 30, command: "\(Self.binary) \(arguments)", environment: environment)
    try tmux.waitFor(text: "Trạng thái")
    return try tmux.screen(escapes: true)
  }

  /// SGR parameter lists in the captured screen, e.g. "1;38;5;10".
  static func sgr(_ screen: String) -> [String] {
    var codes: [String] = []
    var rest = Substring(screen)
    while let start = rest.range(of: "\u{1B}[") {
      let tail = rest[start.upperBound...]
      guard let end = tail.firstIndex(of: "m") else { break }
      codes.append(String(tail[..<end]))
      rest = tail[tail.index(after: end)...]
    }
    return codes
  }

  /// Whether any SGR list sets a foreground or background colour.
  static func hasColour(_ codes: [String]) -> Bool {
    codes.contains { list in
      list.split(separator: ";").contains { part in
        guard let value = Int(part) else { return false }
        return (30...37).contains(value) || (40...47).contains(value) || (90...97).contains(value)
          || (100...107).contains(value) || value == 38 || value == 48
      }
    }
  }

  @Test func builtInThemesLookDifferent() throws {
    var screens: [String: String] = [:]
    for theme in ["default", "light", "high-contrast", "monochrome"] {
      screens[theme] = try coloured("--theme \(theme)")
    }
    #expect(Set(screens.values).count == 4)
    #expect(Self.hasColour(Self.sgr(screens["default"] ?? "")))
    #expect(!Self.hasColour(Self.sgr(screens["monochrome"] ?? "")), "monochrome uses attributes only")
    // The same text under every theme: themes change looks, never content.
    let plain = screens.mapValues {
      $0.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
    }
    #expect(Set(plain.values).count == 1)
  }

  @Test(arguments: ["NO_COLOR", "--no-color"])
  func noColorKeepsAttributesButNoColour(_ how: String) throws {
    let screen = how == "NO_COLOR" ? try coloured("", environment: ["NO_COLOR": "1"]) : try coloured("--no-color")
    let codes = Self.sgr(screen)
    #expect(!Self.hasColour(codes), "colour codes under \(how): \(Set(codes))")
    #expect(codes.contains { $0.split(separator: ";").contains("1") }, "bold stays")
    #expect(codes.contains { $0.split(separator: ";").contains("7") }, "reverse stays for the selection")
  }

  @Test func aUserThemeInTheXDGFolderIsListedAndUsed() throws {
    let temporary = try TemporaryFolder("e2e")
    let home = temporary.path
    let themes = home + "/config/digitrack/themes"
    try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
    try
      ##"{"description": "Test ocean", "inherits": "default", "roles": {"title": {"fg": "#ffffff", "bg": "#005f87", "bold": true}}}"##
      .write(toFile: themes + "/ocean.json", atomically: true, encoding: .utf8)
    let listed = try Binary.run(["themes", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home + "/config"])
    let lines = listed.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("ocean\tuser: \(themes)/ocean.json\tTest ocean") }, "\(listed.stdout)")
    for name in ["default", "light", "high-contrast", "monochrome"] {
      #expect(lines.contains { $0.hasPrefix(name + "\t") })
    }
    let ocean = try coloured("--theme ocean", environment: ["XDG_CONFIG_HOME": home + "/config"])
    let standard = try coloured("--theme default")
    // #005f87 is xterm colour 24; the title bar's background must carry it.
    #expect(Self.sgr(ocean).contains { $0.contains("48;5;24") }, "\(Set(Self.sgr(ocean)))")
    #expect(ocean != standard)
  }

  @Test func aBrokenOrUnknownThemeStopsBeforeTheScreen() throws {
    let temporary = try TemporaryFolder("e2e")
    let home = temporary.path
    let themes = home + "/config/digitrack/themes"
    try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
    try #"{"roles": {"title": {"fg": "not-a-colour"}}}"#.write(
      toFile: themes + "/bad.json", atomically: true, encoding: .utf8)
    let broken = try Binary.run(["--theme", "bad", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home + "/config"])
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("\(themes)/bad.json: error: roles.title.fg: \"not-a-colour\" is not a colour"))
    #expect(
      broken.stderr.contains("available themes: default, high-contrast, light, monochrome, bad"), "\(broken.stderr)")
    #expect(broken.stdout.isEmpty)
    let unknown = try Binary.run(["--theme", "nope", "--lang", "en"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no theme named \"nope\"; available: default, high-contrast, light, monochrome"))
  }

  @Test func theConfigFileChoosesThemeAndLanguage() throws {
    let temporary = try TemporaryFolder("e2e")
    let home = temporary.path
    try FileManager.default.createDirectory(atPath: home + "/config/digitrack", withIntermediateDirectories: true)
    try #"{"theme": "monochrome", "lang": "en"}"#.write(
      toFile: home + "/config/digitrack/config.json", atomically: true, encoding: .utf8)
    let tmux = try Tmux(
      width: 100, height: 30, command: Self.binary, environment: ["XDG_CONFIG_HOME": home + "/config"])
    try tmux.waitFor(text: "Status")
    #expect(!Self.hasColour(Self.sgr(try tmux.screen(escapes: true))))
    try #"{"theme": 3}"#.write(toFile: home + "/config/digitrack/config.json", atomically: true, encoding: .utf8)
    let bad = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home + "/config"])
    #expect(bad.status == 1)
    // Without "lang" in it, the broken file is reported in the default language.
    #expect(bad.stderr.contains("config.json:1:11: lỗi: theme: phải là tên một bộ màu"), "\\(bad.stderr)")
  }

  @Test(arguments: ["vt100", "linux"])
  func basicTerminalsWork(_ term: String) throws {
    let tmux = try Tmux(width: 100, height: 30, command: "env TERM=\(term) \(Self.binary)")
    let screen = try tmux.waitFor(text: "Trạng thái")
    #expect(screen.contains("Lạng Sơn"))
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
    #expect(tmux.exitStatus == 0)
  }

  @Test func aTerminalWithoutUTF8GetsASCII() throws {
    let tmux = try Tmux(width: 100, height: 30, command: "env LANG=C LC_ALL=C \(Self.binary)")
    let screen = try tmux.waitFor(text: "Trang thai")
    #expect(screen.contains("Lang Son"))
    #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
  }
}
