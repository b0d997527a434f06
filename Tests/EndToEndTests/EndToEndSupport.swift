import Foundation
import TestSupport

/// The whole command outputs of `Goldens/`.
let golden = GoldenFiles()

/// `TestSupport.Binary` under the name every file of this target knows, even one that does not
/// import TestSupport.
typealias Binary = TestSupport.Binary

extension TestSupport.Binary {
  /// A fresh folder the caller removes (BenchCommandTests does). New tests use `TemporaryFolder`,
  /// which removes itself.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "digitrack-e2e-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
