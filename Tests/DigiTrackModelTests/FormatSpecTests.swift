import Foundation
import Testing

@testable import DigiTrackModel

/// docs/digitrack.schema.json, the tables of docs/FORMAT.md and scripts/make-demo.py must say
/// what `FormatSpec` declares: the same objects, keys, required keys, words and ranges. A field
/// added to the declaration but not to a document (or the other way round) fails here, naming
/// the object and the key.
@Suite struct FormatSpecTests {
  static let root = testSourceDirectory.deletingLastPathComponent().deletingLastPathComponent()

  static func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  static func schema() throws -> [String: Any] {
    let data = try Data(contentsOf: root.appendingPathComponent("docs/digitrack.schema.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The schema's definition of an object ("dataset" is the top level).
  static func definition(_ name: String, in schema: [String: Any]) -> [String: Any]? {
    name == "dataset" ? schema : (schema["$defs"] as? [String: Any])?[name] as? [String: Any]
  }

  // MARK: - The schema

  @Test(arguments: FormatSpec.objects.map(\.name))
  func schemaObjectHasTheDeclaredKeys(_ name: String) throws {
    let object = try #require(FormatSpec.objects.first { $0.name == name })
    let definition = try #require(Self.definition(name, in: try Self.schema()), "no $defs.\(name) in the schema")
    let properties = try #require(definition["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(object.fields.map(\.key)), "\(name): keys")
    let required = definition["required"] as? [String] ?? []
    #expect(required == object.fields.filter(\.required).map(\.key), "\(name): required keys")
    #expect(definition["additionalProperties"] as? Bool == false, "\(name): unknown keys must be refused")
    for field in object.fields {
      let property = try #require(properties[field.key] as? [String: Any])
      #expect(
        Self.schemaType(property) == Self.schemaType(field.type),
        "\(name).\(field.key): the schema says \(Self.schemaType(property)), the declaration \(field.type)")
    }
  }

  /// A schema property reduced to what the declaration says of it.
  static func schemaType(_ property: [String: Any]) -> String {
    if let reference = property["$ref"] as? String { return reference.replacingOccurrences(of: "#/$defs/", with: "") }
    if let all = property["allOf"] as? [[String: Any]], let first = all.first { return schemaType(first) }
    if let constant = property["const"] as? String { return "const \(constant)" }
    if let words = property["enum"] as? [String] { return "enum \(words.joined(separator: " "))" }
    switch property["type"] as? String {
    case "array": return "array of " + schemaType(property["items"] as? [String: Any] ?? [:])
    case "string" where property["pattern"] as? String == "^https?://": return "url"
    case "string" where property["minLength"] as? Int == 1: return "plainString"
    case "integer" where property["minimum"] as? Int == 1: return "phaseNumber"
    default: return "\(property)"
    }
  }

  static func schemaType(_ type: FormatSpec.FieldType) -> String {
    switch type {
    case .constant(let value): "const \(value)"
    case .text: "text"
    case .plainString: "plainString"
    case .identifier: "identifier"
    case .date: "date"
    case .count: "count"
    case .phaseNumber: "phaseNumber"
    case .amount: "amount"
    case .url: "url"
    case .sourceRef: "sourceRef"
    case .words(let words): "enum \(words.joined(separator: " "))"
    case .object(let name): name
    case .array(let name): "array of \(name)"
    case .strings: "array of plainString"
    case .statusMap: "statusMap"
    case .countMap: "countMap"
    }
  }

  @Test func schemaHasTheDeclaredWordsAndRanges() throws {
    let schema = try Self.schema()
    let defs = try #require(schema["$defs"] as? [String: [String: Any]])
    #expect(defs["status"]?["enum"] as? [String] == FormatSpec.statuses.map(\.word))
    #expect(defs["count"]?["minimum"] as? Int == 0)
    #expect(defs["count"]?["maximum"] as? Int == FormatSpec.maxCount)
    #expect(defs["amount"]?["minimum"] as? Int == 0)
    #expect((defs["amount"]?["maximum"] as? NSNumber)?.doubleValue == FormatSpec.maxAmount)
    let identifier = try #require(defs["identifier"])
    let length = FormatSpec.identifierLength
    #expect(identifier["pattern"] as? String == "^[A-Za-z0-9_.-]{\(length.lowerBound),\(length.upperBound)}$")
    #expect(
      (identifier["description"] as? String)?.contains(
        FormatSpec.identifierRule.replacingOccurrences(of: "–", with: "-")) == true)
  }

  /// The schema's identifier pattern and `FormatSpec.isIdentifierByte` accept the same bytes.
  @Test func identifierPatternAndRuleAgreeOnEveryByte() throws {
    let pattern = try NSRegularExpression(pattern: "^[A-Za-z0-9_.-]$")
    for byte in UInt8(0x20)...UInt8(0x7E) {
      let text = String(UnicodeScalar(byte))
      let matches = pattern.firstMatch(in: text, range: NSRange(location: 0, length: 1)) != nil
      #expect(matches == FormatSpec.isIdentifierByte(byte), "byte \(byte)")
    }
    #expect(FormatSpec.isIdentifier(Array("a".utf8)))
    #expect(!FormatSpec.isIdentifier([UInt8]()))
    #expect(FormatSpec.isIdentifier(Array(String(repeating: "x", count: 32).utf8)))
    #expect(!FormatSpec.isIdentifier(Array(String(repeating: "x", count: 33).utf8)))
  }

  // MARK: - FORMAT.md

  /// FORMAT.md describes each object either by a table (`| `key` | type | meaning |`) under its
  /// heading or by a brace list such as `{"id", "name": text, "src"}`.
  static let tables: [(heading: String, object: FormatSpec.Object)] = [
    ("## Top level", FormatSpec.dataset), ("### Plan", FormatSpec.plan), ("### Province", FormatSpec.province),
    ("### Snapshot", FormatSpec.snapshot), ("### Report (", FormatSpec.report),
  ]

  static let braceLists: [(prefix: String, object: FormatSpec.Object)] = [
    ("`{\"id\", \"title\"", FormatSpec.source), ("Criterion: `{", FormatSpec.criterion),
    ("`{\"id\", \"name\": text, \"src\"}`", FormatSpec.region), ("Metric: `{", FormatSpec.metric),
    ("Unit: `{", FormatSpec.unit), ("| `units` | `{", FormatSpec.provinceUnits),
    ("| `provincial.reported` | `{", FormatSpec.reportedCount), ("| `communes` | `{", FormatSpec.communesPart),
    ("| `provincial` | `{", FormatSpec.provincialPart), ("array of `{\"number\"", FormatSpec.phase),
    ("Status entry: `{", FormatSpec.statusEntry),
  ]

  static func objectNamed(_ name: String) -> FormatSpec.Object? { FormatSpec.objects.first { $0.name == name } }

  @Test(arguments: 0..<tables.count)
  func formatTableListsTheDeclaredKeys(_ index: Int) throws {
    let (heading, object) = Self.tables[index]
    let text = try Self.read("docs/FORMAT.md")
    let start = try #require(text.range(of: "\n" + heading), "FORMAT.md has no \(heading)")
    let rows = text[start.upperBound...].drop { $0 != "\n" }.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
    let keys = rows.compactMap { row -> String? in
      let cell = row.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      return cell.hasPrefix("`") ? cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) : nil
    }
    #expect(keys.filter { !$0.contains(".") } == object.fields.map(\.key), "\(heading)")
    // `provincial.statuses`: a key of the object that `provincial` holds.
    for key in keys where key.contains(".") {
      let parts = key.split(separator: ".").map(String.init)
      guard case .object(let inner) = object.field(parts[0])?.type, let part = Self.objectNamed(inner) else {
        Issue.record("\(heading): \(key) is not in an object field")
        continue
      }
      #expect(part.field(parts[1]) != nil, "\(heading): \(key) is not declared")
    }
  }

