import ChildProcess
import DigiTrackModel
import FoundationEssentials
import Glibc

/// Runs children one at a time and keeps the median wall time and peak RSS of each.
///
/// Linux starts a child's peak RSS (wait4's ru_maxrss) at the size of the process that exec'd
/// it, so a child started by the bench itself would report at least the bench's own peak. Each
/// child is therefore started by `digitrack-measure`, a C spawner built next to this binary,
/// which reads the child's own peak (VmHWM at its exit, see its main.c) and prints it with the
/// status and wall time. Without it (a binary copied on its own), children are started directly
/// and their RSS is an upper bound, as the bench says.
struct ChildMeasurer {
  struct Measurement {
    /// Median wall time, seconds.
    var wall: Double
    /// Median peak resident set, bytes.
    var peakRSS: Int
    var failures: Int
    /// Median CPU time (user + system), seconds: on a loaded machine it moves far less than the
    /// wall time, which includes waiting for a core.
    var cpu: Double = 0
  }

  /// `digitrack-measure`, or nil when it was not built next to this binary.
  let spawner: String? = Machine.sibling("digitrack-measure")
  /// "hwm" when the spawner could trace its children, "rusage" otherwise (see main.c).
  private(set) var peakSource = "rusage"

  init() {
    guard let spawner else { return }
    let probe = ChildCommand(spawner, ["--", findExecutable("true") ?? "/bin/true"], stderr: .null, timeout: 10)
    if let outcome = try? ChildProcess.run(probe), outcome.stdoutText.contains("hwm") { peakSource = "hwm" }
  }

  /// What the peak RSS figures are, for the bench's header.
  var describe: String {
    guard let spawner else {
      return "children: started by this process; their peak RSS includes its own (digitrack-measure not found)"
    }
    return peakSource == "hwm"
      ? "children: started by \(spawner); peak RSS = the child's own VmHWM at its exit"
      : "children: started by \(spawner); peak RSS = wait4's ru_maxrss (tracing not allowed here: at least the spawner's size)"
  }

  func measure(_ executable: String, _ arguments: [String], runs: Int) -> Measurement {
    var walls: [Double] = []
    var peaks: [Double] = []
    var cpus: [Double] = []
    var failures = 0
    for _ in 0..<runs {
      guard let run = once(executable, arguments) else {
        failures += 1
        continue
      }
      if run.status != 0 { failures += 1 }
      walls.append(run.wall)
      peaks.append(Double(run.peakRSS))
      cpus.append(run.cpu)
    }
    return Measurement(
      wall: Timing.median(walls), peakRSS: Int(Timing.median(peaks)), failures: failures, cpu: Timing.median(cpus))
  }

  /// Each command once per round, `runs` rounds, the first of each round turning: a slow spell of
  /// the machine then falls on every command alike, which measuring one command's runs in a row
  /// and then the next's did not (a ratio moved by a third from one bench run to the next).
  func measureAlternated(_ commands: [(executable: String, arguments: [String])], runs: Int) -> [Measurement] {
    var rounds: [[Measurement]] = Array(repeating: [], count: commands.count)
    for round in 0..<runs {
      for step in commands.indices {
        let index = (round + step) % commands.count
        rounds[index].append(measure(commands[index].executable, commands[index].arguments, runs: 1))
      }
    }
    return rounds.map { runs in
      let measured = runs.filter { $0.failures == 0 }
      return Measurement(
        wall: Timing.median(measured.map(\.wall)), peakRSS: Int(Timing.median(measured.map { Double($0.peakRSS) })),
        failures: runs.count - measured.count, cpu: Timing.median(measured.map(\.cpu)))
    }
  }

  private func once(_ executable: String, _ arguments: [String]) -> (
    status: Int32, wall: Double, peakRSS: Int, cpu: Double
  )? {
    guard let spawner else {
      let command = ChildCommand(executable, arguments, stdout: .null, stderr: .null)
      return (try? ChildProcess.run(command)).map { ($0.status, $0.wall, $0.peakRSS, $0.userTime + $0.systemTime) }
    }
    let command = ChildCommand(spawner, ["--", executable] + arguments, stderr: .null)
    guard let outcome = try? ChildProcess.run(command), outcome.status == 0 else { return nil }
    let fields = outcome.stdoutText.split(whereSeparator: \.isWhitespace)
    guard fields.count >= 3, let status = Int32(fields[0]), let wall = Double(fields[1]),
      let peak = Int(fields[2])
    else { return nil }
    // main.c prints the child's user and system time after its peak.
    let cpu = fields.count >= 5 ? (Double(fields[3]) ?? 0) + (Double(fields[4]) ?? 0) : 0
    return (status, wall, peak, cpu)
  }
}

/// The Python baseline: CPython's `json.load`, started directly with -S.
///
/// The `python3` on PATH may be a shim (pyenv's is a bash script, and its site imports more
/// modules), which once cost 155 ms before json.load started. So the found `python3` is asked for
/// `sys.executable` once, and that interpreter is started with -S (no site).
struct PythonBaseline {
  /// What PATH found.
  var found: String
  /// What the bench starts.
  var interpreter: String
  var version: String

  static func resolve() -> PythonBaseline? {
    guard let found = findExecutable("python3") else { return nil }
    let ask = ChildCommand(found, ["-c", "import sys; print(sys.executable)"], stderr: .null, timeout: 30)
    var interpreter = found
    if let outcome = try? ChildProcess.run(ask), outcome.status == 0 {
      let path = outcome.stdoutText.trimmingWhitespace()
      if !path.isEmpty, access(path, X_OK) == 0 { interpreter = path }
    }
    let versionCommand = ChildCommand(
      interpreter, ["-S", "-c", "import sys; print(sys.version.split()[0])"], stderr: .null, timeout: 30)
    let version = (try? ChildProcess.run(versionCommand))?.stdoutText
      .trimmingWhitespace()
    return PythonBaseline(found: found, interpreter: interpreter, version: version ?? "?")
  }

  func arguments(_ file: String) -> [String] {
    ["-S", "-c", "import json,sys; json.load(open(sys.argv[1],'rb'))", file]
  }

  var describe: String {
    let via = found == interpreter ? "" : " (resolved from \(found) through sys.executable)"
    return "python: \(interpreter) \(version), started with -S\(via)"
  }
}
