import ArgumentParser
import DigiTrackBench
import FoundationEssentials
import Glibc

/// `digitrack-tui bench`: the command line of the benchmark, which lives in DigiTrackBench.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    _superCommandName: "digitrack-tui",
    abstract: tr("Measure loading, rendering, key to frame and start-up against simdjson and Python."),
    discussion: CommandText.discussion(
      "bench",
      """
      Generates synthetic data at each scale (1× is the national 34 provinces and 3321 communes, 40 criteria) in a temporary folder, or measures --data FILE, and prints medians:
        Stages        load (decode and validate), aggregate, render each view to text at width 200
        Start-up      --version against true (a C program), wall time and peak RSS
        End to end    `export --view matrix --width 200 -o /dev/null` against the simdjson On-Demand floor (digitrack-floor) and CPython's json.load started directly with -S, as child processes
        Growth        each stage and memory at every scale, as a ratio of the first scale
        Key to frame  from the key to the frame written to a 200×60 pseudo-terminal under ncurses: move, Enter, Esc, Tab
        First frame   the binary on a 200×60 pseudo-terminal, from exec to its first full screen
      Run it on a release build (swift build -c release). Timings depend on the machine; see docs/PERFORMANCE.md.

      Examples:
        digitrack-tui bench                          1× and 10×, 5 runs each
        digitrack-tui bench --scales 1,10,30 --runs 9
        digitrack-tui bench --data tinh.json
        digitrack-tui bench --parsers                also time Foundation's JSONDecoder
        digitrack-tui bench --quick                  tiny data, one run: checks that everything runs
        digitrack-tui bench --keys-only              only key to frame (callgrind: see docs/PERFORMANCE.md)
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  @Option(
    name: .long, parsing: .unconditional,
    help: ArgumentHelp(tr("Scales to generate, comma-separated (1 = national)."), valueName: "list"))
  var scales: String = "1,10"

  @Option(name: .long, help: ArgumentHelp(tr("Measure this data file instead of generated data."), valueName: "file"))
  var data: String?

  @Option(name: .long, help: ArgumentHelp(tr("Runs of each stage; the median is printed (default 5)."), valueName: "n"))
  var runs: Int = 5

  @Option(name: .long, help: ArgumentHelp(tr("Key presses timed for key-to-frame (default 200)."), valueName: "n"))
  var keys: Int = 200

  @Flag(name: .long, help: ArgumentHelp(tr("Also time Foundation's JSONDecoder on the same files.")))
  var parsers = false

  @Flag(name: .long, help: ArgumentHelp(tr("Tiny data, one run, few keys: a smoke test, not a measurement.")))
  var quick = false

  @Flag(name: .long, help: ArgumentHelp(tr("Only the key-to-frame section (to profile it, e.g. under callgrind).")))
  var keysOnly = false

  func validate() throws {
    guard (1...1000).contains(runs) else { throw ValidationError(tr("--runs must be between 1 and 1000")) }
    guard (1...100_000).contains(keys) else { throw ValidationError(tr("--keys must be between 1 and 100000")) }
    if data == nil, parsedScales == nil {
      throw ValidationError(tr("--scales takes positive whole numbers separated by commas, e.g. 1,10,30"))
    }
  }

  var parsedScales: [Int]? {
    let parts = scales.split(separator: ",").map { Int($0.trimmingSpaces()) }
    guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 100 }) else { return nil }
    return parts.compactMap { $0 }
  }

  func run() throws {
    let settings = BenchSettings(
      scales: parsedScales ?? [1], dataFile: data, runs: runs, keys: keys, parsers: parsers, quick: quick,
      keysOnly: keysOnly)
    do {
      try Bench.run(settings)
    } catch let error as BenchError {
      Console.error(error.description)
      throw ExitCode(ExitStatus.invalid)
    }
  }
}
