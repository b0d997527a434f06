import Foundation
import TestSupport
import Testing

@testable import DigiTrackTerminal

/// `--data DIR`: the watcher on a folder notices a part file added, removed or rewritten in
/// place, and ignores files that are not parts.
@Suite struct FolderWatcherTests {
  @Test func addedRemovedAndRewrittenPartsAreChanges() throws {
    let folder = try TemporaryFolder("folder-watcher")
    try "{}".write(toFile: folder.file("a.json"), atomically: false, encoding: .utf8)
    var watcher = FileWatcher(path: folder.path)
    var clock = FileWatcherTests.Clock()
    #expect(FileWatcherTests.pollsUntilReported(&watcher, &clock) == nil, "nothing changed yet")
    try "x".write(toFile: folder.file("notes.txt"), atomically: false, encoding: .utf8)
    let before = FileWatcher.partsDigest(folder.path)
    #expect(before == FileWatcher.partsDigest(folder.path))
    try "a;b".write(toFile: folder.file("lang-son.csv"), atomically: false, encoding: .utf8)
    #expect(FileWatcherTests.pollsUntilReported(&watcher, &clock) != nil, "a file added")
    try FileManager.default.removeItem(atPath: folder.file("lang-son.csv"))
    #expect(FileWatcherTests.pollsUntilReported(&watcher, &clock) != nil, "a file removed")
    #expect(FileWatcher.partsDigest(folder.path) == before, "a .txt file is not a part")
    // Rewritten in place with another size: the folder's own metadata does not change.
    let handle = try #require(FileHandle(forWritingAtPath: folder.file("a.json")))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" ".utf8))
    try handle.close()
    #expect(FileWatcherTests.pollsUntilReported(&watcher, &clock) != nil, "a part rewritten in place")
  }
}
