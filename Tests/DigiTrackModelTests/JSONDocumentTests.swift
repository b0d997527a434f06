import Testing

@testable import DigiTrackModel

/// `JSONDocument.withRoot` hands out the document's value only for the length of a closure, and
/// keeps the document alive while the closure runs.
@Suite struct JSONDocumentTests {
  static func parse(_ text: String) throws -> JSONDocument {
    try Array(text.utf8).withUnsafeBytes { try JSONDocument(parsing: $0, maxDepth: 8) }
  }

  @Test func withRootReadsTheValueAndReturnsWhatTheClosureGives() throws {
    let document = try Self.parse("{\"a\": [1, 2.5, \"x\"], \"b\": true}")
    let summary = document.withRoot { root in
      root.members.map { key, value in "\(key.stringValue ?? "?"):\(value.kind.noun):\(value.count)" }
    }
    #expect(summary == ["a:an array:3", "b:a boolean:0"])
  }

  /// The document made inside the call is freed only after the closure: reading through the
  /// cursor there is safe even though nothing else holds the document.
  @Test func theDocumentLivesUntilTheClosureReturns() throws {
    let text = try Self.parse("[\"" + String(repeating: "x", count: 1_000) + "\"]").withRoot { root in
      root.elements.map { $0.stringValue ?? "" }
    }
    #expect(text == [String(repeating: "x", count: 1_000)])
  }

  @Test func aClosureThatThrowsPassesItsErrorOn() throws {
    struct Stop: Error {}
    let document = try Self.parse("[]")
    #expect(throws: Stop.self) { try document.withRoot { _ throws(Stop) in throw Stop() } }
  }
}
