import DigiTrackModel
import DigiTrackSystem
import Foundation
import TestSupport
import Testing

@testable import DigiTrackUI

@Suite struct ThemeTests {
  static let builtIns = ["default", "light", "high-contrast", "monochrome"]

  /// Every role's resolved style, one per line: with a style mask this fixes every cell's look.
  static func describe(_ theme: Theme) -> String {
    var lines: [String] = []
    for role in Role.allCases {
      for selected in [false, true] {
        let style = theme.style(for: role, selected: selected)
        var attributes: [String] = []
        if style.bold { attributes.append("bold") }
        if style.underline { attributes.append("underline") }
        if style.reverse { attributes.append("reverse") }
        if style.dim { attributes.append("dim") }
        let mask = Role.maskCodes[Int(role.rawValue)]
        let code = selected ? Character(mask.uppercased()) : mask
        lines.append(
          "\(code) \(role.themeKey)\(selected ? " (selected)" : ""): fg=\(style.foreground) bg=\(style.background) \(attributes.joined(separator: ","))"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(arguments: builtIns)
  func builtInThemeGolden(_ name: String) throws {
    let theme = try ThemeCatalog.builtIn.theme(named: name)
    var state = Fixtures.state(100, 30)
    _ = state.update(.key(.down))
    golden.check(Self.describe(theme) + "\n" + state.render().styleMask, "theme-\(name).txt")
  }

  @Test func builtInThemesDiffer() throws {
    let descriptions = try Self.builtIns.map { Self.describe(try ThemeCatalog.builtIn.theme(named: $0)) }
    #expect(Set(descriptions).count == Self.builtIns.count)
  }

  @Test func embeddedThemesMatchTheFilesInThemes() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Themes")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInThemes.files.keys))
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(
        BuiltInThemes.files[String(file.dropLast(5))] == text, "run scripts/embed-resources.py after editing \(file)")
    }
  }

  /// Under monochrome there is no colour, so statuses and the selection must differ by attributes.
  @Test func monochromeKeepsStatusesAndSelectionApart() throws {
    let theme = try ThemeCatalog.builtIn.theme(named: "monochrome")
    let statuses: [Role] = [.statusGreen, .statusYellow, .statusRed, .statusNotReported]
    func attributes(_ style: RoleStyle) -> [Bool] { [style.bold, style.underline, style.reverse, style.dim] }
    for role in Role.allCases {
      let style = theme.style(for: role, selected: false)
      #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
    }
    let looks = statuses.map { attributes(theme.style(for: $0, selected: false)) }
    #expect(Set(looks.map { $0.description }).count == statuses.count)
    for role in Role.allCases {
      #expect(attributes(theme.style(for: role, selected: true)) != attributes(theme.style(for: role, selected: false)))
    }
  }

  @Test func inheritanceAndPaletteResolve() throws {
    let light = try ThemeCatalog.builtIn.theme(named: "light")
    #expect(light.style(for: .statusGreen, selected: false).foreground == .rgb(0x1A, 0x7F, 0x37))
    // Inherited from default: light does not set it but default does.
    let folder = try temporaryThemes(["child.json": #"{"inherits": "light", "roles": {"key": {"underline": true}}}"#])
    let catalog = ThemeDiscovery.catalog(folders: [(folder.path, { .user($0) })])
    let child = try catalog.theme(named: "child")
    #expect(child.style(for: .key, selected: false).underline)
    #expect(child.style(for: .key, selected: false).bold)
    #expect(child.style(for: .statusGreen, selected: false) == light.style(for: .statusGreen, selected: false))
  }

  @Test(arguments: [
    ("loop.json", #"{"inherits": "loop"}"#, "inherit in a loop"),
    (
      "badcolor.json", #"{"roles": {"title": {"fg": "chartreuse-ish"}}}"#,
      "roles.title.fg: \"chartreuse-ish\" is not a colour"
    ),
    ("badrole.json", #"{"roles": {"titel": {}}}"#, "unknown role \"titel\""),
    ("badjson.json", #"{"roles": "#, "invalid JSON"),
    ("badkey.json", #"{"colours": {}}"#, "unknown key \"colours\""),
    ("orphan.json", #"{"inherits": "nowhere"}"#, "no theme named \"nowhere\""),
  ])
  func brokenThemesNameTheFileAndTheProblem(_ file: String, _ text: String, _ message: String) throws {
    let folder = try temporaryThemes([file: text])
    let catalog = ThemeDiscovery.catalog(folders: [(folder.path, { .user($0) })])
    do {
      _ = try catalog.theme(named: String(file.dropLast(5)))
      Issue.record("\(file) should not load")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
      #expect(error.description.contains(file) || error.description.contains("nowhere"))
    }
  }

  @Test func userThemesOverrideBuiltInsAndAreListed() throws {
    let folder = try temporaryThemes(["light.json": #"{"description": "mine", "roles": {}}"#, "ocean.json": "{}"])
    let catalog = ThemeDiscovery.catalog(folders: [(folder.path, { .user($0) })])
    #expect(catalog.names.contains("ocean"))
    #expect(catalog.entries.first { $0.name == "light" }?.description == "mine")
    #expect(ThemeCatalog.builtIn.names == ["default", "high-contrast", "light", "monochrome"])
  }

  private func temporaryThemes(_ files: [String: String]) throws -> TemporaryFolder {
    let folder = try TemporaryFolder("themes")
    for (name, text) in files { try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8) }
    return folder
  }
}

/// Issue 16, items 4 and 6: a theme's errors are in the user's language, a built-in theme's file
/// is marked in it too, and nothing English stands beside a Vietnamese "lỗi".
@Suite struct ThemeErrorLanguageTests {
  @Test func aBrokenThemeFileIsReportedInBothLanguages() throws {
    let data = Data(#"{"roles": {"title": {"fg": "not-a-colour"}}}"#.utf8)
    #expect(throws: ThemeError.self) { try ThemeFile.parse(data, file: "ocean.json") }
    do {
      _ = try ThemeFile.parse(data, file: "ocean.json")
    } catch {
      #expect(
        error.description(in: .vi)
          == ##"ocean.json: lỗi: roles.title.fg: "not-a-colour" không phải là màu (một tên, một mục của palette, 0–255 hoặc "#rrggbb")"##
      )
      #expect(
        error.description(in: .en).hasPrefix(#"ocean.json: error: roles.title.fg: "not-a-colour" is not a colour"#))
    }
  }

  @Test func anUnknownNameAndABuiltInFileSpeakVietnamese() {
    do {
      _ = try ThemeCatalog.builtIn.theme(named: "nope")
      Issue.record("no error")
    } catch {
      #expect(error.isUnknownName)
      #expect(
        error.description(in: .vi).hasPrefix("--theme: lỗi: không có bộ màu tên \"nope\"; các bộ màu hiện có: default,")
      )
    }
    let builtIn = ThemeError(file: "light.json" + ThemeCatalog.builtInMark, problem: "x")
    #expect(builtIn.description(in: .vi) == "light.json (có sẵn): lỗi: x")
    #expect(builtIn.description(in: .en) == "light.json (built in): error: x")
  }
}
