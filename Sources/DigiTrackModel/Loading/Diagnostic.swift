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
  public var message: String

  public init(_ severity: Severity, _ place: Place, _ message: String) {
    self.severity = severity
    self.place = place
    self.message = message
  }

  /// `FILE:LINE:COL: error: MESSAGE` or `FILE: error: PATH: MESSAGE`, as compilers print them.
  public func formatted(file: String) -> String {
    switch place {
    case .file: "\(file): \(severity.rawValue): \(message)"
    case .position(let line, let column): "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    case .path(let path): "\(file): \(severity.rawValue): \(path): \(message)"
    }
  }

  public var description: String { formatted(file: "<data>") }
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

  public var description: String {
    diagnostics.map { $0.formatted(file: file) }.joined(separator: "\n")
  }
}

/// A dataset that loaded, with any warnings about it.
public struct LoadedDataset: Sendable {
  public var dataset: Dataset
  public var warnings: [Diagnostic]
}
