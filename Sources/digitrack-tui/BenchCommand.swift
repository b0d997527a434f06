import ArgumentParser
import DigiTrackModel
import DigiTrackUI
import Foundation

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure loading, aggregation, rendering and key-to-frame time, and compare with Python.",
    discussion: """
      Generates synthetic data at each scale (1× is the national 34 provinces and 3321 communes, 40 criteria) in a temporary folder, or measures --data FILE, and prints medians:
        Stages       load (decode and validate), aggregate, render each view to text at width 200
        Growth       each stage and memory at every scale, as a ratio of the first scale
        Key to frame update and render at 200×60: moving the selection, opening a province (median, p99)
        End to end   this binary's `export --view matrix --width 200 -o /dev/null` and Python's json.load, as child processes: wall time, peak RSS, ratios
      Run it on a release build (swift build -c release). Timings depend on the machine; see docs/PERFORMANCE.md.

      Examples:
        digitrack-tui bench                          1× and 10×, 5 runs each
        digitrack-tui bench --scales 1,10,30 --runs 9
        digitrack-tui bench --data tinh.json
        digitrack-tui bench --parsers                also compare Foundation JSONSerialization and JSONDecoder
        digitrack-tui bench --quick                  tiny data, one run: checks that everything runs
      """,
    subcommands: [MeasureChild.self]
  )

  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp("Scales to generate, comma-separated (1 = national).", valueName: "list"))
  var scales: String = "1,10"

  @Option(name: .long, help: ArgumentHelp("Measure this data file instead of generated data.", valueName: "file"))
  var data: String?

  @Option(name: .long, help: ArgumentHelp("Runs of each stage; the median is printed (default 5).", valueName: "n"))
  var runs: Int = 5

  @Option(name: .long, help: ArgumentHelp("Key presses timed for key-to-frame (default 200).", valueName: "n"))
  var keys: Int = 200

  @Flag(name: .long, help: "Also time Foundation's JSONSerialization and JSONDecoder on the same files.")
  var parsers = false

  @Flag(name: .long, help: "Tiny data, one run, few keys: a smoke test, not a measurement.")
  var quick = false

  func validate() throws {
    guard (1...1000).contains(runs) else { throw ValidationError("--runs must be between 1 and 1000") }
    guard (1...100_000).contains(keys) else { throw ValidationError("--keys must be between 1 and 100000") }
    if data == nil, parsedScales == nil {
      throw ValidationError("--scales takes positive whole numbers separated by commas, e.g. 1,10,30")
    }
  }

  var parsedScales: [Int]? {
    let parts = scales.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 100 }) else { return nil }
    return parts.compactMap { $0 }
  }

  func run() throws {
    let runs = quick ? 1 : self.runs
    let keys = quick ? 20 : self.keys
    let folder = NSTemporaryDirectory() + "digitrack-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    var inputs: [BenchInput] = []
    if let data {
      inputs.append(BenchInput(label: (data as NSString).lastPathComponent, path: data, communes: nil))
    } else {
      for scale in quick ? [1] : (parsedScales ?? [1]) {
        // --quick: a tenth of the national data, so the smoke test takes a second.
        let communes = quick ? 332 : 3321 * scale
        let path = folder + "/x\(scale).json"
        let generator = SyntheticDataset(provinces: 34, communes: communes, criteria: 40, seed: 1)
        let bytes: [UInt8]
        do {
          bytes = try generator.json()
        } catch {
          throw ValidationError(error.description)
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
          throw ValidationError("cannot write \(path)")
        }
        inputs.append(BenchInput(label: quick ? "tiny" : "\(scale)×", path: path, communes: communes))
      }
    }

    let out = BenchOutput()
    out.line(
      "DigiTrack benchmark: \(quick ? "--quick (one run on tiny data; not a measurement)" : "medians of \(runs) runs")")
    out.line("machine: \(MachineInfo.describe())")
    out.line("binary: \(MachineInfo.executablePath())")

    out.heading("Data")
    var table = TextTable(["data", "provinces", "communes", "criteria", "file size"])
    var loadedData: [DashboardData] = []
    for input in inputs {
      let loaded = try loadOrFail(input)
      loadedData.append(loaded)
      let dataset = loaded.dataset
      let communes = dataset.snapshots.last?.reports.reduce(0) { $0 + ($1?.communes.units?.count ?? 0) } ?? 0
      table.add([
        input.label, "\(dataset.provinces.count)", "\(communes)", "\(dataset.plan.criteria.count)",
        Format.bytes(Format.fileSize(input.path)),
      ])
    }
    out.table(table)
    loadedData.removeAll()

    // Stages, in this process.
    out.heading("Stages (in process, median of \(runs) run\(runs == 1 ? "" : "s"))")
    var stageResults: [StageResult] = []
    for input in inputs {
      stageResults.append(try measureStages(input, runs: runs))
    }
    table = TextTable(["data", "load", "aggregate", "overview", "matrix", "province"])
    for result in stageResults {
      table.add([result.label] + result.times.map(Format.duration))
    }
    out.table(table)
    out.line("load = read + parse + decode + validate; the views are rendered as text at width 200")
    out.line("(province: the one with the most communes, every row, as export writes it)")

    // End to end: child processes.
    out.heading("End to end (child processes, median of \(runs) run\(runs == 1 ? "" : "s"))")
    let python = Children.findExecutable("python3")
    if python == nil { out.line("python3 not found on PATH: Python's times and the ratios are skipped") }
    let floor = Children.measure("/bin/true", [], runs: 1)
    let startup = Children.measure(MachineInfo.executablePath(), ["--version"], runs: runs)
    var endToEnd: [EndToEndResult] = []
    for input in inputs {
      endToEnd.append(measureEndToEnd(input, python: python, runs: runs))
    }
    table = TextTable(["data", "ours wall", "python wall", "wall ratio", "ours RSS", "python RSS", "RSS ratio"])
    for result in endToEnd {
      var row = [result.label, Format.duration(result.ours.wall)]
      if let py = result.python {
        row += [
          Format.duration(py.wall), Format.ratio(result.ours.wall / py.wall), Format.bytes(result.ours.peakRSS),
          Format.bytes(py.peakRSS), Format.ratio(Double(result.ours.peakRSS) / Double(max(1, py.peakRSS))),
        ]
      } else {
        row += ["-", "-", Format.bytes(result.ours.peakRSS), "-", "-"]
      }
      table.add(row)
    }
    out.table(table)
    out.line("ours = export --data FILE --view matrix --width 200 -o /dev/null")
    out.line("python = python3 -c \"import json,sys; json.load(open(sys.argv[1],'rb'))\" FILE")
    out.line("targets: wall ratio ≤ 0.25, RSS ratio ≤ 1.00 (peak RSS of each child, from wait4)")
    out.line("")
    out.line("By stage, our binary as a child (wall, peak RSS): start = --version, load = validate FILE:")
    table = TextTable(["data", "start", "load", "load+aggregate+render", "start RSS", "load RSS", "export RSS"])
    for result in endToEnd {
      table.add([
        result.label, Format.duration(startup.wall), Format.duration(result.validate.wall),
        Format.duration(result.ours.wall), Format.bytes(startup.peakRSS), Format.bytes(result.validate.peakRSS),
        Format.bytes(result.ours.peakRSS),
      ])
    }
    out.table(table)
    for result in endToEnd
    where result.ours.failures + result.validate.failures + (result.python?.failures ?? 0) > 0 {
      out.line("warning: \(result.label): child run(s) failed")
    }
    out.line(
      "children are started by a small copy of this binary (bench measure-child), so the parent's memory does not"
        + " count; a child smaller than \(Format.bytes(floor.peakRSS)) would show as that")

    // Growth.
    out.heading("Growth (each scale against the first)")
    table = TextTable(["stage"] + stageResults.flatMap { [$0.label, "×"] })
    let names = ["load", "aggregate", "render overview", "render matrix", "render province"]
    for (index, name) in names.enumerated() {
      var row = [name]
      for result in stageResults {
        row += [Format.duration(result.times[index]), Format.ratio(result.times[index] / stageResults[0].times[index])]
      }
      table.add(row)
    }
    func growthRow(_ name: String, _ values: [Double], _ show: (Double) -> String) {
      var row = [name]
      for value in values { row += [show(value), Format.ratio(value / max(values[0], 1e-12))] }
      table.add(row)
    }
    growthRow("load in a child", endToEnd.map { max(0, $0.validate.wall - startup.wall) }, Format.duration)
    growthRow("end to end wall", endToEnd.map(\.ours.wall), Format.duration)
    growthRow("end to end RSS", endToEnd.map { Double($0.ours.peakRSS) }) { Format.bytes(Int($0)) }
    growthRow("validate RSS", endToEnd.map { Double($0.validate.peakRSS) }) { Format.bytes(Int($0)) }
    if endToEnd.allSatisfy({ $0.python != nil }) {
      growthRow("python wall", endToEnd.compactMap { $0.python?.wall }, Format.duration)
      growthRow("python RSS", endToEnd.compactMap { $0.python.map { Double($0.peakRSS) } }) { Format.bytes(Int($0)) }
    }
    out.table(table)
    if let first = inputs.first?.communes, inputs.count > 1 {
      let factors = inputs.compactMap { $0.communes.map { Format.ratio(Double($0) / Double(first)) } }
      out.line("communes grow \(factors.joined(separator: " → ")); linear growth keeps each × column near that")
      out.line("(in-process load reuses freed heap pages at small sizes; large files get fresh pages from the kernel")
      out.line("every time, so \"load in a child\" = validate − start, both cold, is the fair growth figure)")
    }

    // Key to frame.
    out.heading("Key to frame (update + render at 200×60, \(keys) keys)")
    table = TextTable(["data", "move median", "move p99", "open median", "open p99", "frames"])
    for input in inputs {
      let loaded = try loadOrFail(input)
      let result = measureKeys(DashboardData(dataset: loaded.dataset, sourceName: input.label), keys: keys)
      table.add([
        input.label, Format.duration(result.move.median), Format.duration(result.move.p99),
        Format.duration(result.open.median), Format.duration(result.open.p99), "\(result.frames)",
      ])
    }
    out.table(table)
    out.line("move = down/up through the overview; open = Enter on a province and Escape back (each timed)")
    out.line("frames depend on provinces and the screen, not on communes: the rows above should match")

    if parsers {
      out.heading("Parsers (whole file, median of \(runs) run\(runs == 1 ? "" : "s"))")
      table = TextTable(["data", "DigiTrack load", "JSONSerialization", "JSONDecoder+Codable"])
      for (input, stages) in zip(inputs, stageResults) {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: input.path))) ?? Data()
        let serialization = Timing.median(runs: runs) {
          _ = try? JSONSerialization.jsonObject(with: bytes)
        }
        let decoder = Timing.median(runs: runs) {
          _ = try? JSONDecoder().decode(CodableFormat.File.self, from: bytes)
        }
        table.add([
          input.label, Format.duration(stages.times[0]), Format.duration(serialization), Format.duration(decoder),
        ])
      }
      out.table(table)
      out.line("DigiTrack load validates every rule; the Foundation rows only parse (Codable: into typed structs)")
    }
  }

  private func loadOrFail(_ input: BenchInput) throws -> DashboardData {
    do {
      let loaded = try DatasetLoader().load(path: input.path, displayName: input.label)
      return DashboardData(dataset: loaded.dataset, sourceName: input.label)
    } catch {
      Console.error(error.description)
      throw ExitCode(ExitStatus.invalid)
    }
  }

  private func measureStages(_ input: BenchInput, runs: Int) throws -> StageResult {
    let loader = DatasetLoader()
    var dataset: Dataset?
    let load = Timing.median(runs: runs) {
      dataset = nil
      dataset = try? loader.load(path: input.path, displayName: input.label).dataset
    }
    guard let dataset else {
      _ = try loadOrFail(input)
      throw ExitCode(ExitStatus.invalid)
    }
    var data = DashboardData(dataset: dataset, sourceName: input.label)
    let aggregate = Timing.median(runs: runs) {
      data = DashboardData(dataset: dataset, sourceName: input.label)
    }
    let export = ViewExport(data: data, options: DisplayOptions(language: .vi, unicode: true))
    let largest = data.snapshot.reports.indices.max { lhs, rhs in
      (data.snapshot.reports[lhs]?.communes.units?.count ?? 0)
        < (data.snapshot.reports[rhs]?.communes.units?.count ?? 0)
    }
    var times = [load, aggregate]
    for view in [ViewKind.overview, .matrix, .province] {
      times.append(
        Timing.median(runs: runs) {
          _ = export.text(view: view, province: largest, width: 200)
        })
    }
    return StageResult(label: input.label, times: times)
  }

  private func measureEndToEnd(_ input: BenchInput, python: String?, runs: Int) -> EndToEndResult {
    let ours = MachineInfo.executablePath()
    let export = Children.measure(
      ours, ["export", "--data", input.path, "--view", "matrix", "--width", "200", "-o", "/dev/null"], runs: runs)
    let validate = Children.measure(ours, ["validate", input.path], runs: runs)
    let py = python.map {
      Children.measure($0, ["-c", "import json,sys; json.load(open(sys.argv[1],'rb'))", input.path], runs: runs)
    }
    return EndToEndResult(label: input.label, ours: export, validate: validate, python: py)
  }

  private func measureKeys(_ data: DashboardData, keys: Int) -> KeyResult {
    var state = AppState(data: data, options: DisplayOptions(language: .vi, unicode: true), width: 200, height: 60)
    _ = state.render()
    var move: [Double] = []
    var open: [Double] = []
    var frames = 0
    let provinces = state.order.count
    var goingDown = true
    for press in 0..<keys {
      // Down to the last province, then back up, so that every key moves the selection.
      if state.selection >= provinces - 1 { goingDown = false }
      if state.selection <= 0 { goingDown = true }
      let key: Key = goingDown ? .down : .up
      move.append(
        Timing.seconds {
          _ = state.update(.key(key))
          frames &+= state.render().height
        })
      if press % 4 == 0 {
        open.append(
          Timing.seconds {
            _ = state.update(.key(.enter))
            frames &+= state.render().height
          })
        _ = state.update(.key(.escape))
        _ = state.render()
      }
    }
    return KeyResult(move: Percentiles(move), open: Percentiles(open), frames: frames / max(1, move.count + open.count))
  }
}

