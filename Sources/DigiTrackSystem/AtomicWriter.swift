import DigiTrackModel
import FoundationEssentials
import Glibc

/// Why an output could not be written.
public enum WriteFailure: Error, Sendable, Equatable {
  /// The destination is an existing regular file and replacing was not asked for. `path` is what
  /// was asked for, `target` the file it names (different when `path` is a symbolic link).
  case exists(path: String, target: String)
  /// Anything else, with the file or folder concerned and the reason, in both languages.
  case failed(path: String, problem: LocalizedText)

  /// "PATH: PROBLEM", for a status line or standard error, in `language`.
  public func message(in language: Language) -> String {
    switch self {
    case .exists(let path, let target):
      return LocalizedText.alreadyExists(path == target ? path : "\(path) (→ \(target))")[language]
    case .failed(let path, let problem): return "\(path): \(problem[language])"
    }
  }

  /// The message in English.
  public var message: String { message(in: .en) }
}

/// The one way DigiTrack writes a file: `export -o`, `template -o`, `generate -o` and the
/// dashboard's `e` key all come here, so the rules below hold for every output.
///
/// - `-`, `/dev/stdout` and `/dev/stderr` (and `/dev/fd/N`) are the process's own descriptors.
/// - A symbolic link is followed to the file it names, hop by hop; a relative link is read from the
///   folder that holds the link (for a bare name, the working folder), and the link stays a link.
///   A dangling link creates the file it points to, in the folder the link names.
/// - A device, FIFO or socket is written to in place, never replaced; a folder is refused.
/// - A new file is written to a temporary file in its folder, flushed to disk, then linked to its
///   name: a reader never sees half a file, and a file that appears meanwhile is never replaced.
/// - An existing regular file is refused (`WriteFailure.exists`) unless `replace` is true; it is
///   then replaced by a rename, with its mode and owner kept.
public enum AtomicWriter {
  public static func write(_ bytes: [UInt8], to path: String, replace: Bool) -> Result<Void, WriteFailure> {
    if let descriptor = standardDescriptor(path) {
      return writeAll(bytes, to: descriptor).map { .failure(.failed(path: path, problem: $0)) } ?? .success(())
    }
    let target: String
    switch resolveLinks(path) {
    case .success(let resolved): target = resolved
    case .failure(let failure): return .failure(failure)
    }
    var info = stat()
    guard stat(target, &info) == 0 else {
      guard errno == ENOENT else { return .failure(.failed(path: path, problem: systemError())) }
      return writeNew(bytes, path: path, target: target)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      return .failure(.failed(path: path, problem: .writeIsDirectory))
    case S_IFREG:
      guard replace else { return .failure(.exists(path: path, target: target)) }
      return replaceFile(bytes, path: path, target: target, keeping: info)
    default:
      return writeInPlace(bytes, path: path, target: target)
    }
  }

  /// The descriptor a path stands for when it names this process's standard output or error.
  static func standardDescriptor(_ path: String) -> Int32? {
    switch path {
    case "-", "/dev/stdout", "/proc/self/fd/1", "/dev/fd/1": STDOUT_FILENO
    case "/dev/stderr", "/proc/self/fd/2", "/dev/fd/2": STDERR_FILENO
    default: nil
    }
  }

  /// Follows symbolic links from `path` to the name of the file they end at (which may not exist).
  static func resolveLinks(_ path: String) -> Result<String, WriteFailure> {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return .success(current) }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else { return .failure(.failed(path: path, problem: systemError())) }
      let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
    }
    return .failure(.failed(path: path, problem: .tooManyLinks))
  }

  /// The folder that holds `path`: "." for a bare name, "/" for a name at the root.
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let head = trimmed[..<slash]
    return head.isEmpty ? "/" : String(head)
  }

  private static func writeNew(_ bytes: [UInt8], path: String, target: String) -> Result<Void, WriteFailure> {
    withTemporaryFile(bytes, beside: target, path: path) { temporary in
      guard link(temporary, target) == 0 else {
        return errno == EEXIST
          ? .failure(.exists(path: path, target: target)) : .failure(.failed(path: path, problem: systemError()))
      }
      return .success(())
    }
  }

  private static func replaceFile(_ bytes: [UInt8], path: String, target: String, keeping info: stat) -> Result<
    Void, WriteFailure
  > {
    withTemporaryFile(bytes, beside: target, path: path, mode: info.st_mode & 0o7777, owner: info) { temporary in
      guard rename(temporary, target) == 0 else { return .failure(.failed(path: path, problem: systemError())) }
      return .success(())
    }
  }

  private static func writeInPlace(_ bytes: [UInt8], path: String, target: String) -> Result<Void, WriteFailure> {
    let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.failed(path: path, problem: systemError())) }
    defer { close(descriptor) }
    return writeAll(bytes, to: descriptor).map { .failure(.failed(path: path, problem: $0)) } ?? .success(())
  }

  /// Writes `bytes` to a new temporary file beside `target`, flushes it, hands its name to `place`
  /// (which links or renames it into place), then removes the temporary name and flushes the folder.
  private static func withTemporaryFile(
    _ bytes: [UInt8], beside target: String, path: String, mode: mode_t? = nil, owner: stat? = nil,
    place: (String) -> Result<Void, WriteFailure>
  ) -> Result<Void, WriteFailure> {
    let folder = folder(of: target)
    let temporary = folder + "/.digitrack-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      var info = stat()
      let missing = errno == ENOENT && stat(folder, &info) != 0
      return .failure(.failed(path: missing ? path : folder, problem: missing ? .missingFolder(folder) : systemError()))
    }
    defer { unlink(temporary) }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, let mode, fchmod(descriptor, mode) != 0 { failure = systemError() }
    if failure == nil, let owner, owner.st_uid != geteuid() || owner.st_gid != getegid(),
      fchown(descriptor, owner.st_uid, owner.st_gid) != 0
    {
      failure = .cannotKeepOwner("\(owner.st_uid):\(owner.st_gid)", systemError())
    }
    if failure == nil, fsync(descriptor) != 0 { failure = systemError() }
    if close(descriptor) != 0, failure == nil { failure = systemError() }
    if let failure { return .failure(.failed(path: path, problem: failure)) }
    let placed = place(temporary)
    if case .success = placed {
      let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if folderDescriptor >= 0 {
        _ = fsync(folderDescriptor)
        close(folderDescriptor)
      }
    }
    return placed
  }

  /// Writes every byte; nil on success, else the system's reason.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> LocalizedText? {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + written, raw.count - written)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return systemError()
      }
      written += result
    }
    return nil
  }

  static func systemError() -> LocalizedText { .systemError(errno) }
}
