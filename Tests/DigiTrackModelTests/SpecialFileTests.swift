import Foundation
import TestSupport
import Testing

@testable import DigiTrackModel

/// Only regular files are data files. A FIFO, a device or a socket is refused at once, with a
/// message that says what it is, instead of blocking forever in open(2) or read(2).
@Suite struct SpecialFileTests {
  /// Loads on another thread and gives up after `seconds`: a loader that blocks must fail the
  /// test, not hang the suite.
  func loadPromptly(_ path: String, seconds: Double = 5) -> Result<LoadedDataset, LoadError>? {
    final class Box: @unchecked Sendable { var result: Result<LoadedDataset, LoadError>? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    Thread {
      box.result = Result { () throws(LoadError) in try DatasetLoader().load(path: path, displayName: "x.json") }
      done.signal()
    }.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.result
  }

  func expectRefused(_ path: String, saying message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let result = loadPromptly(path) else {
      Issue.record("loading \(path) blocked", sourceLocation: sourceLocation)
      return
    }
    guard let error = result.failure() else {
      Issue.record("\(path) was accepted", sourceLocation: sourceLocation)
      return
    }
    #expect(error.kind == .unreadable, sourceLocation: sourceLocation)
    #expect(error.description == "x.json: error: \(message)", sourceLocation: sourceLocation)
  }

  @Test func aFIFOWithoutAWriterIsRefusedAtOnce() throws {
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    let path = folder.appendingPathComponent("pipe.json").path
    #expect(mkfifo(path, 0o600) == 0)
    expectRefused(path, saying: "is a FIFO (named pipe), not a regular file")
  }

  @Test func aLinkToAFIFOIsRefused() throws {
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    let fifo = folder.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let link = folder.appendingPathComponent("link.json").path
    #expect(symlink("pipe", link) == 0)
    expectRefused(link, saying: "is a FIFO (named pipe), not a regular file")
  }

  @Test func anEndlessCharacterDeviceIsRefused() {
    expectRefused("/dev/zero", saying: "is a character device, not a regular file")
    expectRefused("/dev/null", saying: "is a character device, not a regular file")
  }

  @Test func aSocketIsRefused() throws {
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    let path = folder.appendingPathComponent("s.json").path
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: Array(path.utf8) + [0])
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
    expectRefused(path, saying: "is a socket, not a regular file")
  }

  @Test func aDirectoryIsStillNamedAsOne() throws {
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    expectRefused(folder.path, saying: "is a directory, not a data file")
  }

  @Test func aLinkToARegularFileLoads() throws {
    let temporary = try TemporaryFolder("model")
    let folder = temporary.url
    let corpus = testSourceDirectory.appendingPathComponent("Corpus/valid-minimal.json").path
    let link = folder.appendingPathComponent("link.json").path
    #expect(symlink(corpus, link) == 0)
    let result = try #require(loadPromptly(link))
    #expect((try? result.get())?.dataset.provinces.isEmpty == false)
  }
}