private struct BenchInput {
  var label: String
  var path: String
  /// Communes generated; nil for a given file.
  var communes: Int?
}

private struct StageResult {
  var label: String
  /// load, aggregate, render overview, matrix, province; seconds.
  var times: [Double]
}

private struct EndToEndResult {
  var label: String
  var ours: Children.Measurement
  var validate: Children.Measurement
  var python: Children.Measurement?
}

private struct KeyResult {
  var move: Percentiles
  var open: Percentiles
  /// Rows per frame (a check that frames were drawn).
  var frames: Int
}

private struct Percentiles {
  var median: Double
  var p99: Double

  init(_ samples: [Double]) {
    let sorted = samples.sorted()
    median = Timing.median(sorted)
    p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
  }
}

private enum Timing {
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func seconds(_ body: () -> Void) -> Double {
    let start = now()
    body()
    return now() - start
  }

  static func median(runs: Int, _ body: () -> Void) -> Double {
    median((0..<runs).map { _ in seconds(body) }.sorted())
  }

  static func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// Child processes, timed and measured one at a time.
private enum Children {
  struct Measurement {
    /// Median wall time, seconds.
    var wall: Double
    /// Median peak resident set, bytes.
    var peakRSS: Int
    var failures: Int
  }

  static func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }

  static func measure(_ executable: String, _ arguments: [String], runs: Int) -> Measurement {
    var walls: [Double] = []
    var peaks: [Double] = []
    var failures = 0
    for _ in 0..<runs {
      guard let run = runThroughTrampoline(executable, arguments) else {
        failures += 1
        continue
      }
      if run.status != 0 { failures += 1 }
      walls.append(run.wall)
      peaks.append(Double(run.peakRSS))
    }
    return Measurement(
      wall: Timing.median(walls.sorted()), peakRSS: Int(Timing.median(peaks.sorted())), failures: failures)
  }

