#if canImport(Glibc)
  import Glibc
#endif

/// A started child: its pid, the caller's ends of its pipes, and how to wait for it.
///
/// `ChildProcess.run` is the usual way in; `start` is for callers that talk to the child while it
/// runs (a pseudo-terminal's master side, say) and then call `wait`.
public final class RunningChild {
  public let pid: pid_t
  public let startedAt: Double
  /// The caller's ends of the pipes, -1 when the stream is not piped.
  public internal(set) var stdinPipe: Int32 = -1
  public internal(set) var stdoutPipe: Int32 = -1
  public internal(set) var stderrPipe: Int32 = -1
  private var finished: (status: Int32, usage: rusage, wall: Double)?
  /// The signal that ended the child, once it has ended by one; nil while running or after `exit`.
  public private(set) var endingSignal: Int32?

  init(pid: pid_t, startedAt: Double) {
    self.pid = pid
    self.startedAt = startedAt
  }

  deinit {
    for descriptor in [stdinPipe, stdoutPipe, stderrPipe] where descriptor >= 0 { close(descriptor) }
  }

  /// Sends `signal` to the child (SIGKILL unless said otherwise).
  public func kill(_ signal: Int32 = SIGKILL) {
    if finished == nil { _ = Glibc.kill(pid, signal) }
  }

  /// Waits for the child to end, for at most `timeout` seconds when given (then returns nil and
  /// leaves it running). Returns its status (exit code, or 128 + signal), rusage and wall time.
  public func wait(timeout: Double? = nil) -> (status: Int32, usage: rusage, wall: Double)? {
    if let finished { return finished }
    let deadline = timeout.map { monotonicSeconds() + $0 }
    var status: Int32 = 0
    var usage = rusage()
    while true {
      let result = wait4(pid, &status, deadline == nil ? 0 : WNOHANG, &usage)
      if result == pid { break }
      if result < 0, errno != EINTR { return nil }
      if let deadline {
        if monotonicSeconds() >= deadline { return nil }
        var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
        nanosleep(&pause, nil)
      }
    }
    let wall = monotonicSeconds() - startedAt
    let exited = (status & 0x7F) == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    endingSignal = exited ? nil : status & 0x7F
    finished = (code, usage, wall)
    return finished
  }
}

public enum ChildProcess {
  /// Starts `command`, feeds its stdin, captures what it prints, enforces the timeout, and waits.
  public static func run(_ command: ChildCommand) throws -> ChildOutcome {
    let child = try start(command)
    var input: [UInt8] = []
    if case .bytes(let bytes) = command.stdin { input = bytes }
    let deadline = command.timeout.map { child.startedAt + $0 }
    let (stdout, stderr, timedOut) = pump(child, input: input, deadline: deadline)
    var ended = child.wait(timeout: deadline.map { max(0, $0 - monotonicSeconds()) })
    var killed = timedOut
    if ended == nil {
      child.kill()
      killed = true
      ended = child.wait()
    }
    guard let ended else { throw ChildError(description: "cannot wait for \(command.executable)") }
    return ChildOutcome(
      status: ended.status, signal: child.endingSignal, timedOut: killed, stdout: stdout, stderr: stderr,
      wall: ended.wall,
      peakRSS: Int(ended.usage.ru_maxrss) * 1024, userTime: seconds(ended.usage.ru_utime),
      systemTime: seconds(ended.usage.ru_stime))
  }

  /// Writes `input` and reads stdout and stderr together with poll, so that no pipe can fill up
  /// and block the child. Kills the child at `deadline`.
  private static func pump(_ child: RunningChild, input: [UInt8], deadline: Double?) -> (
    [UInt8], [UInt8], Bool
  ) {
    var written = 0
    var outputs: [[UInt8]] = [[], []]
    var chunk = [UInt8](repeating: 0, count: 65536)
    if child.stdinPipe >= 0, input.isEmpty {
      close(child.stdinPipe)
      child.stdinPipe = -1
    }
    while child.stdinPipe >= 0 || child.stdoutPipe >= 0 || child.stderrPipe >= 0 {
      var fds = [
        pollfd(fd: child.stdinPipe, events: Int16(POLLOUT), revents: 0),
        pollfd(fd: child.stdoutPipe, events: Int16(POLLIN), revents: 0),
        pollfd(fd: child.stderrPipe, events: Int16(POLLIN), revents: 0),
      ]
      var wait: Int32 = -1
      if let deadline {
        let left = deadline - monotonicSeconds()
        if left <= 0 {
          child.kill()
          return (outputs[0], outputs[1], true)
        }
        wait = Int32(min(left * 1000 + 1, 60_000))
      }
      if poll(&fds, 3, wait) < 0 {
        if errno == EINTR { continue }
        break
      }
      if child.stdinPipe >= 0, fds[0].revents != 0 {
        let count = input[written...].withUnsafeBytes { write(child.stdinPipe, $0.baseAddress, $0.count) }
        if count > 0 { written += count }
        if count < 0 && errno != EINTR && errno != EAGAIN || written == input.count {
          close(child.stdinPipe)
          child.stdinPipe = -1
        }
      }
      for (index, descriptor) in [child.stdoutPipe, child.stderrPipe].enumerated()
      where descriptor >= 0 && fds[index + 1].revents != 0 {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR || errno == EAGAIN { continue }
        if count <= 0 {
          close(descriptor)
          if index == 0 { child.stdoutPipe = -1 } else { child.stderrPipe = -1 }
        } else {
          outputs[index] += chunk.prefix(count)
        }
      }
    }
    return (outputs[0], outputs[1], false)
  }

  private static func seconds(_ value: timeval) -> Double {
    Double(value.tv_sec) + Double(value.tv_usec) / 1e6
  }
}
