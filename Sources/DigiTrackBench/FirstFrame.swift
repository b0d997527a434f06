import ChildProcess
import FoundationEssentials
import Glibc

/// First frame: the real binary started on a 200×60 pseudo-terminal, timed from just before
/// exec to the last byte of its first screen.
///
/// The dashboard writes nothing once its first frame is up (an idle dashboard costs nothing),
/// so the frame has ended when the output has been quiet for `quiet` seconds; the time is that
/// of the last byte before the quiet, read as it arrives. Then `q` quits it.
struct FirstFrameResult {
  static let quiet = 0.3

  var label: String
  var median: Double
  /// Bytes of the first screen (median).
  var bytes: Int
  var failures: Int

  static func measure(label: String, arguments: [String], home: String, runs: Int) -> FirstFrameResult {
    var times: [Double] = []
    var sizes: [Double] = []
    var failures = 0
    for _ in 0..<runs {
      if let run = try? once(arguments, home: home) {
        times.append(run.seconds)
        sizes.append(Double(run.bytes))
      } else {
        failures += 1
      }
    }
    return FirstFrameResult(
      label: label, median: Timing.median(times), bytes: Int(Timing.median(sizes)), failures: failures)
  }

  private static func once(_ arguments: [String], home: String) throws -> (seconds: Double, bytes: Int)? {
    let terminal = try PseudoTerminal(width: KeyResult.width, height: KeyResult.height)
    // No user configuration: HOME is the bench's empty temporary folder.
    let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "PATH": "/usr/bin:/bin"]
    let child = try ChildProcess.start(
      ChildCommand(
        Machine.executablePath(), arguments, environment: environment, stdin: .descriptor(terminal.slave),
        stdout: .descriptor(terminal.slave), stderr: .descriptor(terminal.slave), newSession: true))
    terminal.closeSlave()
    defer {
      child.kill()
      _ = child.wait()
    }
    var bytes = 0
    var lastByte = 0.0
    let giveUp = child.startedAt + 30
    while monotonicSeconds() < giveUp {
      guard let chunk = terminal.read(timeout: bytes == 0 ? 1 : quiet) else {
        if bytes > 0 { break }  // quiet after output: the frame is up
        continue
      }
      if chunk.isEmpty { return nil }  // the program ended before its frame
      lastByte = monotonicSeconds()
      bytes += chunk.count
    }
    guard bytes > 0 else { return nil }
    terminal.type(Array("q".utf8))
    while let chunk = terminal.read(timeout: 5), !chunk.isEmpty {}
    guard let ended = child.wait(timeout: 5), ended.status == 0 else { return nil }
    return (lastByte - child.startedAt, bytes)
  }

  static func table(_ results: [FirstFrameResult]) -> TextTable {
    var table = TextTable(["data", "first frame", "bytes"])
    for result in results {
      table.add([result.label, Format.duration(result.median), "\(result.bytes)"])
    }
    return table
  }
}
