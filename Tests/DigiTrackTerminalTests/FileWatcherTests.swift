import Foundation
import TestSupport
import Testing

@testable import DigiTrackTerminal

/// The live-reload watcher on real files in a temporary folder. Its clock is passed in, so a poll
/// never waits; only the file system's timestamps need a deadline (see `rewriteInPlace`).
@Suite struct FileWatcherTests {
  /// A fake clock that moves one watcher interval per poll.
  struct Clock {
    var now = Date(timeIntervalSinceReferenceDate: 0)
    mutating func tick() -> Date {
      now = now.addingTimeInterval(1)
      return now
    }
  }

  /// A temporary folder holding `data.json` with `text` in it.
  static func folder(with text: String) throws -> TemporaryFolder {
    let folder = try TemporaryFolder("watcher")
    try text.write(toFile: folder.file("data.json"), atomically: false, encoding: .utf8)
    return folder
  }

  /// Polls until the watcher reports `expected` (a change by default), at most `polls` times;
  /// returns the poll that did. Any other report fails the test.
  static func pollsUntilReported(
    _ watcher: inout FileWatcher, _ clock: inout Clock, polls: Int = 5, expected: FileWatcher.Change = .changed
  ) -> Int? {
    for poll in 1...polls {
      guard let change = watcher.poll(now: clock.tick()) else { continue }
      #expect(change == expected, "poll \(poll) reported \(change), not \(expected)")
      return poll
    }
    return nil
  }

  @Test func anUnchangedFileIsNeverReported() throws {
    let folder = try Self.folder(with: "one")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    #expect(Self.pollsUntilReported(&watcher, &clock, polls: 10) == nil)
  }

  /// Editors and `mv` replace the file by a new inode: reported once it has looked the same for
  /// two polls, then not again.
  @Test func aRenameOverTheFileIsReportedOnce() throws {
    let folder = try Self.folder(with: "one")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    try "two".write(toFile: folder.file("new.json"), atomically: false, encoding: .utf8)
    #expect(rename(folder.file("new.json"), path) == 0)
    #expect(Self.pollsUntilReported(&watcher, &clock) == 2, "the first poll sees it, the second finds it settled")
    #expect(Self.pollsUntilReported(&watcher, &clock, polls: 10) == nil)
  }

  /// A rewrite in place keeps the inode; a new size or modification time gives it away. The
  /// timestamp may not move within the file system's granularity, so rewrite until it does,
  /// with a deadline.
  @Test func aRewriteInPlaceIsReported() throws {
    let folder = try Self.folder(with: "aaaa")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    let before = try FileWatcher.signature(of: path).get()
    let reported = try waitUntil(seconds: 10) {
      let handle = try #require(FileHandle(forWritingAtPath: path))
      try handle.write(contentsOf: Data("bbbb".utf8))
      try handle.close()
      return Self.pollsUntilReported(&watcher, &clock, polls: 3) != nil
    }
    #expect(reported, "an in-place rewrite of the same size was never reported")
    #expect(try FileWatcher.signature(of: path).get().inode == before.inode)
  }

  @Test func aNewSizeIsReportedAtOnce() throws {
    let folder = try Self.folder(with: "short")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" and longer".utf8))
    try handle.close()
    #expect(Self.pollsUntilReported(&watcher, &clock) == 2)
  }

  /// A file half-written is not reported until two polls agree.
  @Test func aFileStillGrowingIsNotReportedUntilItSettles() throws {
    let folder = try Self.folder(with: "x")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    let handle = try #require(FileHandle(forWritingAtPath: path))
    for chunk in 0..<5 {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(String(repeating: "y", count: chunk + 1).utf8))
      let reported = watcher.poll(now: clock.tick())
      #expect(reported == nil, "reported while still growing (chunk \(chunk))")
    }
    try handle.close()
    let settled = watcher.poll(now: clock.tick())
    #expect(settled == .changed)
  }

  /// A deleted file is said once, after two polls agree (an editor's save may remove it for a
  /// moment); the file that comes back is a change to read.
  @Test func aDeletionIsSaidOnceAndTheFileThatReturnsIsAChange() throws {
    let folder = try Self.folder(with: "one")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    try FileManager.default.removeItem(atPath: path)
    guard case .failure(let problem) = FileWatcher.signature(of: path) else {
      Issue.record("a deleted file still has a signature")
      return
    }
    #expect(problem.message.hasPrefix(path + ": error: cannot read the file"), "\(problem.message)")
    #expect(Self.pollsUntilReported(&watcher, &clock, expected: .unreadable(problem.message)) == 2)
    #expect(Self.pollsUntilReported(&watcher, &clock, polls: 5) == nil, "said once, not at every poll")
    try "back again".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(Self.pollsUntilReported(&watcher, &clock) == 2)
  }

  @Test func pollsCloserThanTheIntervalDoNothing() throws {
    let folder = try Self.folder(with: "one")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 10)
    try "three".write(toFile: path, atomically: false, encoding: .utf8)
    let start = Date(timeIntervalSinceReferenceDate: 0)
    let first = watcher.poll(now: start)
    let tooSoon = watcher.poll(now: start.addingTimeInterval(5))
    let second = watcher.poll(now: start.addingTimeInterval(10))
    #expect(first == nil)
    #expect(tooSoon == nil, "too soon: not even looked at, so the change is not confirmed")
    #expect(second == .changed)
  }

  @Test func markLoadedForgetsAChangeAlreadyRead() throws {
    let folder = try Self.folder(with: "one")
    let path = folder.file("data.json")
    var watcher = FileWatcher(path: path, interval: 1)
    var clock = Clock()
    try "one, two".write(toFile: path, atomically: false, encoding: .utf8)
    watcher.markLoaded()
    #expect(Self.pollsUntilReported(&watcher, &clock, polls: 5) == nil)
  }
}
