import ChildProcess
import Foundation

/// Runs a program with its output in a file: for tmux, whose server keeps any pipe it inherits
/// open, so reading a pipe to its end would wait for the server to quit.
///
/// The spawning itself is `ChildProcess`, shared with `bench`: nothing is inherited but the three
/// standard streams, and the child starts with no signal blocked (test threads block most, and a
/// terminal program started with SIGWINCH blocked would never see a resize).
public enum Spawn {
  /// The program's exit status (128 + N after signal N), or -1 when it cannot be started.
  public static func run(_ path: String, _ arguments: [String], environment: [String: String], outputPath: String)
    -> Int32
  {
    let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard output >= 0 else { return -1 }
    defer { close(output) }
    let command = ChildCommand(
      path, arguments, environment: environment, stdin: .null, stdout: .descriptor(output), stderr: .null)
    return (try? ChildProcess.run(command))?.status ?? -1
  }
}
