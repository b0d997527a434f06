import Foundation
import Testing

@testable import DigiTrackModel

/// Inputs the fuzzer found (`Tests/Fuzz/crashers`) or that seed it (`Tests/Fuzz/seeds`): each must
/// end in a dataset or a clear error, and a dataset must aggregate.
@Suite struct FuzzRegressionTests {
  static let folders = ["crashers", "seeds"].map {
    testSourceDirectory.deletingLastPathComponent().appendingPathComponent("Fuzz").appendingPathComponent($0)
  }

  static let files: [String] = folders.flatMap { folder in
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { !$0.hasPrefix(".") && $0 != "README.md" }
      .map { folder.appendingPathComponent($0).path }
  }.sorted()

  @Test func theSeedsAreThere() {
    #expect(Self.files.count >= 4, "\(Self.folders.map(\.path))")
  }

  @Test(arguments: files)
  func loadsOrFailsCleanly(_ path: String) throws {
    let bytes = try #require(FileManager.default.contents(atPath: path))
    do {
      let loaded = try DatasetLoader(maxBytes: 1 << 20).load(bytes: [UInt8](bytes), name: "fuzz.json")
      _ = Aggregates(dataset: loaded.dataset)
    } catch {
      #expect(!error.diagnostics.isEmpty)
      #expect(error.description.hasPrefix("fuzz.json"))
    }
  }
}
