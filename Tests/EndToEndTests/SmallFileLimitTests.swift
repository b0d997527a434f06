import Foundation
import Testing

/// Themes and config.json are a few KiB; anything over 1 MiB is refused before it is read, with a
/// message naming the file (issue 10 item 11: a 45 MB theme made `themes` take 53 s).
@Suite struct SmallFileLimitTests {
  private func configHome(theme: Int? = nil, config: Int? = nil) throws -> String {
    let home = try Binary.temporaryFolder()
    try FileManager.default.createDirectory(atPath: home + "/digitrack/themes", withIntermediateDirectories: true)
    if let theme {
      // Valid JSON all the way: only the size is wrong.
      let text = #"{"description": ""# + String(repeating: "x", count: theme) + #"", "roles": {}}"#
      try text.write(toFile: home + "/digitrack/themes/huge.json", atomically: false, encoding: .utf8)
    }
    if let config {
      let text = #"{"lang": "en", "theme": ""# + String(repeating: "x", count: config) + #""}"#
      try text.write(toFile: home + "/digitrack/config.json", atomically: false, encoding: .utf8)
    }
    return home
  }

  @Test func aHugeThemeIsListedAsBrokenAndRefusedByName() throws {
    let home = try configHome(theme: 3 << 20)
    let started = Date()
    let listed = try Binary.run(["themes", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(listed.status == 0)
    let line = listed.stdout.split(separator: "\n").first { $0.hasPrefix("huge\t") } ?? ""
    #expect(line.contains("broken") && line.contains("1 MiB"), "\(line.prefix(300))")
    let chosen = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
    #expect(chosen.status == 0, "an unused huge theme does not stop other commands")
    let dashboard = try Binary.run(["--theme", "huge", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
    #expect(dashboard.status == 1)
    #expect(dashboard.stderr.contains(home + "/digitrack/themes/huge.json") && dashboard.stderr.contains("1 MiB"))
  }

  @Test func aThemeJustUnderTheLimitStillLoads() throws {
    let home = try configHome(theme: (1 << 20) - 100)
    let listed = try Binary.run(["themes"], environment: ["XDG_CONFIG_HOME": home])
    let line = listed.stdout.split(separator: "\n").first { $0.hasPrefix("huge\t") } ?? ""
    #expect(!line.isEmpty && !line.contains("broken"))
  }

  @Test func aHugeConfigIsRefusedBeforeReadingNamingTheFile() throws {
    let home = try configHome(config: 2 << 20)
    let result = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home])
    #expect(result.status == 1)
    #expect(result.stderr.contains(home + "/digitrack/config.json"), "\(result.stderr)")
    #expect(result.stderr.contains("1 MiB"))
    let small = try configHome(config: 10)
    #expect(try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": small]).status == 0)
  }
}
