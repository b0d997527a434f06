import DigiTrackModel
import FoundationEssentials
import Glibc

/// Reads small files (themes, config.json) with a size limit checked before reading, so a huge
/// file is refused at once instead of being read whole.
public enum BoundedFile {
  /// The limit for themes and config.json: a real one is a few KiB.
  public static let smallFileLimit = 1 << 20

  public enum Failure: Error, Sendable, Equatable {
    case missing
    case tooLarge(size: Int64, limit: Int)
    case notRegular
    case unreadable(LocalizedText)

    /// What to say after the file's name, in English.
    public var problem: String { problem(in: .en) }

    /// What to say after the file's name.
    public func problem(in language: Language) -> String {
      let text: LocalizedText =
        switch self {
        case .missing: LocalizedText(vi: "không có tệp này", en: "no such file")
        case .tooLarge(let size, let limit):
          LocalizedText(
            vi: "tệp có \(size) byte; chỉ đọc tối đa \(limit >> 20) MiB (\(limit) byte)",
            en: "the file is \(size) bytes; at most \(limit >> 20) MiB is read (\(limit) bytes)")
        case .notRegular: LocalizedText(vi: "không phải tệp thông thường", en: "not a regular file")
        case .unreadable(let reason):
          LocalizedText(vi: "không đọc được tệp: \(reason.vi)", en: "cannot read the file: \(reason.en)")
        }
      return text[language]
    }
  }

  /// The file's bytes, or why they are not read. A FIFO or device is refused without blocking.
  public static func read(_ path: String, limit: Int = smallFileLimit) -> Result<Data, Failure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(errno == ENOENT ? .missing : .unreadable(AtomicWriter.systemError()))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(AtomicWriter.systemError())) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
    guard info.st_size <= Int64(limit) else { return .failure(.tooLarge(size: Int64(info.st_size), limit: limit)) }
    // One byte more than fstat said, to notice a file that grew since.
    var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit) + 1)
    var count = 0
    while count < bytes.count {
      let result = bytes.withUnsafeMutableBytes { raw in
        Glibc.read(descriptor, raw.baseAddress! + count, raw.count - count)
      }
      if result < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(AtomicWriter.systemError()))
      }
      if result == 0 { break }
      count += result
    }
    // A full buffer means the file grew after fstat: past the limit, or being written.
    guard count < bytes.count else {
      return .failure(
        count > limit
          ? .tooLarge(size: Int64(count), limit: limit)
          : .unreadable(LocalizedText(vi: "tệp đã thay đổi trong lúc đọc", en: "it changed while it was read")))
    }
    return .success(Data(bytes[0..<count]))
  }
}
