import Foundation

/// A fresh folder under the system's temporary folder, removed with everything in it when the
/// value goes away: keep it in a `let` for as long as the test uses the files.
public final class TemporaryFolder: Sendable {
  public let url: URL
  public var path: String { url.path }

  public init(_ label: String = "test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "digitrack-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String { url.appendingPathComponent(name).path }
}
