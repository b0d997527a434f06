import DigiTrackModel
import FoundationEssentials
import Glibc

/// What `digitrack-tui bench` was asked to measure.
public struct BenchSettings: Sendable {
  /// Multiples of the national data (3321 communes) to generate.
  public var scales: [Int]
  /// A file to measure instead of generated data.
  public var dataFile: String?
  public var runs: Int
  public var keys: Int
  /// Also time Foundation's JSONDecoder (FoundationEssentials) reading the files into plain values.
  public var parsers: Bool
  /// Tiny data, one run, few keys: a smoke test, not a measurement.
  public var quick: Bool
  /// Only the key-to-frame section: for profiling it (under callgrind, say) without the rest.
  public var keysOnly: Bool

  public init(
    scales: [Int], dataFile: String?, runs: Int, keys: Int, parsers: Bool, quick: Bool, keysOnly: Bool = false
  ) {
    self.scales = scales
    self.dataFile = dataFile
    self.runs = quick ? 1 : runs
    self.keys = quick ? 20 : keys
    self.parsers = parsers
    self.quick = quick
    self.keysOnly = keysOnly
  }
}

public enum BenchError: Error, CustomStringConvertible {
  /// The data cannot be loaded: the loader's message, as `validate` prints it.
  case invalidData(String)
  case cannotWrite(String)
  case terminal(String)

  public var description: String {
    switch self {
    case .invalidData(let message): message
    case .cannotWrite(let path): "cannot write \(path)"
    case .terminal(let message): "pseudo-terminal: \(message)"
    }
  }
}

