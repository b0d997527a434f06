import Foundation
import TestSupport
import Testing

/// docs/digitrack.schema.json and `validate` must agree: whatever `validate` accepts the schema
/// accepts, and whatever the schema refuses `validate` refuses (`validate` checks more: the rules a
/// schema cannot express). Uses Python's `jsonschema` (installed by .ci/run).
@Suite struct SchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// File → schema-valid, from one Python process for all files.
  func schemaVerdicts(_ files: [String]) throws -> [String: Bool] {
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
      for path in sys.argv[2:]:
          try:
              with open(path, encoding="utf-8-sig") as f:
                  document = json.load(f)
              ok = validator.is_valid(document)
          except Exception:
              ok = False
          print(("1 " if ok else "0 ") + path)
      """
    let output = try Binary.runProgram(
      "/usr/bin/env",
      ["python3", "-c", script, Self.root.appendingPathComponent("docs/digitrack.schema.json").path] + files)
    var verdicts: [String: Bool] = [:]
    for line in output.split(separator: "\n") {
      verdicts[String(line.dropFirst(2))] = line.hasPrefix("1 ")
    }
    return verdicts
  }

  @Test func theSchemaAndValidateAgree() throws {
    let corpus = Self.root.appendingPathComponent("Tests/DigiTrackModelTests/Corpus")
    var files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".json") }
      .map { corpus.appendingPathComponent($0).path }
    files.append(Self.root.appendingPathComponent("Sources/DigiTrackModel/Demo/demo.json").path)
    let verdicts = try schemaVerdicts(files)
    #expect(verdicts.count == files.count, "python3 with jsonschema is needed (see .ci/run)")
    // One run of validate over every file: it prints "FILE: valid: …" for each one it accepts.
    let report = try Binary.run(["validate", "--lang", "en"] + files).stdout
    let valid = Set(
      report.split(separator: "\n").compactMap { line in
        line.range(of: ": valid: ").map { String(line[..<$0.lowerBound]) }
      })
    var accepted = 0
    for file in files {
      let ours = valid.contains(file)
      guard let schema = verdicts[file] else { continue }
      if ours {
        accepted += 1
        #expect(schema, "validate accepts \(file), the schema refuses it")
      }
      if !schema { #expect(!ours, "the schema refuses \(file), validate accepts it") }
    }
    #expect(accepted >= 3)
  }
}
