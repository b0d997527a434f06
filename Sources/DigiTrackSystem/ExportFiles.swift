import DigiTrackModel
import DigiTrackSheets
import DigiTrackUI
import FoundationEssentials
import Glibc

/// The files the dashboard's `e` key writes: a new, time-stamped name every time, so an export
/// never replaces anything (not even an earlier export).
public enum ExportFiles {
  /// Writes the request's content in its format into `directory` (the working folder when
  /// empty) as `digitrack-<view>-<YYYYMMDD-HHMMSS>.<ext>`, adding `-2`, `-3`, … when that name is
  /// taken. A workbook takes its status fills from `theme` (the screen's). Returns the
  /// absolute path written, so the status line says exactly where the file is; a failure is
  /// said in `language`.
  public static func write(
    _ request: ExportRequest, directory: String, theme: Theme = .standard, date: Date = Date(),
    language: Language = .en
  ) -> Result<String, ExportError> {
    let bytes: [UInt8]
    switch request.content {
    case .text(let text): bytes = Array(text.utf8)
    case .workbook(let document):
      do {
        bytes = try XLSXTableWriter.bytes(document, fills: StatusFills(theme: theme))
      } catch {
        return .failure(ExportError(error.description))
      }
    }
    return write(
      bytes, viewName: request.viewName, fileExtension: request.fileExtension, directory: directory, date: date,
      language: language)
  }

  /// Text as `.txt`, as the `e` key wrote before it offered formats.
  public static func write(
    _ text: String, viewName: String, directory: String, date: Date = Date(), language: Language = .en
  ) -> Result<String, ExportError> {
    write(
      Array(text.utf8), viewName: viewName, fileExtension: "txt", directory: directory, date: date, language: language)
  }

  static func write(
    _ bytes: [UInt8], viewName: String, fileExtension: String, directory: String, date: Date, language: Language
  ) -> Result<String, ExportError> {
    let base = "digitrack-\(viewName)-\(timestamp(date))"
    let folder = absolute(directory.isEmpty ? "." : directory)
    for attempt in 1...1000 {
      let name = attempt == 1 ? "\(base).\(fileExtension)" : "\(base)-\(attempt).\(fileExtension)"
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      switch AtomicWriter.write(bytes, to: path, replace: false) {
      case .success: return .success(path)
      case .failure(.exists): continue
      case .failure(let failure): return .failure(ExportError(failure.message(in: language)))
      }
    }
    return .failure(ExportError(LocalizedText.tooManyExports(folder)[language]))
  }

  /// The folder as an absolute path without `.` or `..` parts (the folder itself is resolved,
  /// so a link to it reads as where the file really is); as given when it cannot be resolved.
  static func absolute(_ folder: String) -> String {
    guard let resolved = realpath(folder, nil) else { return folder }
    defer { free(resolved) }
    return String(cString: resolved)
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
