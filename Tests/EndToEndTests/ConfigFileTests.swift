import Foundation
import TestSupport
import Testing

/// Issue 12, item 19 (in part): config.json may name the default data file and the export folder;
/// every value it gives is checked, with the file and the key's line in the message.
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

  @Test func badValuesNameTheFileAndTheLine() throws {
    try withConfig("{\n  \"lang\": \"vi\",\n  \"exportDir\": \"/no/such/folder\"\n}\n") { home in
      let result = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.status != 0)
      // "lang": "vi" in the file: the messages about it are in Vietnamese.
      #expect(
        result.stderr.contains("config.json:3: lỗi: exportDir: /no/such/folder không phải là thư mục có sẵn"),
        "\(result.stderr)")
    }
    try withConfig("{\n  \"theme\": \"light\",\n\n  \"colour\": 1\n}\n") { home in
      let result = try Binary.run(["export", "--lang", "en"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.stderr.contains("config.json:4: error: unknown key \"colour\""), "\(result.stderr)")
    }
    try withConfig("{\"data\": 5}") { home in
      let result = try Binary.run(["export"], environment: ["XDG_CONFIG_HOME": home])
      #expect(result.stderr.contains("config.json:1: lỗi: data: phải là một đường dẫn"), "\(result.stderr)")
    }
  }
}
