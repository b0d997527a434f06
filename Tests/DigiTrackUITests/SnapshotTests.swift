import DigiTrackModel
import TestSupport
import Testing

@testable import DigiTrackUI

/// Golden screens of every view at fixed sizes, in both languages.
@Suite struct SnapshotTests {
  static let sizes = [(80, 24), (120, 40), (200, 60)]
  static let cases: [(String, Language, Int, Int)] = sizes.flatMap { size in
    [Language.vi, .en].map { ("\(size.0)x\(size.1)", $0, size.0, size.1) }
  }

  /// The state for a case named "WIDTHxHEIGHT-LANG".
  static func state(_ name: String) -> AppState {
    let (_, language, width, height) = cases.first { $0.0 + "-" + $0.1.rawValue == name } ?? ("", .vi, 80, 24)
    return Fixtures.state(width, height, language)
  }

  @Test(arguments: cases.map { $0.0 + "-" + $0.1.rawValue })
  func overview(_ name: String) {
    let state = Self.state(name)
    golden.check(state.render().text, "overview-\(name).txt")
  }

  @Test(arguments: cases.map { $0.0 + "-" + $0.1.rawValue })
  func provinceDetail(_ name: String) {
    var state = Self.state(name)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "lang son")
    Fixtures.press(&state, [.enter, .enter])
    golden.check(state.render().text, "province-\(name).txt")
  }

  @Test(arguments: cases.map { $0.0 + "-" + $0.1.rawValue })
  func matrix(_ name: String) {
    var state = Self.state(name)
    Fixtures.press(&state, [.tab])
    golden.check(state.render().text, "matrix-\(name).txt")
  }

  @Test(arguments: cases.map { $0.0 + "-" + $0.1.rawValue })
  func help(_ name: String) {
    var state = Self.state(name)
    Fixtures.press(&state, [.character("?")])
    golden.check(state.render().text, "help-\(name).txt")
  }

  @Test(arguments: [Language.vi, .en])
  func tooSmall(_ language: Language) {
    let state = Fixtures.state(20, 6, language)
    golden.check(state.render().text, "too-small-20x6-\(language.rawValue).txt")
  }

  @Test func styleMaskOfTheOverview() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.down])
    golden.check(state.render().styleMask, "overview-120x40-vi.mask.txt")
  }

  @Test func asciiOverviewForTerminalsWithoutUTF8() {
    let state = Fixtures.state(100, 30, .vi, unicode: false)
    let text = state.render().text
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(text.contains("Lang Son"))
    golden.check(text, "overview-100x30-vi-ascii.txt")
  }
}
