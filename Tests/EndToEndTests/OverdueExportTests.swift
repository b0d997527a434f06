import Foundation
import TestSupport
import Testing

/// `export --view overdue` through the binary: goldens of a file with overdue rows (the demo
/// moved past the phase-2 deadline; the demo's empty list is in CommandLineTests), and every view's JSON checked against
/// docs/export.schema.json by Python's jsonschema (as SchemaTests checks the data format).
@Suite struct OverdueExportTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The demo with its last report on 15/01/2026, written into `folder` as demo-2026-01-15.json.
  static func pastPhaseTwo(in folder: TemporaryFolder) throws -> String {
    var text = try Binary.run(["template", "--demo", "-o", "-"]).stdout
    text = text.replacingOccurrences(of: "\"asOf\": \"2025-12-29\"", with: "\"asOf\": \"2026-01-15\"")
    text = text.replacingOccurrences(
      of: "\"date\": \"2025-12-29\",\n      \"label\"", with: "\"date\": \"2026-01-15\",\n      \"label\"")
    let name = "demo-2026-01-15.json"
    try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8)
    return name
  }

  static let formats = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"]

  @Test(arguments: ["vi", "en"])
  func goldensOfAListWithRows(_ language: String) throws {
    let folder = try TemporaryFolder("overdue")
    let name = try Self.pastPhaseTwo(in: folder)
    for (format, ext) in Self.formats.sorted(by: { $0.key < $1.key }) {
      let arguments = ["export", "--data", name, "--view", "overdue", "--format", format, "--lang", language]
      let result = try Binary.run(arguments + ["--width", "120"], directory: folder.path)
      #expect(result.status == 0, "\(result.stderr)")
      golden.check(result.stdout, "export-overdue-2026-01-15-\(language).\(ext)")
    }
  }

  @Test func everyJSONExportMatchesTheExportSchema() throws {
    let folder = try TemporaryFolder("overdue-schema")
    let name = try Self.pastPhaseTwo(in: folder)
    var files: [String] = []
    for data in [[], ["--data", name]] {
      for view in [["overview"], ["matrix"], ["overdue"], ["province", "--province", "Lạng Sơn"]] {
        let result = try Binary.run(
          ["export"] + data + ["--view"] + view + ["--format", "json"], directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.file("export-\(files.count).json")
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        files.append(file)
      }
    }
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      for path in sys.argv[2:]:
          errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=str)
          print(path + ": " + ("ok" if not errors else errors[0].message))
      """
    let output = try Binary.runProgram(
      "/usr/bin/env",
      ["python3", "-c", script, Self.root.appendingPathComponent("docs/export.schema.json").path] + files)
    let lines = output.split(separator: "\n")
    #expect(lines.count == files.count, "python3 with jsonschema is needed (see .ci/run)")
    for line in lines { #expect(line.hasSuffix(": ok"), "\(line)") }
    // The list with rows really has rows, and the schema would refuse a green one.
    let past = try String(contentsOfFile: files[6], encoding: .utf8)
    #expect(past.contains("\"timeliness\": \"overdue\""))
  }
}
