import DigiTrackModel
import Testing

/// config.json's messages say `config.json:LINE:COLUMN:` of a value, or of the name a message is
/// about (an unknown key), as `validate` does for data files.
@Suite struct JSONPositionsTests {
  static let text = """
    {
      "lang": "vi",
      "keys": {"quit": ["q", "x"], "a \\"b\\"": 1}
    }
    """

  @Test func valuesNamesAndElements() {
    let bytes = Array(Self.text.utf8)
    let found = JSONPositions.positions(
      of: [
        ([.key("lang")], false), ([.key("lang")], true), ([.key("keys"), .key("quit"), .index(1)], false),
        ([.key("keys"), .key("a \"b\"")], true), ([.key("keys"), .key("quit"), .index(0)], true),
      ], in: bytes)
    #expect(found.map { "\($0.line):\($0.column)" } == ["2:11", "2:3", "3:26", "3:32", "3:21"])
  }

  @Test func aByteOrderMarkIsNotAColumn() {
    let found = JSONPositions.positions(of: [([.key("a")], false)], in: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
    #expect(found.first == FilePosition(line: 1, column: 7))
  }

  @Test func pathsAreSpelledAsTheLoaderSpellsThem() {
    #expect(JSONPositions.spell([.key("keys"), .key("quit"), .index(1)]) == "keys.quit[1]")
    #expect(JSONPositions.spell([.key("keys"), .key("a b")]) == "keys[\"a b\"]")
  }
}