  @Test(arguments: 0..<braceLists.count)
  func formatBraceListNamesTheDeclaredKeys(_ index: Int) throws {
    let (prefix, object) = Self.braceLists[index]
    let text = try Self.read("docs/FORMAT.md")
    let start = try #require(text.range(of: prefix), "FORMAT.md has no \(prefix)")
    let open = try #require(text[start.lowerBound...].firstIndex(of: "{"))
    let close = try #require(text[open...].firstIndex(of: "}"))
    let list = text[text.index(after: open)..<close].replacingOccurrences(of: "\n", with: " ")
    // Items are `"key"`, `"key"?`, `"key": type` or `"key"?: type`, separated by commas.
    let pattern = try NSRegularExpression(pattern: "(?:^|,)\\s*\"(\\w+)\"(\\?)?")
    let matches = pattern.matches(in: list, range: NSRange(list.startIndex..., in: list))
    let found = matches.map { match in
      let name = String(list[Range(match.range(at: 1), in: list)!])
      return (name, match.range(at: 2).location == NSNotFound)
    }
    #expect(found.map(\.0) == object.fields.map(\.key), "\(object.name): \(list)")
    #expect(found.map(\.1) == object.fields.map(\.required), "\(object.name): optional keys (only they) take a ?")
  }

  @Test func formatStatesTheWordsAndRanges() throws {
    let text = try Self.read("docs/FORMAT.md")
    for (word, _) in FormatSpec.statuses { #expect(text.contains("`\"\(word)\"`"), "status \(word)") }
    let unitLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Unit: ") })
    #expect(unitLine.contains(FormatSpec.unitKinds.map { "\"\($0.word)\"" }.joined(separator: " | ")))
    #expect(text.contains(FormatSpec.identifierRule.replacingOccurrences(of: "from ", with: "from `") + "`"))
    #expect(text.contains("from 0 to 1,000,000,000,"))
    #expect(text.contains("from 0 to 1,000,000,000,000,000 (10^15"))
    #expect(FormatSpec.maxAmount == 1e15 && FormatSpec.maxCount == 1_000_000_000)
    #expect(FormatSpec.maxAmountText == String(Int(FormatSpec.maxAmount)))
  }

  // MARK: - The demo's generator

  /// scripts/make-demo.py takes the words and ranges from the schema, which the tests above
  /// hold to the declaration; it must not spell them itself.
  @Test func demoScriptReadsTheWordsFromTheSchema() throws {
    let script = try Self.read("scripts/make-demo.py")
    #expect(script.contains("digitrack.schema.json"))
    for word in FormatSpec.statuses.map(\.word) + FormatSpec.unitKinds.map(\.word) where word.contains("_") {
      #expect(!script.contains("\"\(word)\""), "make-demo.py spells \(word)")
    }
    #expect(!script.contains("[A-Za-z0-9_.-]"), "make-demo.py spells the identifier rule")
  }
}
