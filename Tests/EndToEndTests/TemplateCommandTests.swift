import Foundation
import TestSupport
import Testing

/// `template` writes a blank form and `template --demo` the demo (issue 16): goldens of both, and
/// `validate` accepts each.
@Suite struct TemplateCommandTests {
  static let cases: [(String, [String])] = [
    ("template-blank.json", ["template", "--snapshot", "2026-03-31"]),
    ("template-blank-lang-son.json", ["template", "--snapshot", "2026-03-31", "--province", "lang son"]),
    ("template-demo-lang-son.json", ["template", "--demo", "--province", "20", "--snapshot", "2025-12-29"]),
  ]

  @Test(arguments: cases.map(\.0))
  func goldenAndValid(_ name: String) throws {
    let arguments = Self.cases.first { $0.0 == name }!.1
    let result = try Binary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    golden.check(result.stdout, name)
    let temporary = try TemporaryFolder("template")
    let path = temporary.path + "/" + name
    try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let validated = try Binary.run(["validate", path])
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stderr.isEmpty, "no warning either: \(validated.stderr)")
  }

  @Test func blankFormInventsNothing() throws {
    let text = try Binary.run(["template", "--snapshot", "2026-03-31"]).stdout
    for invented in ["\"green\"", "\"yellow\"", "\"red\"", "\"phaseGreen\"", "\"reported\"", "\"value\""] {
      #expect(!text.contains(invented), "a blank form has no \(invented)")
    }
    #expect(text.contains("\"T01\": \"not_reported\""))
    #expect(text.contains("\"total\": 65,"), "Lạng Sơn's sourced unit count stays")
  }

  @Test func demoIsTheEmbeddedDemo() throws {
    let temporary = try TemporaryFolder("template")
    let result = try Binary.run(["template", "--demo"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"illustrative\""))
    try result.stdout.write(toFile: temporary.path + "/demo.json", atomically: true, encoding: .utf8)
    #expect(try Binary.run(["validate", temporary.path + "/demo.json"]).status == 0)
  }

  @Test func aDemoDateThatDoesNotExistIsRefused() throws {
    let result = try Binary.run(["template", "--demo", "--snapshot", "2025-08-01"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("2025-07-31, 2025-12-29"))
  }
}
