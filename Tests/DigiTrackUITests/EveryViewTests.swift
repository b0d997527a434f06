import DigiTrackModel
import Foundation
import Testing

/// Every file the loader accepts must be drawable every way (issue 10: a file that `validate`
/// accepted crashed `export` and the dashboard). In process: a trap ends the whole test run, loudly;
/// the end-to-end `EveryExportTests` runs the same files through the real binary, where a trap is
/// one failing case.
@Suite struct EveryViewTests {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  /// The bad-file corpus, the fuzz seeds and the crashers the fuzzer found.
  static let files: [String] = ["DigiTrackModelTests/Corpus", "Fuzz/seeds", "Fuzz/crashers"].flatMap { folder in
    let url = testsFolder.appendingPathComponent(folder)
    return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
      .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".expected") && !$0.hasSuffix(".md") }
      .map { folder + "/" + $0 }
  }.sorted()

  static func load(_ file: String) -> Dataset? {
    guard let bytes = FileManager.default.contents(atPath: testsFolder.appendingPathComponent(file).path) else {
      return nil
    }
    return try? DatasetLoader(maxBytes: 1 << 24).load(bytes: [UInt8](bytes), name: "input.json").dataset
  }

  @Test func theFilesAreThere() {
    #expect(Self.files.filter { $0.hasPrefix("DigiTrackModelTests/Corpus/") }.count >= 100)
    #expect(Self.files.contains { $0.hasPrefix("Fuzz/seeds/") })
    // valid-minimal, utf8-bom-accepted, text-control-characters-accepted, warning-red-before-deadline.
    #expect(Self.files.compactMap(Self.load).count >= 4)
  }

  @Test(arguments: files)
  func everyViewOfAnAcceptedFile(_ file: String) {
    guard let dataset = Self.load(file) else { return }  // refused: CorpusTests checks the message
    let tally = EveryView.exercise(dataset, sourceName: file)
    #expect(tally.canvases > 100 && tally.exportedCharacters > 0, "\(file)")
  }

  /// One screen size and one export width: the demo's 34 provinces at every size take over a
  /// minute in a debug build. The snapshot and export tests cover its other sizes; the pipeline
  /// fuzzer starts from it with every size.
  @Test func everyViewOfTheDemo() throws {
    let tally = EveryView.exercise(
      Fixtures.demo.dataset, sourceName: DemoDataset.name, sizes: [(80, 24)], exportWidths: [80])
    #expect(tally.canvases > 400)
  }
}
