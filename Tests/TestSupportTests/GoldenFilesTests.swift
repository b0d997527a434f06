import Foundation
import TestSupport
import Testing

/// The golden helper itself: a check can fail, a recording run always fails, and a file that
/// cannot be written is an error.
@Suite struct GoldenFilesTests {
  @Test func aMatchingGoldenPasses() throws {
    let folder = try TemporaryFolder("goldens")
    try "one\ntwo\n".write(toFile: folder.file("a.txt"), atomically: true, encoding: .utf8)
    GoldenFiles(folder: folder.url, recording: false).check("one\ntwo\n", "a.txt")
  }

  @Test func aDifferentGoldenFailsWithTheChangedLines() throws {
    let folder = try TemporaryFolder("goldens")
    try "one\ntwo\nthree\n".write(toFile: folder.file("a.txt"), atomically: true, encoding: .utf8)
    withKnownIssue {
      GoldenFiles(folder: folder.url, recording: false).check("one\n2\nthree\n", "a.txt")
    } matching: { issue in
      let text = String(describing: issue)
      return text.contains("- two") && text.contains("+ 2")
    }
  }

  @Test func aMissingGoldenFails() throws {
    let folder = try TemporaryFolder("goldens")
    withKnownIssue {
      GoldenFiles(folder: folder.url, recording: false).check("x", "missing.txt")
    } matching: {
      String(describing: $0).contains("missing golden")
    }
  }

  @Test func recordingWritesTheFileAndFailsWithTheDiff() throws {
    let folder = try TemporaryFolder("goldens")
    try "old\n".write(toFile: folder.file("a.txt"), atomically: true, encoding: .utf8)
    withKnownIssue {
      GoldenFiles(folder: folder.url, recording: true).check("new\n", "a.txt")
    } matching: { issue in
      let text = String(describing: issue)
      return text.contains("rewrote a.txt") && text.contains("- old") && text.contains("+ new")
    }
    #expect(try String(contentsOfFile: folder.file("a.txt"), encoding: .utf8) == "new\n")
  }

  @Test func recordingAnUnchangedGoldenStillFails() throws {
    let folder = try TemporaryFolder("goldens")
    try "same\n".write(toFile: folder.file("a.txt"), atomically: true, encoding: .utf8)
    withKnownIssue {
      GoldenFiles(folder: folder.url, recording: true).check("same\n", "a.txt")
    } matching: {
      String(describing: $0).contains("unchanged")
    }
  }

  @Test func aWriteErrorIsAnError() throws {
    let folder = try TemporaryFolder("goldens")
    // A regular file where the goldens folder should be: nothing can be written under it.
    try "".write(toFile: folder.file("blocked"), atomically: true, encoding: .utf8)
    let goldens = GoldenFiles(folder: folder.url.appendingPathComponent("blocked"), recording: true)
    withKnownIssue {
      goldens.check("text", "a.txt")
    } matching: {
      String(describing: $0).contains("cannot write")
    }
  }

  @Test func theDiffShowsOnlyChangesWithContext() {
    let old = (1...20).map(String.init).joined(separator: "\n")
    let new = old.replacingOccurrences(of: "\n10\n", with: "\nten\n")
    let diff = LineDiff.render(from: old, to: new)
    #expect(
      diff.split(separator: "\n") == ["@@ old line 8, new line 8 @@", "  8", "  9", "- 10", "+ ten", "  11", "  12"])
    #expect(LineDiff.render(from: "a\nb", to: "a\nb\nc").hasSuffix("+ c"))
  }
}
