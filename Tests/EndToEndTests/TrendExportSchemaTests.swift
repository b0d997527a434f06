import Foundation
import TestSupport
import Testing

/// docs/export-trend.schema.json describes `export --view trend --format json`, checked with
/// Python's `jsonschema` (installed by .ci/run) as the data schema is, at both demo dates and for
/// a generated file with many report dates.
@Suite struct TrendExportSchemaTests {
  @Test func theTrendExportMatchesItsSchema() throws {
    let temporary = try TemporaryFolder("trend-schema")
    let generated = temporary.path + "/weekly.json"
    let made = try Binary.run([
      "generate", "--provinces", "3", "--communes", "30", "--criteria", "10", "--snapshots", "5", "--seed", "7", "-o",
      generated,
    ])
    #expect(made.status == 0, "\(made.stderr)")
    var files: [String] = []
    for (index, arguments) in [[], ["--snapshot", "first"], ["--data", generated]].enumerated() {
      let result = try Binary.run(["export", "--view", "trend", "--format", "json"] + arguments)
      #expect(result.status == 0, "\(result.stderr)")
      let path = temporary.path + "/trend-\(index).json"
      try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
      for path in sys.argv[2:]:
          errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
          print(path + ": " + ("ok" if not errors else errors[0].message))
      """
    let schema = SchemaTests.root.appendingPathComponent("docs/export-trend.schema.json").path
    let output = try Binary.runProgram("/usr/bin/env", ["python3", "-c", script, schema] + files)
    for file in files { #expect(output.contains(file + ": ok"), "\(output)") }
  }
}