/// The benchmark: every section in one run, so that every figure and its baselines come from
/// the same machine at the same time.
public enum Bench {
  public static func run(_ settings: BenchSettings) throws {
    let folder = PathText.temporaryFolder() + "digitrack-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let inputs = try BenchInput.prepare(settings, folder: folder)
    let runs = settings.runs
    let plural = runs == 1 ? "" : "s"
    let out = BenchOutput()
    out.line(
      "DigiTrack benchmark: "
        + (settings.quick ? "--quick (one run on tiny data; not a measurement)" : "medians of \(runs) runs"))
    out.line("machine: \(Machine.describe()), Linux \(Machine.kernelRelease)")
    out.line("simdjson kernel (ours, chosen at run time): \(Machine.simdjsonKernel)")
    out.line("binary: \(Machine.executablePath())")
    if settings.keysOnly {
      try keyToFrame(inputs, settings: settings, out: out)
      return
    }
    let measurer = ChildMeasurer()
    let python = PythonBaseline.resolve()
    let floor = inputs.first.flatMap(FloorProbe.probe)
    out.line(python?.describe ?? "python: python3 not found on PATH: Python's times and ratios are skipped")
    out.line(
      floor.map { "floor: \($0.path): \($0.report) (\(inputs[0].label))" }
        ?? "floor: digitrack-floor not built next to this binary: the floor's times and ratios are skipped")
    out.line(measurer.describe)

    out.heading("Data")
    out.table(try BenchInput.table(inputs))

    out.heading("Stages (in process, median of \(runs) run\(plural))")
    let stages = try inputs.map { try StageResult.measure($0, runs: runs) }
    out.table(StageResult.table(stages))
    out.line("load = read + parse + decode + validate; the views are rendered as text at width 200")
    out.line("(province: the one with the most communes, every row, as export writes it)")

    out.heading("Start-up (child processes, median of \(max(runs, 5)) runs)")
    let startup = StartupResult.measure(measurer: measurer, runs: runs)
    out.table(startup.table)
    out.line("target: --version at most 3 ms and 6 MB over true")

    out.heading("End to end (child processes, median of \(runs) run\(plural))")
    let endToEnd = zip(inputs, stages).map { input, stage in
      EndToEndResult.measure(
        input, province: stage.largestProvince, floor: floor?.path, python: python, measurer: measurer, runs: runs)
    }
    out.table(EndToEndResult.table(endToEnd))
    out.line("ours = digitrack-tui export --data FILE --view matrix --width 200 -o /dev/null")
    out.line("floor = digitrack-floor FILE: simdjson On-Demand, parse and walk every report and commune status")
    out.line("python = PYTHON -S -c \"import json,sys; json.load(open(sys.argv[1],'rb'))\" FILE")
    out.line("targets: ours/floor ≤ 1.25 from 10× up; ours/python ≤ 0.25 at 1×; peak RSS from wait4")
    out.line("")
    out.line("By stage, our binary as a child (wall, peak RSS): start = --version, load = validate FILE:")
    out.table(EndToEndResult.stageTable(endToEnd, startup: startup.ours))
    out.line("target: export RSS at most 2× the file over the start-up RSS")
    out.line("")
    out.line("The province view's text export (the province with the most communes) against the matrix's:")
    out.table(EndToEndResult.viewTable(endToEnd))
    out.line("target: province/matrix ≤ 1.2")
    for result in endToEnd where result.failed {
      out.line("warning: \(result.label): child run(s) failed")
    }

    if let national = inputs.first {
      out.heading("Import (forms of every province against the same data as JSON)")
      ImportBench.measure(national, folder: folder, measurer: measurer, runs: runs, out: out)
    }

    out.heading("Growth (each scale against the first)")
    out.table(Growth.table(stages: stages, endToEnd: endToEnd, startup: startup.ours))
    if let first = inputs.first?.communes, inputs.count > 1 {
      let factors = inputs.compactMap { $0.communes.map { Format.ratio(Double($0) / Double(first)) } }
      out.line("communes grow \(factors.joined(separator: " → ")); linear growth keeps each × column near that")
      out.line("(\"load in a child\" = validate − start, both cold, is the fair growth figure for load)")
    }

    try keyToFrame(inputs, settings: settings, out: out)
    try TimelineResult.section(settings, folder: folder, out: out)

    out.heading("First frame (the binary on a 200×60 pseudo-terminal, median of \(runs) run\(plural))")
    var firstFrames = [
      FirstFrameResult.measure(label: "demo", arguments: [], home: folder, runs: runs)
    ]
    for input in inputs {
      firstFrames.append(
        FirstFrameResult.measure(label: input.label, arguments: ["--data", input.path], home: folder, runs: runs))
    }
    out.table(FirstFrameResult.table(firstFrames))
    out.line(
      "from just before exec to the last byte of the first screen (then \(FirstFrameResult.quiet) s quiet), TERM=xterm-256color"
    )
    out.line("targets: 40 ms at 10×, 100 ms at 30×")
    for result in firstFrames where result.failures > 0 {
      out.line("warning: \(result.label): \(result.failures) first-frame run(s) failed")
    }

    if settings.parsers {
      out.heading("Parsers (whole file, in process, median of \(runs) run\(plural))")
      out.table(Parsers.table(inputs, stages: stages, runs: runs))
      out.line("DigiTrack load validates every rule; JSONDecoder only parses into plain values")
    }
  }

  /// The key-to-frame section: on its own with `--keys-only`.
  private static func keyToFrame(_ inputs: [BenchInput], settings: BenchSettings, out: BenchOutput) throws {
    out.heading("Key to frame (ncurses on a 200×60 pseudo-terminal, \(settings.keys) moves)")
    var keyResults: [KeyResult] = []
    for input in inputs {
      keyResults.append(try KeyResult.measure(input.load(), label: input.label, keys: settings.keys))
    }
    out.table(KeyResult.table(keyResults))
    out.line("each key: from wget_wch returning the key typed into the pty to the frame written to the pty (decode,")
    out.line("update, render, compare with the frame on screen, the changed rows' bytes made from terminfo and")
    out.line("written), medians and p99; the wait for the key inside wget_wch is not included;")
    out.line("move = Down/Up through the overview; Enter opens a province, Esc goes back; Tab = overview ↔ matrix")
    out.line("targets: move ≤ 1 ms, Enter, Esc and Tab ≤ 1.5 ms (medians)")
    out.line("")
    out.line("Of which the paint alone (compare with the frame on screen, make the bytes, write them), medians:")
    out.table(KeyResult.paintTable(keyResults))
  }
}
