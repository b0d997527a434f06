import ArgumentParser
import DigiTrackModel
import FoundationEssentials
import Glibc

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    _superCommandName: "digitrack-tui",
    abstract: tr("Check data files against the DigiTrack format."),
    discussion: CommandText.discussion(
      "validate",
      """
      Prints one line per problem: FILE:LINE:COLUMN: error: MESSAGE for syntax errors, FILE:LINE:COLUMN: error: PATH (PROVINCE): RULE for everything else, the line and column those of the value (up to 100 errors per file). Warnings do not fail a file. Exit status: 0 all files valid; 1 a file is invalid; 2 a file cannot be read (missing, a folder, too large); 64 wrong usage.

      Examples:
        digitrack-tui validate tinh.json
        digitrack-tui validate bao-cao/*.json
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  @Argument(help: ArgumentHelp(tr("The files to check."), valueName: "file"))
  var files: [String]

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("Refuse files larger than this many MiB (default \(DatasetLoader.defaultMaxBytes >> 20))."), valueName: "mib"))
  var maxSize: Int?

  var invocation: ValidateInvocation {
    ValidateInvocation(language: languageOptions.lang, files: files, maxSize: maxSize)
  }

  func validate() throws { try invocation.validate() }

  func run() throws { try invocation.run() }
}

/// `validate` as plain values: what runs, whichever parser read the command line.
struct ValidateInvocation: Equatable {
  var language: Language?
  var files: [String] = []
  var maxSize: Int?

  func validate() throws {
    if files.isEmpty { throw ValidationError(tr("give at least one file to validate")) }
    try DataChoice(maxSize: maxSize).validate()
  }

  func run() throws {
    let loader = DataChoice(maxSize: maxSize).loader
    var worst: Int32 = 0
    for file in files {
      do {
        let loaded = try loader.load(path: file)
        printWarnings(loaded.warnings, file: file)
        let dataset = loaded.dataset
        Console.output(CommandText.valid(SafeText.printable(file), dataset))
      } catch {
        Console.error(error.commandLineDescription)
        let status = error.kind == .unreadable ? ExitStatus.unreadable : ExitStatus.invalid
        worst = max(worst, status)
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }
}