  /// Linux charges a child, at exec, with the peak RSS of the memory it was started from: a child
  /// spawned by this (large) process would report at least this process's peak. So a fresh, small
  /// copy of this binary (`bench measure-child`) starts the child and reports its wall time and
  /// peak RSS on a pipe.
  private static func runThroughTrampoline(_ executable: String, _ arguments: [String]) -> Result? {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { return nil }
    let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
    let trampoline = [MachineInfo.executablePath(), "bench", "measure-child", "--", executable] + arguments
    let spawned = spawnAndWait(trampoline, stdout: writeEnd, closeInChild: readEnd) {
      close(writeEnd)
      var output: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 256)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 { break }
        output += chunk.prefix(count)
      }
      close(readEnd)
      return String(decoding: output, as: UTF8.self)
    }
    guard let spawned else {
      close(readEnd)
      return nil
    }
    guard spawned.run.status == 0 else { return nil }
    let fields = spawned.output.split(separator: " ").map(String.init)
    guard fields.count == 3, let status = Int32(fields[0]), let wall = Double(fields[1]),
      let peak = Int(fields[2].trimmingCharacters(in: .whitespacesAndNewlines))
    else { return nil }
    return Result(wall: wall, peakRSS: peak, status: status)
  }

  struct Result {
    var wall: Double
    var peakRSS: Int
    var status: Int32
  }

  /// posix_spawn, then wait4 for this child's own rusage. `whileRunning` runs between the two
  /// (reading the child's output); stdin and stderr are /dev/null, stdout too unless given.
  static func spawnAndWait<T>(
    _ command: [String], stdout: Int32? = nil, closeInChild: Int32? = nil, whileRunning: () -> T
  ) -> (run: Result, output: T)? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if let stdout {
      posix_spawn_file_actions_adddup2(&actions, stdout, 1)
      posix_spawn_file_actions_addclose(&actions, stdout)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    if let closeInChild { posix_spawn_file_actions_addclose(&actions, closeInChild) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = command.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let start = Timing.now()
    guard let executable = command.first, posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      if let stdout { close(stdout) }
      return nil
    }
    let output = whileRunning()
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { return nil }
    }
    let wall = Timing.now() - start
    // ru_maxrss is in kilobytes on Linux.
    let exited = (status & 0x7F) == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (Result(wall: wall, peakRSS: Int(usage.ru_maxrss) * 1024, status: code), output)
  }
}

