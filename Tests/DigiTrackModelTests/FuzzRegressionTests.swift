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

  @Test func theFoldersAndSeedsAreThere() {
    for folder in Self.folders {
      var isFolder: ObjCBool = false
      #expect(
        FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue,
        "\(folder.path)")
    }
    #expect(Self.files.count >= 4, "\(Self.folders.map(\.path))")
  }

  @Test(arguments: files)
  func loadsOrFailsCleanly(_ path: String) throws {
    let bytes = try #require(FileManager.default.contents(atPath: path))
    let name = URL(fileURLWithPath: path).lastPathComponent
    do {
      let loaded = try DatasetLoader(maxBytes: 1 << 20).load(bytes: [UInt8](bytes), name: "fuzz.json")
      let aggregates = Aggregates(dataset: loaded.dataset)
      #expect(!loaded.dataset.provinces.isEmpty, "\(name) loaded without provinces")
      #expect(aggregates.provinces.count == loaded.dataset.provinces.count, "\(name)")
      #expect(aggregates.national.provinceCount == loaded.dataset.provinces.count, "\(name)")
    } catch {
      #expect(!error.diagnostics.isEmpty, "\(name) was refused without a diagnostic")
      #expect(error.description.hasPrefix("fuzz.json"), "\(name): \(error.description)")
    }
  }
}
