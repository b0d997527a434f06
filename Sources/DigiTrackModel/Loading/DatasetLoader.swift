import FoundationEssentials
import Glibc

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
  /// Whether the bulk of a file (its commune units) may be read by simdjson On-Demand first
  /// (`BulkDocument`). Off, every file takes the precise path, as tests compare.
  public var readsInBulk: Bool
  /// The threads the bulk path parses and reads the units arrays on: 1, 2, or 0 for two where the
  /// file is large enough to gain (`BulkDocument`, `DatasetDecoder.bulkUnitsToSplit`) and a second
  /// core is likely free (`DatasetDecoder.aCoreIsFree`). The dataset is the same whatever the
  /// number (BulkThreadTests).
  public var bulkThreads: Int

  public init(maxBytes: Int = DatasetLoader.defaultMaxBytes, readsInBulk: Bool = true, bulkThreads: Int = 0) {
    self.maxBytes = maxBytes
    self.readsInBulk = readsInBulk
    self.bulkThreads = bulkThreads
  }

  /// Loads a file. `displayName` is what error messages call it (defaults to the path).
  ///
  /// The file name and every message are passed through `SafeText.printable`: a file named
  /// `n\e]0;PWNED\a.json`, or a key or value that a message quotes, cannot drive the terminal
  /// that prints the error.
  public func load(path: String, displayName: String? = nil) throws(LoadError) -> LoadedDataset {
    let name = SafeText.printable(displayName ?? path)
    return try printable { () throws(LoadError) in
      // The file's bytes live only as long as `parse`: they are freed before decoding starts, so
      // the input, simdjson's document and the dataset are never all in memory at once.
      let parsed = try parse(file: path, name: name)
      return try located(name: name) { () throws(LoadError) in
        try decode(parsed, name: name) { () throws(LoadError) in try parse(file: path, name: name, bulk: false) }
      } bytes: {
        // Read again only for a file with something to say: the success path never does.
        guard let buffer = try? readFile(path: path, name: name) else { return nil }
        return Array(buffer.bytes[0..<buffer.count])
      }
    }
  }

  /// Loads JSON text already in memory, e.g. the embedded demo dataset.
  public func load(bytes: [UInt8], name: String) throws(LoadError) -> LoadedDataset {
    let name = SafeText.printable(name)
    return try printable { () throws(LoadError) in
      if bytes.count > maxBytes {
        throw unreadable(name, tooLargeMessage(bytes.count))
      }
      func parse(bulk: Bool) throws(LoadError) -> Parsed {
        let parsed = bytes.withUnsafeBytes { raw in
          Result { () throws(LoadError) in try self.parse(raw, readable: raw.count, name: name, bulk: bulk) }
        }
        return try parsed.get()
      }
      let parsed = try parse(bulk: readsInBulk)
      return try located(name: name) { () throws(LoadError) in
        try decode(parsed, name: name) { () throws(LoadError) in try parse(bulk: false) }
      } bytes: {
        bytes
      }
    }
  }

  /// Runs a decode and gives every diagnostic at a JSON path the line and column of its value
  /// too (`PathLocator`), from the file's bytes, asked for only when there is a diagnostic.
  private func located(
    name: String, _ body: () throws(LoadError) -> LoadedDataset, bytes: () -> [UInt8]?
  ) throws(LoadError) -> LoadedDataset {
    func text() -> [UInt8]? {
      guard let bytes = bytes() else { return nil }
      return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }
    do {
      var loaded = try body()
      if !loaded.warnings.isEmpty, let text = text() { loaded.warnings = PathLocator.locate(loaded.warnings, in: text) }
      return loaded
    } catch {
      var error = error
      if error.kind == .invalid, let text = text() {
        error.diagnostics = PathLocator.locate(error.diagnostics, in: text)
      }
      throw error
    }
  }

  /// Runs a load and makes every diagnostic it gives, error or warning, safe to print.
  private func printable(_ body: () throws(LoadError) -> LoadedDataset) throws(LoadError) -> LoadedDataset {
    func clean(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
      diagnostics.map { diagnostic in
        var diagnostic = diagnostic
        diagnostic.message = LocalizedText(
          vi: SafeText.printable(diagnostic.message.vi), en: SafeText.printable(diagnostic.message.en))
        diagnostic.subject = diagnostic.subject.map(SafeText.printable)
        if case .path(let path) = diagnostic.place { diagnostic.place = .path(SafeText.printable(path)) }
        return diagnostic
      }
    }
    do {
      var loaded = try body()
      loaded.warnings = clean(loaded.warnings)
      return loaded
    } catch {
      var error = error
      error.diagnostics = clean(error.diagnostics)
      throw error
    }
  }

  /// A parsed file: the whole tape (the precise path), or the bulk and its skeleton's tape.
  private enum Parsed {
    case precise(JSONDocument)
    case bulk(BulkDocument, skeleton: JSONDocument)
  }

  private func parse(file path: String, name: String, bulk: Bool? = nil) throws(LoadError) -> Parsed {
    if bulk ?? readsInBulk, let parsed = try parseInBulk(file: path, name: name) { return parsed }
    let buffer = try readFile(path: path, name: name)
    let parsed = buffer.bytes.withUnsafeBytes { raw in
      Result { () throws(LoadError) in
        try parse(
          UnsafeRawBufferPointer(rebasing: raw[..<buffer.count]), readable: raw.count, name: name,
          bulk: bulk ?? readsInBulk)
      }
    }
    return try parsed.get()
  }

  /// The bulk path straight from the file (`BulkDocument(reading:)`): the file is read a window
  /// at a time and never whole. Nil when the walk does not take it (an empty file, a byte-order
  /// mark of UTF-16...): the caller then reads it whole, the precise way, which names the problem.
  private func parseInBulk(file path: String, name: String) throws(LoadError) -> Parsed? {
    let (descriptor, size) = try openRegular(path: path, name: name)
    defer { close(descriptor) }
    guard let document = BulkDocument(reading: descriptor, size: size, limit: maxBytes, threads: bulkThreads),
      let skeleton = try? JSONDocument(
        parsing: document.skeleton, readable: document.skeleton.count + JSONDocument.padding,
        maxDepth: DatasetLoader.maxDepth)
    else { return nil }
    return .bulk(document, skeleton: skeleton)
  }

  /// Checks the encoding and parses: in bulk when asked and the walk takes the file, otherwise
  /// the precise way. `readable` counts the bytes that may be read from the start of `bytes`; with
  /// simdjson's padding to spare, the text is parsed in place, without a copy.
  private func parse(_ bytes: UnsafeRawBufferPointer, readable: Int, name: String, bulk: Bool) throws(LoadError)
    -> Parsed
  {
    let bodyStart = try checkEncoding(bytes, name: name)
    let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart...])
    if bulk, let document = BulkDocument(parsing: body, readable: readable - bodyStart, threads: bulkThreads),
      let skeleton = try? JSONDocument(
        parsing: document.skeleton, readable: document.skeleton.count + JSONDocument.padding,
        maxDepth: DatasetLoader.maxDepth)
    {
      return .bulk(document, skeleton: skeleton)
    }
    return .precise(try parse(body: body, readable: readable - bodyStart, name: name))
  }

  private func parse(body: UnsafeRawBufferPointer, readable: Int, name: String) throws(LoadError) -> JSONDocument {
    do {
      return try JSONDocument(parsing: body, readable: readable, maxDepth: DatasetLoader.maxDepth)
    } catch {
      // Off the fast path: only a file that simdjson refused is scanned again, to say where.
      let located = SyntaxLocator.locate(
        in: [UInt8](body), maxDepth: DatasetLoader.maxDepth, parserMessage: error.message)
      // A number too large to hold is valid JSON with a place in the data, like any rule broken.
      let kind: LoadError.Kind = if case .path = located.place { .invalid } else { .syntax }
      throw LoadError(file: name, kind: kind, diagnostics: [located])
    }
  }

  /// Decodes what `parse` gave. The bulk's result is kept only when the decode had nothing to
  /// say; otherwise `precise` parses the file again the precise way, whose messages are the ones
  /// every file gets.
  private func decode(_ parsed: Parsed, name: String, precise: () throws(LoadError) -> Parsed) throws(LoadError)
    -> LoadedDataset
  {
    switch parsed {
    case .precise(let document):
      return try decode(document, name: name)
    case .bulk(let bulk, let skeleton):
      if let dataset = skeleton.withRoot({ DatasetDecoder.decode(skeleton: $0, bulk: bulk, threads: bulkThreads) }) {
        return LoadedDataset(dataset: dataset, warnings: [], readInBulk: true)
      }
      guard case .precise(let document) = try precise() else { preconditionFailure("asked for the precise path") }
      return try decode(document, name: name)
    }
  }

  private func decode(_ document: JSONDocument, name: String) throws(LoadError) -> LoadedDataset {
    let (dataset, diagnostics) = document.withRoot { DatasetDecoder.decode($0) }
    guard let dataset else {
      throw LoadError(file: name, kind: .invalid, diagnostics: diagnostics)
    }
    return LoadedDataset(dataset: dataset, warnings: diagnostics.filter { $0.severity == .warning })
  }

  /// A file's bytes, followed by simdjson's padding (zeros) so that it can parse them in place.
  private struct PaddedBytes {
    var bytes: [UInt8]
    var count: Int
  }

  /// Opens a file to read, and gives its size: only regular files (or links to one), at most
  /// `maxBytes` long.
  ///
  /// A FIFO would block `open` until a writer came, and a device such as /dev/zero never ends:
  /// the file is opened with O_NONBLOCK (and O_NOCTTY, so a terminal device can never become the
  /// controlling one), and the descriptor itself is checked with fstat, so a file swapped between
  /// the check and the open is caught too.
  private func openRegular(path: String, name: String) throws(LoadError) -> (descriptor: Int32, size: Int) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw unreadable(name, .cannotOpen(.systemError(errno)))
    }
    // A socket cannot be opened at all: say what it is rather than "No such device or address".
    try checkRegular(info, name: name)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else {
      throw unreadable(name, .cannotOpen(.systemError(errno)))
    }
    do throws(LoadError) {
      guard fstat(descriptor, &info) == 0 else {
        throw unreadable(name, .cannotOpen(.systemError(errno)))
      }
      try checkRegular(info, name: name)
      if Int(info.st_size) > maxBytes {
        throw unreadable(name, tooLargeMessage(Int(info.st_size)))
      }
    } catch {
      close(descriptor)
      throw error
    }
    return (descriptor, Int(info.st_size))
  }

  /// Reads a file with read(2) into one buffer sized from fstat, plus padding: no intermediate copy.
  private func readFile(path: String, name: String) throws(LoadError) -> PaddedBytes {
    let (descriptor, size) = try openRegular(path: path, name: name)
    defer { close(descriptor) }
    // Read at most one byte past the limit, so a growing file or a pipe cannot exceed it either.
    let limit = maxBytes + 1
    let padding = JSONDocument.padding
    let expected = min(size, limit)
    var capacity = max(expected + 1, 64 << 10)
    var bytes: [UInt8] = []
    var count = 0
    while true {
      if bytes.count < capacity + padding {
        // Grows only for files that grew since fstat: a file fits the first time.
        // Only the bytes read so far are copied, and the padding is cleared once reading ends:
        // no pass over memory that read(2) is about to fill.
        let size = capacity + padding
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
          bytes.withUnsafeBufferPointer { old in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
              from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: old[..<count])))
          }
          initialized = size
        }
      }
      let wanted = min(capacity, limit) - count
      if wanted <= 0 { break }
      let got = bytes.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return 0 }
        return read(descriptor, base + count, wanted)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw unreadable(name, .cannotRead(.systemError(errno)))
      }
      if got == 0 { break }
      count += got
      if count == capacity, capacity < limit { capacity = min(limit, capacity * 2) }
    }
    if count > maxBytes { throw unreadable(name, tooLargeMessage(count)) }
    bytes.withUnsafeMutableBytes { raw in
      _ = UnsafeMutableRawBufferPointer(rebasing: raw[count..<(count + padding)]).initializeMemory(
        as: UInt8.self, repeating: 0)
    }
    return PaddedBytes(bytes: bytes, count: count)
  }

  /// Neutral wording: the model does not know the command line. `exceedsSizeLimit` lets the
  /// executable add how to raise the limit.
  private func tooLargeMessage(_ size: Int) -> LocalizedText {
    .tooLarge(limit: Self.describe(bytes: maxBytes), size: Self.describe(bytes: size))
  }

  static let tooLargePrefix = "file is larger than the "

  /// Refuses anything but a regular file, naming what it is.
  private func checkRegular(_ info: stat, name: String) throws(LoadError) {
    switch info.st_mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: throw unreadable(name, .isDirectory)
    default: throw unreadable(name, .notRegular(info.st_mode & S_IFMT))
    }
  }

  /// "256 MiB" from one mebibyte up, "5000 bytes" below: never "0 MiB".
  static func describe(bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  private func unreadable(_ name: String, _ message: LocalizedText) -> LoadError {
    LoadError(file: name, kind: .unreadable, diagnostics: [Diagnostic(.error, .file, message)])
  }

  /// JSON starts with an ASCII character, so UTF-16 and UTF-32 without a byte-order mark show it
  /// as one ASCII byte beside zero bytes in the first four: `{ 0 " 0` or `0 0 0 {`.
  private func looksLikeUTF16or32(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count >= 4 else { return false }
    let pattern = (bytes[0] == 0, bytes[1] == 0, bytes[2] == 0, bytes[3] == 0)
    switch pattern {
    case (false, true, false, true), (true, false, true, false): return true  // UTF-16 LE, BE
    case (false, true, true, true), (true, true, true, false): return true  // UTF-32 LE, BE
    default: return false
    }
  }

  /// Accepts UTF-8 (skipping a byte-order mark, as Windows editors write one); names UTF-16 and
  /// UTF-32 explicitly, since "invalid JSON" would not help anyone fix them. Returns where the
  /// JSON text starts.
  private func checkEncoding(_ bytes: UnsafeRawBufferPointer, name: String) throws(LoadError) -> Int {
    func fail(_ message: LocalizedText) -> LoadError {
      LoadError(file: name, kind: .syntax, diagnostics: [Diagnostic(.error, .position(line: 1, column: 1), message)])
    }
    let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16or32(bytes) {
      throw fail(.utf16)
    }
    if bytes.count == bodyStart { throw fail(.emptyFile) }
    return bodyStart
  }
}

extension LoadError {
  /// The file was refused for its size alone: a command line can say how to raise the limit.
  public var exceedsSizeLimit: Bool {
    kind == .unreadable && diagnostics.contains { $0.message.en.hasPrefix(DatasetLoader.tooLargePrefix) }
  }
}
