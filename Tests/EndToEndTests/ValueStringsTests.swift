import ArgumentParser
import DigiTrackModel
import DigiTrackUI
import Testing

@testable import digitrack_tui

/// The enums' values for help and completion scripts come from our own `allValueStrings` and
/// `allValueDescriptions` (Options.swift), which skip ArgumentParser's key path and dictionary and
/// their conformance scans at every start; they must be ArgumentParser's values.
@Suite struct ValueStringsTests {
  static func check<T: ExpressibleByArgument & CaseIterable & RawRepresentable>(_: T.Type) where T.RawValue == String {
    #expect(T.allValueStrings == T.allCases.map { $0.rawValue.defaultValueDescription })
    #expect(T.allValueStrings == T.allCases.map { String(describing: $0.rawValue) })
    #expect(T.allValueDescriptions.isEmpty)
    for value in T.allCases { #expect(value.defaultValueDescription == value.rawValue) }
  }

  @Test func theValuesAreTheRawValues() {
    Self.check(Language.self)
    Self.check(ViewKind.self)
    Self.check(ExportFormat.self)
    Self.check(ExportFileFormat.self)
    #expect(Language.allValueStrings == ["vi", "en"])
  }
}