/// `bench measure-child -- COMMAND ARGS...`: runs COMMAND from this small process and prints
/// "STATUS WALL_SECONDS PEAK_RSS_BYTES". Used by `bench`; not meant to be typed.
struct MeasureChild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure-child", abstract: "Run a command and print its wall time and peak RSS.",
    shouldDisplay: false)

  @Argument(parsing: .captureForPassthrough) var command: [String] = []

  func run() throws {
    let command = self.command.first == "--" ? Array(self.command.dropFirst()) : self.command
    guard !command.isEmpty, let (run, _) = Children.spawnAndWait(command, whileRunning: {}) else {
      throw ExitCode(ExitStatus.invalid)
    }
    print("\(run.status) \(run.wall) \(run.peakRSS)")
  }
}

private enum MachineInfo {
  static func describe() -> String {
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    var model = "unknown CPU"
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return "\(cores) core\(cores == 1 ? "" : "s"), \(model)"
  }

  /// This program's own file, for running it as a child.
  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

private enum Format {
  static func duration(_ seconds: Double) -> String {
    switch seconds {
    case ..<0.001: String(format: "%.1f µs", seconds * 1e6)
    case ..<1: String(format: "%.2f ms", seconds * 1e3)
    default: String(format: "%.3f s", seconds)
    }
  }

