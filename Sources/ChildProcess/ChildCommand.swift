#if canImport(Glibc)
  import Glibc
#endif

/// What to start and how to connect it: the program, its arguments and environment, and where
/// its standard streams go.
///
/// Shared by `bench` (which times children and reads their peak memory) and the end-to-end tests
/// (which run the binary with a pinned environment and read its output), so both start programs
/// the same way: posix_spawn, no descriptors inherited but the three streams, no signals blocked.
public struct ChildCommand: Sendable {
  /// Where a child's standard input comes from.
  public enum Input: Sendable {
    case null
    /// Written to a pipe, then the pipe is closed.
    case bytes([UInt8])
    /// An open descriptor of the caller (a pseudo-terminal's slave side, say); not closed.
    case descriptor(Int32)
  }

  /// Where a child's standard output or error goes.
  public enum Output: Sendable {
    case null
    /// Read into `ChildOutcome.stdout` / `stderr` until the pipe closes. A daemon the child leaves
    /// behind with the pipe open (tmux's server, say) keeps `run` reading until the timeout:
    /// give such a child `.null` or a descriptor of a file.
    case capture
    /// An open descriptor of the caller; not closed.
    case descriptor(Int32)
  }

  /// An absolute path, or a name looked up on PATH when it has no slash.
  public var executable: String
  public var arguments: [String]
  /// The child's whole environment; nil inherits this process's.
  public var environment: [String: String]?
  public var stdin: Input
  public var stdout: Output
  public var stderr: Output
  /// The child's working directory; nil keeps this process's.
  public var workingDirectory: String?
  /// Seconds after which the child is killed (SIGKILL) and `timedOut` is set; nil waits forever.
  public var timeout: Double?
  /// Starts the child as the leader of a new session, without a controlling terminal: what a
  /// program on a pseudo-terminal needs so that it does not take over the caller's terminal.
  public var newSession: Bool

  public init(
    _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
    workingDirectory: String? = nil, stdin: Input = .null, stdout: Output = .capture, stderr: Output = .capture,
    timeout: Double? = nil, newSession: Bool = false
  ) {
    self.workingDirectory = workingDirectory
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.stdin = stdin
    self.stdout = stdout
    self.stderr = stderr
    self.timeout = timeout
    self.newSession = newSession
  }
}

/// How a child ended, what it printed, and what it cost.
public struct ChildOutcome: Sendable {
  /// The exit code, or 128 + N when signal N ended it (as a shell reports it).
  public var status: Int32
  /// The signal that ended the child (a trap is SIGILL, 4), or nil when it called `exit`.
  public var signal: Int32?
  /// True when `timeout` passed and the child was killed.
  public var timedOut: Bool
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  /// Seconds from just before posix_spawn to wait4 returning.
  public var wall: Double
  /// Peak resident set, bytes (wait4's ru_maxrss). Linux starts a child's ru_maxrss at the size
  /// of the process that exec'd it, so a large parent inflates it: `bench` measures memory
  /// through a C spawner (`digitrack-measure`) that reads the child's own peak instead.
  public var peakRSS: Int
  /// CPU seconds in user and kernel mode.
  public var userTime: Double
  public var systemTime: Double

  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Why a child could not be started.
public struct ChildError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// A monotonic clock in seconds, the one every timing here uses.
public func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The first executable `name` on PATH (or in `path`), or nil.
public func findExecutable(_ name: String, path: String? = nil) -> String? {
  if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
  let search = path ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
  for folder in search.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if access(candidate, X_OK) == 0 { return candidate }
  }
  return nil
}
