import ChildProcess
import Foundation

/// Runs the built `digitrack-tui` as a user would.
public enum Binary {
  /// The executable SwiftPM built next to this test bundle (or `DIGITRACK_BINARY`).
  public static let path: String = {
    if let override = ProcessInfo.processInfo.environment["DIGITRACK_BINARY"] { return override }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("digitrack-tui").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return "digitrack-tui"
  }()

  public struct Result {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutBytes: Data
    /// The program was killed by signal `status` (a trap is SIGILL, 4), not ended by `exit`.
    public var killedBySignal = false

    public init(status: Int32, stdout: String, stderr: String, stdoutBytes: Data, killedBySignal: Bool = false) {
      self.status = status
      self.stdout = stdout
      self.stderr = stderr
      self.stdoutBytes = stdoutBytes
      self.killedBySignal = killedBySignal
    }
  }

  /// Runs with a pinned environment: UTF-8 locale, no colour, no user config.
  @discardableResult
  public static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws
    -> Result
  {
    var env = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "dumb"]
    env.merge(environment) { $1 }
    // Both streams are read together (ChildProcess polls them), so neither can fill up and block.
    let outcome = try ChildProcess.run(ChildCommand(path, arguments, environment: env, workingDirectory: directory))
    return Result(
      status: outcome.signal ?? outcome.status, stdout: outcome.stdoutText, stderr: outcome.stderrText,
      stdoutBytes: Data(outcome.stdout), killedBySignal: outcome.signal != nil)
  }

  /// Runs another program (kill, pgrep) and returns its standard output.
  public static func runProgram(_ path: String, _ arguments: [String]) throws -> String {
    try ChildProcess.run(ChildCommand(path, arguments, stderr: .null)).stdoutText
  }
}