  static func bytes(_ count: Int) -> String {
    count >= 1 << 20
      ? String(format: "%.1f MB", Double(count) / 1_048_576) : String(format: "%.0f KB", Double(count) / 1024)
  }

  static func ratio(_ value: Double) -> String {
    value.isFinite ? String(format: "%.2f", value) : "-"
  }

  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// Left-aligned columns of text.
private struct TextTable {
  var rows: [[String]]

  init(_ header: [String]) { rows = [header] }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}

/// Prints as it goes, so a long run shows progress.
private final class BenchOutput {
  func line(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  func heading(_ title: String) {
    line("")
    line("== \(title) ==")
  }

  func table(_ table: TextTable) { line(table.text) }
}

/// The data format as Codable structs, for comparing JSONDecoder with DigiTrack's own loader. It
/// reads every field of the format; it checks none of the rules.
private enum CodableFormat {
  struct Text: Codable {
    var vi: String
    var en: String
  }

  struct File: Codable {
    var format: String
    var title: Text
    var asOf: String
    var sources: [Source]
    var plan: Plan
    var regions: [Region]
    var provinces: [Province]
    var snapshots: [Snapshot]
  }

  struct Source: Codable {
    var id: String
    var title: String
    var publisher: String
    var url: String
    var date: String?
  }

