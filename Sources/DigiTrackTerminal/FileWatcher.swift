import DigiTrackModel
import FoundationEssentials
import Glibc

/// Notices when a data file changes, by polling its metadata: both an in-place rewrite (new size or
/// modification time) and an atomic replace (a new inode) count. A change is reported only once the
/// file has looked the same for two polls, so a file still being written is not read half-way.
/// A file that cannot be looked at (deleted, a symbolic link loop, a folder it is in gone) is
/// reported the same way, once, after two polls: an editor's save that briefly removes the file
/// does not flash an error.
///
/// A `--data DIR` folder is watched through its part files: a file added, removed, replaced or
/// rewritten in place changes the folder's signature (its own metadata plus a digest of every
/// `.json`, `.xlsx` and `.csv` in it), with the same settling rule.
struct FileWatcher {
  struct Signature: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec
    /// For a folder, a digest of its part files' names and metadata; 0 for a file.
    var parts: UInt64 = 0

    static func == (lhs: Signature, rhs: Signature) -> Bool {
      lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size && lhs.parts == rhs.parts
        && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
  }

  enum Change: Equatable {
    /// The file changed and settled: read it again.
    case changed
    /// The file cannot be looked at any more; the message names it and says why.
    case unreadable(String)
  }

  let path: String
  let interval: Double
  private var loaded: Signature?
  private var pending: Signature?
  private var pendingProblem: String?
  private var reportedProblem: String?
  private var lastPoll = Date.distantPast

  /// The language of the problems it reports (the dashboard's).
  var language: Language = .en

  init(path: String, interval: Double = 0.5) {
    self.path = path
    self.interval = interval
    loaded = try? Self.signature(of: path).get()
  }

  static func signature(of path: String, language: Language = .en) -> Result<Signature, FileProblem> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = LocalizedText.systemError(errno)
      let label = Diagnostic.Severity.error.label[language]
      let cannot = LocalizedText(vi: "không đọc được tệp", en: "cannot read the file")[language]
      return .failure(FileProblem(message: "\(path): \(label): \(cannot): \(reason[language])"))
    }
    var signature = Signature(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: info.st_mtim,
      changed: info.st_ctim)
    if (info.st_mode & S_IFMT) == S_IFDIR { signature.parts = partsDigest(path) }
    return .success(signature)
  }

  /// FNV-1a over each part file's name, inode, size and times, in name order.
  static func partsDigest(_ folder: String) -> UInt64 {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var digest: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ value: UInt64) {
      for shift in stride(from: 0, to: 64, by: 8) {
        digest = (digest ^ ((value >> UInt64(shift)) & 0xFF)) &* 0x100_0000_01b3
      }
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      guard ["json", "xlsx", "csv"].contains(PathText.pathExtension(name).lowercased()) else { continue }
      for byte in name.utf8 { mix(UInt64(byte)) }
      var info = stat()
      guard stat(folder + "/" + name, &info) == 0 else { continue }
      for value in [
        UInt64(info.st_ino), UInt64(bitPattern: Int64(info.st_size)), UInt64(bitPattern: Int64(info.st_mtim.tv_sec)),
        UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)), UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)),
      ] {
        mix(value)
      }
    }
    return digest
  }

  struct FileProblem: Error, Equatable {
    let message: String
  }

  /// Call often; returns a change once when the file has changed and settled since the last load,
  /// or once when it has become impossible to look at.
  mutating func poll(now: Date = Date()) -> Change? {
    guard now.timeIntervalSince(lastPoll) >= interval else { return nil }
    lastPoll = now
    switch Self.signature(of: path, language: language) {
    case .failure(let problem):
      pending = nil
      guard reportedProblem != problem.message else { return nil }
      guard pendingProblem == problem.message else {
        pendingProblem = problem.message
        return nil
      }
      pendingProblem = nil
      reportedProblem = problem.message
      // Whatever comes back in its place is a change to read.
      loaded = nil
      return .unreadable(problem.message)
    case .success(let current):
      pendingProblem = nil
      reportedProblem = nil
      guard current != loaded else {
        pending = nil
        return nil
      }
      if current == pending {
        loaded = current
        pending = nil
        return .changed
      }
      pending = current
      return nil
    }
  }

  /// Marks the file's current state as loaded (after a reload by hand).
  mutating func markLoaded() {
    loaded = try? Self.signature(of: path).get()
    pending = nil
  }
}
