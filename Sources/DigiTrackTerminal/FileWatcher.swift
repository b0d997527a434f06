import Foundation

/// Notices when a data file changes, by polling its metadata: both an in-place rewrite (new size or
/// modification time) and an atomic replace (a new inode) count. A change is reported only once the
/// file has looked the same for two polls, so a file still being written is not read half-way.
struct FileWatcher {
  struct Signature: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    static func == (lhs: Signature, rhs: Signature) -> Bool {
      lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
        && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
    }
  }

  let path: String
  let interval: Double
  private var loaded: Signature?
  private var pending: Signature?
  private var lastPoll = Date.distantPast

  init(path: String, interval: Double = 0.5) {
    self.path = path
    self.interval = interval
    loaded = Self.signature(of: path)
  }

  static func signature(of path: String) -> Signature? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Signature(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: info.st_mtim,
      changed: info.st_ctim)
  }

  /// Call often; returns true (once) when the file has changed and settled since the last load.
  mutating func poll(now: Date = Date()) -> Bool {
    guard now.timeIntervalSince(lastPoll) >= interval else { return false }
    lastPoll = now
    // A file that is missing for a moment (between unlink and rename) is simply not ready yet.
    guard let current = Self.signature(of: path), current != loaded else {
      pending = nil
      return false
    }
    if current == pending {
      loaded = current
      pending = nil
      return true
    }
    pending = current
    return false
  }

  /// Marks the file's current state as loaded (after a reload by hand).
  mutating func markLoaded() {
    loaded = Self.signature(of: path)
    pending = nil
  }
}