  struct Plan: Codable {
    var code: String
    var name: Text
    var issued: String
    var src: String
    var phases: [Phase]
    var groups: [Category]
    var pillars: [Category]
    var blocks: [Category]
    var criteria: [Criterion]
  }

  struct Phase: Codable {
    var number: Int
    var name: Text
    var deadline: String
  }

  struct Category: Codable {
    var id: String
    var name: Text
  }

  struct Criterion: Codable {
    var id: String
    var name: Text
    var level: String
    var phase: Int
    var group: String
    var pillar: String
    var block: String
  }

  struct Region: Codable {
    var id: String
    var name: Text
    var src: String
  }

  struct Province: Codable {
    var code: String
    var name: String
    var aliases: [String]?
    var type: String
    var region: String
    var units: UnitCounts
  }

  struct UnitCounts: Codable {
    var total: Int
    var wards: Int
    var communes: Int
    var specialZones: Int
    var src: String
  }

  struct Snapshot: Codable {
    var date: String
    var label: Text
    var metrics: [Metric]
    var reports: [Report]
  }

  struct Metric: Codable {
    var id: String
    var label: Text
    var value: Double
    var target: Double?
    var unit: Text
    var qualifier: String?
    var src: String
  }

  struct Report: Codable {
    var province: String
    var provincial: Provincial
    var communes: Communes
    var phaseGreen: [String: PhaseFlag]?
  }

  enum PhaseFlag: Codable {
    case flag(Bool)
    case source(String)

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        self = .flag(flag)
      } else {
        self = .source(try container.decode(String.self))
      }
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .flag(let flag): try container.encode(flag)
      case .source(let source): try container.encode(source)
      }
    }
  }

  struct Provincial: Codable {
    var statuses: [String: String]
    var src: String
    var reported: Reported?
  }

  struct Reported: Codable {
    var done: Int
    var total: Int
    var src: String
  }

  struct Communes: Codable {
    var green: Int?
    var total: Int?
    var byCriterion: [String: Int]?
    var units: [Unit]?
    var src: String
  }

  struct Unit: Codable {
    var code: String
    var name: String
    var kind: String
    var statuses: [String: String]
  }
}
