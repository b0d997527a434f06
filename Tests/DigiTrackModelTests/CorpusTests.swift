import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// Golden tests over the corpus in `Corpus/`, in both languages.
///
/// `valid-minimal.json` is a small valid dataset; every other `NAME.json` is a copy of it with
/// the one defect its name says (a few syntax files are written from scratch). Two sidecars hold
/// the exact diagnostics the loader must give for it, one `Diagnostic.formatted(file:language:)`
/// line each: `NAME.expected` in English and `NAME.vi.expected` in Vietnamese. They list the
/// errors of a file that is refused, or the warnings of one that loads (empty: loads cleanly).
/// The English sidecar keeps its old name, so that its history reads on; the place
/// (`NAME.json:12:7:`, the JSON path) is the same in both, only the words differ.
///
/// Updating the goldens: after a deliberate change of wording, run
///
///     DIGITRACK_UPDATE_GOLDENS=1 swift test --filter DigiTrackModelTests.CorpusTests
///
/// which rewrites every sidecar that differs from the loader's current output and fails with the
/// diff (see `GoldenFiles`); then read `git diff` line by line: each message must name the place
/// (LINE:COL or a JSON path) and the rule that is broken.
@Suite struct CorpusTests {
  static let directory = testSourceDirectory.appendingPathComponent("Corpus", isDirectory: true)

  /// The sidecars, checked and recorded like every other golden file.
  static let sidecars = GoldenFiles(folder: directory)

  /// Every `.json` file of the corpus, sorted.
  static let files: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }()

  /// `NAME.expected` (English) or `NAME.vi.expected` (Vietnamese).
  static func sidecarName(for file: String, _ language: Language = .en) -> String {
    String(file.dropLast(".json".count)) + (language == .en ? ".expected" : ".\(language.rawValue).expected")
  }

  @Test func corpusIsThere() {
    #expect(Self.files.count >= 100, "found \(Self.files.count) corpus files in \(Self.directory.path)")
    #expect(Self.files.contains("valid-minimal.json"))
  }

  @Test func everyExpectedFileHasItsInput() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
    for name in names where name.hasSuffix(".expected") {
      let stem = String(name.dropLast(".expected".count))
      let input = (stem.hasSuffix(".vi") ? String(stem.dropLast(3)) : stem) + ".json"
      #expect(names.contains(input), "\(name) has no \(input)")
    }
    for file in Self.files {
      for language in Language.allCases {
        #expect(names.contains(Self.sidecarName(for: file, language)), "\(file) has no \(language) sidecar")
      }
    }
  }

  @Test(arguments: files)
  func corpusFile(_ file: String) throws {
    let path = Self.directory.appendingPathComponent(file).path
    let result = Result { () throws(LoadError) in try DatasetLoader().load(path: path, displayName: file) }
    let diagnostics: [Diagnostic] =
      switch result {
      case .success(let loaded): loaded.warnings
      case .failure(let error): error.diagnostics
      }
    for language in Language.allCases {
      let lines = diagnostics.map { $0.formatted(file: file, language: language) }
      Self.sidecars.check(lines.map { $0 + "\n" }.joined(), Self.sidecarName(for: file, language))
      if case .failure(let error) = result {
        #expect(error.description(in: language) == lines.joined(separator: "\n"))
      }
    }
    // The Vietnamese lines name the same places as the English ones.
    let places = Language.allCases.map { language in
      diagnostics.map { $0.formatted(file: file, language: language).prefix { $0 != " " } }
    }
    #expect(places[0] == places[1])

    // The outcome must match the diagnostics: warnings only → the file loads; a LINE:COL place →
    // a syntax error; anything else → JSON that breaks a rule of the format.
    let onlyWarnings = diagnostics.allSatisfy { $0.severity == .warning }
    switch result {
    case .success(let loaded):
      #expect(onlyWarnings, "\(file) loaded, but its sidecar lists errors")
      #expect(loaded.dataset.provinces.count >= 2)
    case .failure(let error):
      #expect(!onlyWarnings, "\(file) was refused, but its sidecar lists no error")
      #expect(error.file == file)
      let syntax = diagnostics.contains {
        if case .position = $0.place { return true }
        return $0.place == .file && $0.message.en.hasPrefix("invalid JSON: ")
      }
      #expect(error.kind == (syntax ? .syntax : .invalid), "kind \(error.kind)")
    }
  }

  // MARK: - Files that load: what the loader keeps

  @Test func byteOrderMarkIsStripped() throws {
    let plain = try DatasetLoader().load(path: Self.directory.appendingPathComponent("valid-minimal.json").path)
    let withBOM = try DatasetLoader().load(path: Self.directory.appendingPathComponent("utf8-bom-accepted.json").path)
    #expect(withBOM.warnings.isEmpty)
    #expect(withBOM.dataset.title == plain.dataset.title)
    #expect(withBOM.dataset.provinces.map(\.name) == plain.dataset.provinces.map(\.name))
  }

  @Test func namesAreStoredClean() throws {
    let loaded = try DatasetLoader().load(
      path: Self.directory.appendingPathComponent("text-control-characters-accepted.json").path)
    let dataset = loaded.dataset
    // "\u001b[31mLạng\u0007 Sơn\u001b[0m\u009b": whole escape sequences go, with BEL and CSI.
    #expect(Array(dataset.provinces[0].name.unicodeScalars) == Array("Lạng Sơn".unicodeScalars))
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE and U+2066 LEFT-TO-RIGHT ISOLATE go.
    #expect(Array(dataset.provinces[1].name.unicodeScalars) == Array("Thanh Hóa".unicodeScalars))
    // "Xa\u0303   Hai\t": NFD becomes NFC, the run of spaces one space, the tab is trimmed.
    let units = try #require(dataset.latest.reports[0]?.communes.units)
    #expect(Array(units.names[1].unicodeScalars) == ["X", "\u{E3}", " ", "H", "a", "i"])
    for name in dataset.provinces.map(\.name) + units.names {
      #expect(
        !name.unicodeScalars.contains {
          $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || SafeText.isInvisible($0)
        })
    }
  }

  @Test func redBeforeDeadlineIsOnlyAWarning() throws {
    let loaded = try DatasetLoader().load(
      path: Self.directory.appendingPathComponent("warning-red-before-deadline.json").path)
    #expect(loaded.warnings.count == 1)
    #expect(loaded.warnings.first?.severity == .warning)
    #expect(loaded.warnings.first?.place == .path("snapshots[0].reports[0].provincial.statuses.T03"))
    #expect(loaded.dataset.snapshots[0].reports[0]?.provincialStatuses == [.green, .green, .red])
  }

  @Test func errorCapKeepsTheFirstHundred() throws {
    let path = Self.directory.appendingPathComponent("too-many-errors.json").path
    let error = try #require(diagnose(path: path, name: "too-many-errors.json").result.failure())
    #expect(error.diagnostics.count == 101)
    #expect(error.errors.count == 101)
    #expect(error.diagnostics.last == Diagnostic(.error, .file, .moreErrors(10, cap: 100)))
    #expect(error.diagnostics[99].place == .path("snapshots[1].reports[1].provincial.statuses.X100"))
  }
}
