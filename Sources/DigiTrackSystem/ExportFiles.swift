import DigiTrackModel
import DigiTrackUI
import Foundation

/// The files the dashboard's `e` key writes: a new, time-stamped name every time, so an export
/// never replaces anything (not even an earlier export).
public enum ExportFiles {
  /// Writes `text` into `directory` (the working folder when empty) as
  /// `digitrack-<view>-<YYYYMMDD-HHMMSS>.txt`, adding `-2`, `-3`, … when that name is taken.
  /// Returns the path written.
  public static func write(
    _ text: String, viewName: String, directory: String, date: Date = Date(), language: Language = .en
  ) -> Result<String, ExportError> {
    let base = "digitrack-\(viewName)-\(timestamp(date))"
    let folder = directory.isEmpty ? "." : directory
    let bytes = Array(text.utf8)
    for attempt in 1...1000 {
      let name = attempt == 1 ? "\(base).txt" : "\(base)-\(attempt).txt"
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      switch AtomicWriter.write(bytes, to: path, replace: false) {
      case .success: return .success(path)
      case .failure(.exists): continue
      case .failure(let failure): return .failure(ExportError(failure.message(in: language)))
      }
    }
    return .failure(ExportError(LocalizedText.tooManyExports(folder)[language]))
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
