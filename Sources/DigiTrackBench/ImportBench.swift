import ChildProcess
import DigiTrackModel
import FoundationEssentials
import Glibc

/// `import` of the national forms against loading the same data as JSON (issue 13: at most 5×,
/// under a second). One `form` per province is written from the national file (every commune
/// listed), then `import` of all of them and `validate` of the JSON run alternately as children,
/// so a busy machine slows both alike; medians of the walls, and the ratio.
enum ImportBench {
  static func measure(_ input: BenchInput, folder: String, measurer: ChildMeasurer, runs: Int, out: BenchOutput) {
    let binary = Machine.executablePath()
    guard let dataset = try? DatasetLoader().load(path: input.path).dataset else {
      out.line("import: \(input.path) does not load; skipped")
      return
    }
    var forms: [String] = []
    for province in dataset.provinces {
      let path = folder + "/form-\(province.code).xlsx"
      let command = ChildCommand(
        binary, ["form", "--data", input.path, "--province", province.code, "-o", path, "--force"], stdout: .null,
        stderr: .null, timeout: 120)
      guard let outcome = try? ChildProcess.run(command), outcome.status == 0 else {
        out.line("import: cannot write the form of \(province.code); skipped")
        return
      }
      forms.append(path)
    }
    let importing = ["import"] + forms + ["--into", input.path, "-o", "/dev/null", "--force"]
    var imports: [Double] = []
    var loads: [Double] = []
    var importCPU: [Double] = []
    var loadCPU: [Double] = []
    var failures = 0
    let loadBefore = Self.loadAverage()
    for _ in 0..<max(runs, 5) {
      let load = measurer.measure(binary, ["validate", input.path], runs: 1)
      let run = measurer.measure(binary, importing, runs: 1)
      failures += load.failures + run.failures
      loads.append(load.wall)
      imports.append(run.wall)
      loadCPU.append(load.cpu)
      importCPU.append(run.cpu)
    }
    let (importWall, loadWall) = (Timing.median(imports), Timing.median(loads))
    out.line(
      "import \(forms.count) forms (\(input.label)): \(Format.duration(importWall)); validate the same data as JSON: "
        + "\(Format.duration(loadWall)); import/JSON \(Format.ratio(importWall, loadWall))")
    out.line("(children, alternated, median of \(max(runs, 5)); import writes to /dev/null; target ≤ 5×, under 1 s)")
    // CPU time moves far less than wall time on a busy machine. Import reads its forms on every
    // core, so its CPU time is above its wall time: the target is the wall ratio, this is the work.
    let (cpuImport, cpuLoad) = (Timing.median(importCPU), Timing.median(loadCPU))
    out.line(
      "CPU time (user + system): import \(Format.duration(cpuImport)), validate \(Format.duration(cpuLoad)); "
        + "import/JSON \(Format.ratio(cpuImport, cpuLoad)); \(ProcessInfo.processInfo.activeProcessorCount) core(s)")
    // The wall ratio moves with the machine's load (import uses every core, validate one): say it.
    out.line("load average (1 min) before and after: \(loadBefore) → \(Self.loadAverage())")
    if failures > 0 { out.line("warning: import: \(failures) child run(s) failed") }
  }

  /// The 1-minute load average from /proc/loadavg, or "?".
  static func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
    return text.split(separator: " ").first.map(String.init) ?? "?"
  }
}
