import Foundation

/// Reads, parses and validates DigiTrack data files.
///
/// Every failure ends in a `LoadError` that names the file and the place; nothing here traps on
/// input. The size limit is checked before a byte is read, so a huge file cannot exhaust memory.
public struct DatasetLoader: Sendable {
  /// Default maximum file size: 256 MiB, about twenty times a national dataset with every commune.
  public static let defaultMaxBytes = 256 << 20
  /// Deeper nesting than this is refused (the format itself needs 7 levels).
  public static let maxDepth = 64

  public var maxBytes: Int

  public init(maxBytes: Int = DatasetLoader.defaultMaxBytes) {
    self.maxBytes = maxBytes
  }

  /// Loads a file. `displayName` is what error messages call it (defaults to the path).
  public func load(path: String, displayName: String? = nil) throws(LoadError) -> LoadedDataset {
    let name = displayName ?? path
    let bytes = try read(path: path, name: name)
    return try load(bytes: bytes, name: name)
  }

  /// Loads JSON text already in memory, e.g. the embedded demo dataset.
  public func load(bytes: [UInt8], name: String) throws(LoadError) -> LoadedDataset {
    if bytes.count > maxBytes {
      throw unreadable(name, tooLargeMessage(bytes.count))
    }
    let body = try checkEncoding(bytes, name: name)
    let parsed = body.withUnsafeBytes { raw in
      Result { () throws(JSONDocument.ParseFailure) in
        try JSONDocument(parsing: raw, maxDepth: DatasetLoader.maxDepth)
      }
    }
    let document: JSONDocument
    switch parsed {
    case .success(let parsedDocument): document = parsedDocument
    case .failure(let failure):
      let located = SyntaxLocator.locate(in: body, maxDepth: DatasetLoader.maxDepth, parserMessage: failure.message)
      // A number too large to hold is valid JSON with a place in the data, like any rule broken.
      let kind: LoadError.Kind = if case .path = located.place { .invalid } else { .syntax }
      throw LoadError(file: name, kind: kind, diagnostics: [located])
    }
    let (dataset, diagnostics) = DatasetDecoder.decode(document.root)
    guard let dataset else {
      throw LoadError(file: name, kind: .invalid, diagnostics: diagnostics)
    }
    return LoadedDataset(dataset: dataset, warnings: diagnostics.filter { $0.severity == .warning })
  }

  private func read(path: String, name: String) throws(LoadError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw unreadable(name, "cannot open: \(String(cString: strerror(errno)))")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw unreadable(name, "is a directory, not a data file")
    }
    if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxBytes {
      throw unreadable(name, tooLargeMessage(Int(info.st_size)))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw unreadable(name, "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { try? handle.close() }
    // Read at most one byte past the limit, so a growing file or a pipe cannot exceed it either.
    let data: Data
    do {
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw unreadable(name, "cannot read: \(error.localizedDescription)")
    }
    if data.count > maxBytes { throw unreadable(name, tooLargeMessage(data.count)) }
    return [UInt8](data)
  }

  private func tooLargeMessage(_ size: Int) -> String {
    "file is larger than the \(Self.describe(bytes: maxBytes)) limit (\(Self.describe(bytes: size)) or more); raise it with --max-size MIB"
  }

  /// "256 MiB" from one mebibyte up, "5000 bytes" below: never "0 MiB".
  static func describe(bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  private func unreadable(_ name: String, _ message: String) -> LoadError {
    LoadError(file: name, kind: .unreadable, diagnostics: [Diagnostic(.error, .file, message)])
  }

  /// JSON starts with an ASCII character, so UTF-16 and UTF-32 without a byte-order mark show it
  /// as one ASCII byte beside zero bytes in the first four: `{ 0 " 0` or `0 0 0 {`.
  private func looksLikeUTF16or32(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4 else { return false }
    let zero = bytes.prefix(4).map { $0 == 0 }
    let pattern = (zero[0], zero[1], zero[2], zero[3])
    switch pattern {
    case (false, true, false, true), (true, false, true, false): return true  // UTF-16 LE, BE
    case (false, true, true, true), (true, true, true, false): return true  // UTF-32 LE, BE
    default: return false
    }
  }

  /// Accepts UTF-8 (dropping a byte-order mark, as Windows editors write one); names UTF-16 and
  /// UTF-32 explicitly, since "invalid JSON" would not help anyone fix them.
  private func checkEncoding(_ bytes: [UInt8], name: String) throws(LoadError) -> [UInt8] {
    func fail(_ message: String) -> LoadError {
      LoadError(file: name, kind: .syntax, diagnostics: [Diagnostic(.error, .position(line: 1, column: 1), message)])
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16or32(bytes) {
      throw fail("the file is UTF-16 or UTF-32; save it as UTF-8")
    }
    if body.isEmpty { throw fail("the file is empty") }
    return body
  }
}
