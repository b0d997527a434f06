import Foundation
import TestSupport
import Testing

/// Issue 12, item 19 (in part): config.json may name the default data file and the export folder;
/// every value it gives is checked, with the file, the line and the column in the message.
@Suite struct ConfigFileTests {
  func withConfig(_ json: String, _ body: (String) throws -> Void) throws {
    let home = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: home) }
    try FileManager.default.createDirectory(atPath: home + "/digitrack", withIntermediateDirectories: true)
    try Data(json.utf8).write(to: URL(fileURLWithPath: home + "/digitrack/config.json"))
    try body(home)
  }

  @Test func theDefaultDataFileIsOpenedWhenNoDataFlagIsGiven() throws {
    try withConfig("{\n  \"data\": \"tinh.json\"\n}\n") { home in
      let written = try Binary.run(["template", "--province", "lang son", "-o", home + "/digitrack/tinh.json"])
      #expect(written.status == 0, "\(written.stderr)")
      let export = try Binary.run(["export", "--format", "json"], environment: ["XDG_CONFIG_HOME": home])
      #expect(export.status == 0, "\(export.stderr)")
      #expect(export.stdout.contains("\"data\": \"tinh.json\""), "relative to the config folder")
      let demo = try Binary.run(["export", "--format", "json", "--data", home + "/digitrack/tinh.json"])
      #expect(demo.status == 0)
    }
  }

  @Test func badValuesNameTheFileTheLineAndTheColumn() throws {
    try withConfig("{\n  \"lang\": \"vi\",\n  \"exportDir\": \"/no/such/folder\"\n}\n") { home in
      let result = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.status != 0)
      // "lang": "vi" in the file: the messages about it are in Vietnamese.
      #expect(
        result.stderr.contains("config.json:3:16: lỗi: exportDir: /no/such/folder không phải là thư mục có sẵn"),
        "\(result.stderr)")
    }
    try withConfig("{\n  \"theme\": \"light\",\n\n  \"colour\": 1\n}\n") { home in
      let result = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.stderr.contains("config.json:4:3: error: unknown key \"colour\""), "\(result.stderr)")
    }
    try withConfig("{\"data\": 5}") { home in
      let result = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.stderr.contains("config.json:1:10: lỗi: data: phải là một đường dẫn"), "\(result.stderr)")
    }
  }

  /// A mistake in `keys` stops the program before the screen is touched, at the line and column of
  /// the entry, in the language config.json (or --lang) asks for; every mistake is listed.
  @Test func badKeyBindingsNameTheFileTheLineAndTheColumn() throws {
    let json = "{\n  \"keys\": {\n    \"quit\": [\"q\", \"ab\"],\n    \"qiut\": \"x\",\n    \"export\": \"d\"\n  }\n}\n"
    try withConfig(json) { home in
      let vi = try Binary.run(["--data", "/no/such/file.json"], environment: ["XDG_CONFIG_HOME": home])
      #expect(vi.status == 1, "a bad config is reported before the data is read")
      let lines = vi.stderr.split(separator: "\n").map(String.init)
      #expect(lines.count == 3, "\(vi.stderr)")
      #expect(
        lines.first?.hasSuffix(
          "config.json:3:19: lỗi: keys.quit[1]: \"ab\" không phải là một phím: mỗi phím là đúng một ký tự"
            + " (danh sách [\"a\", \"b\"] gán nhiều phím)") == true, "\(vi.stderr)")
      #expect(lines.dropFirst().first?.contains("config.json:4:5: lỗi: keys.qiut: không có thao tác \"qiut\"") == true)
      #expect(
        lines.last?.hasSuffix(
          "config.json:5:15: lỗi: keys.export: phím \"d\" được gán cho cả overdue và export; \"d\" là phím mặc định"
            + " của overdue: hãy gán cho overdue phím khác, hoặc [] để bỏ") == true, "\(vi.stderr)")
      let en = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      #expect(en.status == 1)
      #expect(en.stderr.contains("config.json:4:5: error: keys.qiut: unknown action \"qiut\"; actions: quit, help,"))
    }
    try withConfig(#"{"keys": {"quit": []}}"#) { home in
      let result = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      #expect(
        result.stderr.contains(
          "config.json:1:19: error: keys.quit: quit must keep at least one key, or the dashboard could not be left"),
        "\(result.stderr)")
    }
    // A list of thousands of bad keys: the first hundred, in the order of the file, and a count.
    let many = Array(repeating: "\"ab\"", count: 5000).joined(separator: ",\n")
    try withConfig("{\"keys\": {\"export\": [\n\(many)]}}") { home in
      let result = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 101, "\(lines.count)")
      #expect(lines.first?.contains("config.json:2:1: error: keys.export[0]: \"ab\" is not a key") == true)
      #expect(lines.dropLast().last?.contains("config.json:101:1: error: keys.export[99]:") == true)
      #expect(lines.last == "… and 4900 more")
    }
    try withConfig(#"{"keys": {"quit": ["x", "Q"], "nextOpen": []}}"#) { home in
      let result = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.status == 0, "\(result.stderr)")
    }
  }
}
