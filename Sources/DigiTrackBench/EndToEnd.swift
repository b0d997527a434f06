import ChildProcess
import DigiTrackModel
import FoundationEssentials
import Glibc

/// Our binary, the simdjson floor and Python on the same file, as child processes.
struct EndToEndResult {
  var label: String
  var fileSize: Int
  /// export --view matrix --width 200 -o /dev/null
  var ours: ChildMeasurer.Measurement
  /// validate FILE
  var validate: ChildMeasurer.Measurement
  /// export --view province (the largest) --width 200 -o /dev/null
  var province: ChildMeasurer.Measurement?
  var floor: ChildMeasurer.Measurement?
  var python: ChildMeasurer.Measurement?

  var failed: Bool {
    ours.failures + validate.failures + (province?.failures ?? 0) + (floor?.failures ?? 0) + (python?.failures ?? 0) > 0
  }

  static func measure(
    _ input: BenchInput, province: String?, floor: String?, python: PythonBaseline?, measurer: ChildMeasurer,
    runs: Int
  ) -> EndToEndResult {
    let ours = Machine.executablePath()
    // Alternated run by run (`measureAlternated`), so that a slow spell of the machine hits every side alike.
    var commands: [(executable: String, arguments: [String])] = [
      (ours, ["export", "--data", input.path, "--view", "matrix", "--width", "200", "-o", "/dev/null"]),
      (ours, ["validate", input.path]),
    ]
    /// Adds a command and gives its place in the results.
    func adding(_ executable: String, _ arguments: [String]) -> Int {
      commands.append((executable, arguments))
      return commands.count - 1
    }
    let provinceIndex = province.map {
      adding(
        ours,
        ["export", "--data", input.path, "--view", "province", "--province", $0, "--width", "200", "-o", "/dev/null"])
    }
    let floorIndex = floor.map { adding($0, [input.path]) }
    let pythonIndex = python.map { adding($0.interpreter, $0.arguments(input.path)) }
    let measured = measurer.measureAlternated(commands, runs: runs)
    let export = measured[0]
    let validate = measured[1]
    let provinceRun = provinceIndex.map { measured[$0] }
    let floorRun = floorIndex.map { measured[$0] }
    let pythonRun = pythonIndex.map { measured[$0] }
    return EndToEndResult(
      label: input.label, fileSize: Format.fileSize(input.path), ours: export, validate: validate,
      province: provinceRun, floor: floorRun,
      python: pythonRun)
  }

  static func table(_ results: [EndToEndResult]) -> TextTable {
    var table = TextTable([
      "data", "ours", "floor", "python", "ours/floor", "ours/python", "ours RSS", "floor RSS", "python RSS",
      "RSS ours/floor", "RSS ours/python",
    ])
    for result in results {
      let ours = result.ours
      let rss = Double(ours.peakRSS)
      table.add([
        result.label, Format.duration(ours.wall), result.floor.map { Format.duration($0.wall) } ?? "-",
        result.python.map { Format.duration($0.wall) } ?? "-",
        Format.ratio(ours.wall, result.floor?.wall), Format.ratio(ours.wall, result.python?.wall),
        Format.bytes(ours.peakRSS), result.floor.map { Format.bytes($0.peakRSS) } ?? "-",
        result.python.map { Format.bytes($0.peakRSS) } ?? "-",
        Format.ratio(rss, result.floor.map { Double($0.peakRSS) }),
        Format.ratio(rss, result.python.map { Double($0.peakRSS) }),
      ])
    }
    return table
  }

  /// The province text export against the matrix one, both as children.
  static func viewTable(_ results: [EndToEndResult]) -> TextTable {
    var table = TextTable(["data", "matrix export", "province export", "province/matrix"])
    for result in results {
      table.add([
        result.label, Format.duration(result.ours.wall), result.province.map { Format.duration($0.wall) } ?? "-",
        Format.ratio(result.province?.wall ?? .nan, result.ours.wall),
      ])
    }
    return table
  }

  /// Our binary by stage: start (--version), load (validate), load + aggregate + render (export).
  static func stageTable(_ results: [EndToEndResult], startup: ChildMeasurer.Measurement) -> TextTable {
    var table = TextTable([
      "data", "start", "load", "load+aggregate+render", "start RSS", "load RSS", "export RSS",
      "(export − start RSS) / file",
    ])
    for result in results {
      let overStart = Double(result.ours.peakRSS - startup.peakRSS)
      table.add([
        result.label, Format.duration(startup.wall), Format.duration(result.validate.wall),
        Format.duration(result.ours.wall), Format.bytes(startup.peakRSS), Format.bytes(result.validate.peakRSS),
        Format.bytes(result.ours.peakRSS), Format.ratio(overStart, Double(result.fileSize)),
      ])
    }
    return table
  }
}

/// The simdjson On-Demand floor (`digitrack-floor`): what it found in a file and the kernel it
/// was compiled for, from one direct run.
struct FloorProbe {
  var path: String
  var report: String

  static func probe(_ input: BenchInput) -> FloorProbe? {
    guard let path = Machine.sibling("digitrack-floor") else { return nil }
    let command = ChildCommand(path, [input.path], timeout: 120)
    guard let outcome = try? ChildProcess.run(command), outcome.status == 0 else {
      return FloorProbe(path: path, report: "failed on \(input.label)")
    }
    return FloorProbe(path: path, report: outcome.stdoutText.trimmingWhitespace())
  }
}

/// Start-up: `--version` against `true`, a C program, through the same spawner.
struct StartupResult {
  var ours: ChildMeasurer.Measurement
  var cProgram: ChildMeasurer.Measurement
  var cPath: String

  static func measure(measurer: ChildMeasurer, runs: Int) -> StartupResult {
    let truePath = findExecutable("true") ?? "/bin/true"
    // Alternated run by run, so that both see the same machine.
    var ours: [ChildMeasurer.Measurement] = []
    var cProgram: [ChildMeasurer.Measurement] = []
    for _ in 0..<max(runs, 5) {
      cProgram.append(measurer.measure(truePath, [], runs: 1))
      ours.append(measurer.measure(Machine.executablePath(), ["--version"], runs: 1))
    }
    return StartupResult(ours: combine(ours), cProgram: combine(cProgram), cPath: truePath)
  }

  private static func combine(_ runs: [ChildMeasurer.Measurement]) -> ChildMeasurer.Measurement {
    ChildMeasurer.Measurement(
      wall: Timing.median(runs.map(\.wall)), peakRSS: Int(Timing.median(runs.map { Double($0.peakRSS) })),
      failures: runs.reduce(0) { $0 + $1.failures }, cpu: Timing.median(runs.map(\.cpu)))
  }

  var table: TextTable {
    // CPU time (user + system) as well: the wall time of a start this short is mostly waiting for
    // a core when the machine is busy, the CPU time much less so.
    var table = TextTable(["program", "wall", "CPU", "peak RSS", "wall over true", "CPU over true", "RSS over true"])
    table.add([
      "\(cPath) (C)", Format.duration(cProgram.wall), Format.duration(cProgram.cpu), Format.bytes(cProgram.peakRSS),
      "-", "-", "-",
    ])
    table.add([
      "digitrack-tui --version", Format.duration(ours.wall), Format.duration(ours.cpu), Format.bytes(ours.peakRSS),
      Format.duration(max(0, ours.wall - cProgram.wall)), Format.duration(max(0, ours.cpu - cProgram.cpu)),
      Format.bytes(max(0, ours.peakRSS - cProgram.peakRSS)),
    ])
    return table
  }
}
