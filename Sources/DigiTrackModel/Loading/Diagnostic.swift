/// One problem found in a data file: where it is and which rule it breaks.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error
    case warning
  }

  /// Where in the file: a line and column for syntax, a JSON path for everything else.
  public enum Place: Sendable, Hashable {
    case file
    case position(line: Int, column: Int)
    case path(String)
  }

  public var severity: Severity
  public var place: Place
  /// What is wrong, in both languages (`LoadMessages.swift`); printed in the user's.
  public var message: LocalizedText
  /// What the place is about, for a reader who does not count array elements: the province's
  /// name after `snapshots[1].reports[7]`. Printed in parentheses after the path.
  public var subject: String?
  /// Where the value at a `.path` place starts in the file (line, column), found after decoding
  /// and only for a file with problems, so that an editor can jump to it.
  public var location: FilePosition?

  public init(_ severity: Severity, _ place: Place, _ message: LocalizedText, subject: String? = nil) {
    self.severity = severity
    self.place = place
    self.message = message
    self.subject = subject
  }

  /// A message that has no translation yet: the same text in both languages. Prefer adding it
  /// to `LoadMessages.swift`.
  public init(_ severity: Severity, _ place: Place, _ message: String) {
    self.init(severity, place, LocalizedText(vi: message, en: message))
  }

  /// `FILE:LINE:COL: error: MESSAGE` or `FILE: error: PATH: MESSAGE`, as compilers print them;
  /// the severity and the message in `language`, the place the same in both.
  public func formatted(file: String, language: Language = .en) -> String {
    let label = severity.label[language]
    let text = message[language]
    let about = subject.map { " (\($0))" } ?? ""
    switch place {
    case .file: return "\(file): \(label): \(text)"
    case .position(let line, let column): return "\(file):\(line):\(column): \(label): \(text)"
    case .path(var path):
      if path == "(top level)" && language == .vi { path = "(cấp ngoài cùng)" }
      let at = location.map { ":\($0.line):\($0.column)" } ?? ""
      return "\(file)\(at): \(label): \(path)\(about): \(text)"
    }
  }

  public var description: String { formatted(file: "<data>") }
}

/// A line and a column in a file, both from 1; the column counts characters.
public struct FilePosition: Sendable, Hashable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

extension Diagnostic.Severity {
  /// The word before the message: `error` / `lỗi`.
  public var label: LocalizedText {
    switch self {
    case .error: LocalizedText(vi: "lỗi", en: "error")
    case .warning: LocalizedText(vi: "cảnh báo", en: "warning")
    }
  }
}

/// Why a data file could not be used. Carries every error found (up to a cap), not only the first.
public struct LoadError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable {
    /// Missing, a directory, unreadable or above the size limit: nothing was parsed.
    case unreadable
    /// Not UTF-8 or not JSON.
    case syntax
    /// JSON, but not a valid DigiTrack dataset.
    case invalid
  }

  public var file: String
  public var kind: Kind
  public var diagnostics: [Diagnostic]

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  public var description: String { description(in: .en) }

  /// Every diagnostic, one line each, in `language`.
  public func description(in language: Language) -> String {
    diagnostics.map { $0.formatted(file: file, language: language) }.joined(separator: "\n")
  }
}

/// A dataset that loaded, with any warnings about it.
public struct LoadedDataset: Sendable {
  public var dataset: Dataset
  public var warnings: [Diagnostic]
  /// Whether the commune units came from simdjson On-Demand (`BulkDocument`) rather than the
  /// precise path; the dataset is the same either way (FastPathTests, BulkPathTests).
  public var readInBulk = false
}
