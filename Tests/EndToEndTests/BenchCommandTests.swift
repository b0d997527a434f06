import Foundation
import Testing

/// `digitrack-tui bench`: runs end to end and prints every section. Timings are never asserted: they
/// depend on the machine, and CI's is shared.
@Suite struct BenchCommandTests {
  @Test func quickRunPrintsEverySectionAndExitsZero() throws {
    let result = try Binary.run(["bench", "--quick"])
    #expect(result.status == 0, "\(result.stderr)")
    for heading in [
      "== Data ==", "== Stages (in process", "== Start-up (child processes", "== End to end (child processes",
      "== Growth", "== Key to frame (ncurses on a 200×60 pseudo-terminal", "== First frame",
    ] {
      #expect(result.stdout.contains(heading), "missing \(heading)")
    }
    // The machine as it is, and every baseline named.
    for line in ["machine: ", "simdjson kernel (ours, chosen at run time): ", "python: ", "floor: ", "children: "] {
      #expect(result.stdout.contains("\n" + line), "missing \(line)")
    }
    #expect(result.stdout.contains("tiny"))
    // The children ran: ours always, the floor and Python's when they are there.
    #expect(!result.stdout.contains("child run(s) failed"))
    #expect(!result.stdout.contains("first-frame run(s) failed"))
    // Every ratio against both baselines, and each key of the terminal path.
    for column in [
      "ours/floor", "ours/python", "province/matrix", "RSS ours/floor", "RSS ours/python", "Enter p99", "Esc p99",
      "move paint",
      "Tab p99",
    ] {
      #expect(result.stdout.contains(column), "missing column \(column)")
    }
    #expect(result.stdout.contains("digitrack-tui --version"))
    #expect(result.stdout.contains("(C)"))
    // The import's wall ratio moves with the load: the section says what it was.
    #expect(result.stdout.contains("import/JSON"))
    #expect(result.stdout.contains("\nload average (1 min) before and after: "))
  }

  /// Start-up also in CPU time, which a busy machine disturbs far less than the wall time: the
  /// row of `--version` has a CPU time that is not zero (the spawner reports the child's).
  @Test func startupShowsTheCPUTimeOfEachProgram() throws {
    let result = try Binary.run(["bench", "--quick"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("CPU over true"), "\(result.stdout)")
    let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("digitrack-tui --version") })
    let fields = row.dropFirst("digitrack-tui --version".count).split(separator: " ")
    // wall, its unit, CPU, its unit, …
    #expect(fields.count >= 4, "\(row)")
    #expect(fields.count >= 4 && fields[2] != "0.0" && fields[2] != "0.00", "\(row)")
  }

  /// With the caller's PATH, where `python3` may be a pyenv shim (a bash script): the bench must
  /// start the interpreter that `sys.executable` names, with -S, never the shim.
  @Test func pythonIsStartedDirectlyWithoutSite() throws {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let result = try Binary.run(["bench", "--quick"], environment: ["PATH": path])
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("python: ") }.map(String.init) ?? ""
    #expect(!line.isEmpty)
    if !line.contains("not found") {
      #expect(line.contains("started with -S"), "\(line)")
      let interpreter = line.dropFirst("python: ".count).prefix { $0 != " " }
      #expect(!interpreter.contains("/shims/"), "\(line)")
    }
    #expect(result.stdout.contains("PYTHON -S -c"))
  }

  @Test func quickRunOnAGivenFileAlsoComparesParsers() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/small.json"
    let generated = try Binary.run(["generate", "--provinces", "3", "--communes", "30", "--criteria", "10", "-o", file])
    #expect(generated.status == 0)
    let result = try Binary.run(["bench", "--quick", "--parsers", "--data", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("small.json"))
    #expect(result.stdout.contains("== Parsers"))
    #expect(result.stdout.contains("JSONDecoder"))
  }

  @Test func invalidDataFailsLikeTheOtherCommands() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/broken.json"
    try Data("{\"format\": 1}".utf8).write(to: URL(fileURLWithPath: file))
    let result = try Binary.run(["bench", "--quick", "--data", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.json"))
  }

  @Test func helpHasExamplesAndRejectsBadScales() throws {
    let help = try Binary.run(["bench", "--help", "--lang", "en"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("--scales"))
    let bad = try Binary.run(["bench", "--scales", "1,x", "--lang", "en"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--scales"))
  }
}
