import Testing

@testable import DigiTrackModel

/// How diagnostics are spelled: the compiler-style line, the JSON path, the error cap.
@Suite struct DiagnosticTests {
  @Test func formattedByPlace() {
    #expect(
      Diagnostic(.error, .file, "the file is empty").formatted(file: "a.json") == "a.json: error: the file is empty")
    #expect(
      Diagnostic(.warning, .position(line: 3, column: 7), "m").formatted(file: "a.json") == "a.json:3:7: warning: m")
    #expect(
      Diagnostic(.error, .path("plan.criteria[2]"), "m").formatted(file: "a.json")
        == "a.json: error: plan.criteria[2]: m")
    #expect(Diagnostic(.error, .file, "m").description == "<data>: error: m")
  }

  @Test func loadErrorDescriptionAndErrors() {
    let error = LoadError(
      file: "x.json", kind: .invalid,
      diagnostics: [Diagnostic(.warning, .path("a"), "w"), Diagnostic(.error, .path("b"), "e")])
    #expect(error.description == "x.json: warning: a: w\nx.json: error: b: e")
    #expect(error.errors == [Diagnostic(.error, .path("b"), "e")])
  }

  static let paths: [([DecodeContext.PathComponent], String?, String)] = [
    ([], nil, "(top level)"),
    ([], "asOf", "asOf"),
    ([.index(0)], nil, "[0]"),
    ([.key("snapshots"), .index(1), .key("reports"), .index(0)], "province", "snapshots[1].reports[0].province"),
    ([.key("phaseGreen"), .key("1")], nil, "phaseGreen.1"),
    ([.key("statuses"), .key("T 01")], nil, #"statuses["T 01"]"#),
    ([.key("statuses"), .key(#"a"b"#)], nil, #"statuses["a\"b"]"#),
    ([.key("statuses"), .key("")], nil, #"statuses[""]"#),
    ([.key("statuses"), .key("a.b")], nil, #"statuses["a.b"]"#),
    ([.key("statuses"), .key("\u{1B}[2JT01\u{202E}")], nil, #"statuses["T01"]"#),
    ([.key("statuses"), .key("Lạng")], nil, #"statuses["Lạng"]"#),
  ]

  @Test(arguments: 0..<paths.count)
  func pathSpelling(_ index: Int) {
    let (components, key, expected) = Self.paths[index]
    let context = DecodeContext()
    func descend(_ rest: ArraySlice<DecodeContext.PathComponent>) {
      guard let first = rest.first else {
        context.error("m", key: key)
        return
      }
      context.at(component: first) { descend(rest.dropFirst()) }
    }
    descend(components[...])
    #expect(context.diagnostics == [Diagnostic(.error, .path(expected), "m")])
  }

  @Test func capKeepsOneHundredErrorsAndTheWarnings() {
    let context = DecodeContext()
    for number in 1...105 { context.error("e\(number)") }
    for number in 1...3 { context.warning("w\(number)") }
    let diagnostics = context.finishedDiagnostics()
    #expect(diagnostics.count == 104)
    #expect(diagnostics.filter { $0.severity == .error }.count == 101)
    #expect(diagnostics[99].message.en == "e100")
    #expect(diagnostics.filter { $0.severity == .warning }.map(\.message.en) == ["w1", "w2", "w3"])
    #expect(diagnostics.last == Diagnostic(.error, .file, .moreErrors(5, cap: 100)))
    #expect(diagnostics.last?.message.en == "5 more error(s) not shown (at most 100 are listed)")
  }

  @Test func warningsBeyondTheCapAreCountedToo() {
    let context = DecodeContext()
    for number in 1...105 { context.warning("w\(number)") }
    let diagnostics = context.finishedDiagnostics()
    #expect(diagnostics.prefix(100).map(\.message.en) == (1...100).map { "w\($0)" })
    #expect(!context.hasErrors)
    #expect(diagnostics.count == 101)
    #expect(diagnostics.last?.message.en.contains("5 more warning(s)") == true)

  }

  @Test func exactlyOneHundredErrorsHaveNoCapLine() {
    let context = DecodeContext()
    for number in 1...100 { context.error("e\(number)") }
    #expect(context.finishedDiagnostics().count == 100)
    #expect(context.finishedDiagnostics().last?.message.en == "e100")
  }

  @Test func positionsCountCharactersNotBytes() {
    let bytes = Array("{\n  \"Lạng\": x".utf8)
    let offset = bytes.firstIndex(of: UInt8(ascii: "x"))!
    #expect(SyntaxLocator.position(of: offset, in: bytes) == (2, 11))
    #expect(SyntaxLocator.position(of: 0, in: bytes) == (1, 1))
    #expect(SyntaxLocator.firstInvalidUTF8(Array("ạb".utf8) + [0xFF]) == 4)
    #expect(SyntaxLocator.firstInvalidUTF8(Array("ạb".utf8)) == nil)
  }
}
