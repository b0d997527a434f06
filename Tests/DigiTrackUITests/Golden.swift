import Foundation
import Testing

/// Golden files: expected screens and exports stored as text beside the tests.
///
/// Run with `DIGITRACK_UPDATE_GOLDENS=1 swift test` to rewrite them after an intended change, then
/// read the diff before committing it.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

  static var updating: Bool { ProcessInfo.processInfo.environment["DIGITRACK_UPDATE_GOLDENS"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if updating {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: url)
      return
    }
    guard let data = try? Data(contentsOf: url) else {
      Issue.record("missing golden \(name); run with DIGITRACK_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
      let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
      let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
      Issue.record(
        "\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation
      )
    }
  }
}
