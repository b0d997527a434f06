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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "dumb"]
    env.merge(environment) { $1 }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    // stderr goes to a file and stdout to a pipe read to the end, so neither can fill up and block.
    let errorPath = NSTemporaryDirectory() + "digitrack-stderr-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let errData = FileManager.default.contents(atPath: errorPath) ?? Data()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData,
      killedBySignal: process.terminationReason == .uncaughtSignal)
  }

  /// Runs another program (kill, pgrep) and returns its standard output.
  public static func runProgram(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
