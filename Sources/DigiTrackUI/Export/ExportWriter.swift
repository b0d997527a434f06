import Foundation

/// What the `e` key exports: a view's text and the view's name for the file name.
public struct ExportRequest: Sendable, Equatable {
  public let viewName: String
  public let text: String
}

public struct ExportError: Error, Sendable, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }
}

/// Writes export files so that nothing is ever lost or half-written.
///
/// The text goes to a temporary file in the target folder first and is then linked to its final
/// name: `link` fails rather than replace an existing file, and a reader never sees a partial
/// file. On any failure the temporary file is removed.
public enum ExportWriter {
  /// Writes `text` into `directory` as `digitrack-<view>-<YYYYMMDD-HHMMSS>.txt`, adding `-2`,
  /// `-3`, … when that name is taken. Returns the path written.
  public static func write(
    _ text: String, viewName: String, directory: String, date: Date = Date()
  ) -> Result<String, ExportError> {
    let stamp = timestamp(date)
    let base = "digitrack-\(viewName)-\(stamp)"
    let folder = directory.isEmpty ? "." : directory
    for attempt in 1...1000 {
      let name = attempt == 1 ? "\(base).txt" : "\(base)-\(attempt).txt"
      let path = (folder as NSString).appendingPathComponent(name)
      switch writeExclusive(text, to: path) {
      case .success: return .success(path)
      case .failure(.exists): continue
      case .failure(.other(let message)): return .failure(ExportError(message))
      }
    }
    return .failure(ExportError("\(folder): too many exports with the same time stamp"))
  }

  enum WriteFailure: Error {
    case exists
    case other(String)
  }

  /// Writes `text` to `path` atomically, failing with `.exists` rather than replacing a file.
  static func writeExclusive(_ text: String, to path: String) -> Result<Void, WriteFailure> {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary =
      (folder.isEmpty ? "." : folder) + "/.digitrack-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      return .failure(.other("\(folder.isEmpty ? "." : folder): \(String(cString: strerror(errno)))"))
    }
    let bytes = Array(text.utf8)
    var written = 0
    var failure: String?
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Foundation.write(descriptor, base + written, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        break
      }
      written += result
    }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    defer { unlink(temporary) }
    if let failure { return .failure(.other("\(path): \(failure)")) }
    if link(temporary, path) != 0 {
      return errno == EEXIST ? .failure(.exists) : .failure(.other("\(path): \(String(cString: strerror(errno)))"))
    }
    return .success(())
  }

  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970)
    var parts = tm()
    localtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
  }
}
