import ArgumentParser
import DigiTrackModel
import FoundationEssentials
import Glibc

struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    _superCommandName: "digitrack-tui",
    abstract: tr("Write deterministic synthetic data at any scale, for tests and benchmarks."),
    discussion: CommandText.discussion(
      "generate",
      """
      Every figure is marked illustrative and every name says it is a sample. The same options and seed always give the same bytes. The national scale is 34 provinces and 3321 communes. -o never replaces an existing file unless --force is given (then its mode and owner are kept); a device such as /dev/null is written to, and -o - is standard output.

      Examples:
        digitrack-tui generate --provinces 34 --communes 3321 --criteria 40 -o national.json
        digitrack-tui generate --provinces 34 --communes 33210 --criteria 40 --seed 7 -o x10.json
        digitrack-tui generate --provinces 34 --communes 3321 --criteria 40 --snapshots 52 -o weekly.json
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  @Option(name: .long, help: ArgumentHelp(tr("Number of provinces.")))
  var provinces: Int

  @Option(name: .long, help: ArgumentHelp(tr("Number of commune-level units, spread over the provinces.")))
  var communes: Int

  @Option(name: .long, help: ArgumentHelp(tr("Number of criteria (a fifth of them commune-level).")))
  var criteria: Int

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "Number of report dates (1 to 520), the last on 2025-12-29. Progress rises from one to the next, with some regressions and some lateness."
      )))
  var snapshots: Int = 1

  @Option(name: .long, help: ArgumentHelp(tr("Days between report dates (default 7: weekly)."), valueName: "days"))
  var every: Int = 7

  @Option(name: .long, help: ArgumentHelp(tr("Random seed.")))
  var seed: UInt64 = 1

  @OptionGroup var outputOptions: OutputOptions

  func run() throws {
    let generator = SyntheticDataset(
      provinces: provinces, communes: communes, criteria: criteria, snapshots: snapshots, every: every, seed: seed)
    let bytes: [UInt8]
    do {
      bytes = try generator.json()
    } catch {
      // The model names its parameters; the command line calls them by their flags.
      throw ValidationError(error.message(language: CommandLanguage.current) { "--" + $0.rawValue })
    }
    try outputOptions.write(bytes)
  }
}
