import Foundation
import Testing

/// Golden files: expected screens, exports and diagnostics stored as text beside the tests.
///
/// A check compares the text with its file and, on a difference, fails with a line diff. With
/// `DIGITRACK_UPDATE_GOLDENS=1` it writes the file instead and still fails, with the diff of what
/// it rewrote (or a note that nothing changed): a recording run can never pass for a green run,
/// which is also why swift-snapshot-testing's record mode fails. Read `git diff` before committing
/// a rewritten golden. A file that cannot be read or written is an error, never skipped.
public struct GoldenFiles: Sendable {
  public let folder: URL
  /// Whether checks record instead of comparing; `DIGITRACK_UPDATE_GOLDENS=1` unless given.
  public let recording: Bool

  public init(folder: URL, recording: Bool = Self.recordingRequested) {
    self.folder = folder
    self.recording = recording
  }

  /// The `Goldens` folder beside the calling test target's sources: pass `#filePath` of a file
  /// in that target's top folder.
  public init(besideSource filePath: String = #filePath, subfolder: String = "Goldens") {
    self.init(folder: URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(subfolder))
  }

  /// Whether this run was asked to record.
  public static var recordingRequested: Bool {
    ProcessInfo.processInfo.environment["DIGITRACK_UPDATE_GOLDENS"] == "1"
  }

  /// Compares `actual` with the golden file `name`, or records it (see the type's comment).
  public func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    if recording {
      record(actual, to: url, replacing: existing, sourceLocation: sourceLocation)
      return
    }
    guard let expected = existing else {
      Issue.record(
        "missing golden \(url.path); record it with DIGITRACK_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record(
        "\(name) differs from its golden (- golden, + actual):\n\(LineDiff.render(from: expected, to: actual))",
        sourceLocation: sourceLocation)
    }
  }

  private func record(_ actual: String, to url: URL, replacing existing: String?, sourceLocation: SourceLocation) {
    let name = url.lastPathComponent
    if existing == actual {
      Issue.record(
        "recording: \(name) is unchanged; run again without DIGITRACK_UPDATE_GOLDENS to check",
        sourceLocation: sourceLocation)
      return
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url, options: .atomic)
    } catch {
      Issue.record("recording: cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
      return
    }
    let change =
      existing.map { "rewrote \(name) (- old, + new):\n" + LineDiff.render(from: $0, to: actual) }
      ?? "created \(name) (\(actual.utf8.count) bytes)"
    Issue.record("recording: \(change)", sourceLocation: sourceLocation)
  }
}
