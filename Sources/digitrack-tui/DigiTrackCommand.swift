import ArgumentParser
import DigiTrackModel
import FoundationEssentials
import Glibc

@main
struct DigiTrackCommand: ParsableCommand {
  /// The whole tree's configuration, or, while `parseRootWithoutCompletionWalks` parses, the same
  /// with a super command name (see there).
  static var configuration: CommandConfiguration {
    RootParse.skipsCompletionWalks ? withoutCompletionWalks : withCompletionWalks
  }

  private static let withoutCompletionWalks: CommandConfiguration = {
    var configuration = withCompletionWalks
    configuration._superCommandName = withCompletionWalks.commandName
    return configuration
  }()

  private static let withCompletionWalks = CommandConfiguration(
    commandName: "digitrack-tui",
    // ASCII only: the man page generator drops other characters.
    abstract: tr("Track the digital transformation of the provinces, in the terminal."),
    discussion: CommandText.discussion(
      "digitrack-tui",
      """
      With no command, opens the dashboard on the built-in demo data, or on --data FILE. Data format: docs/FORMAT.md (version \(Dataset.formatVersion)).

      Examples:
        digitrack-tui                          open the demo dashboard
        digitrack-tui --data tinh.json --lang en
        digitrack-tui export --view matrix --width 200 -o matrix.txt
        digitrack-tui validate tinh.json
        digitrack-tui bench                    time loading and rendering against Python (docs/PERFORMANCE.md)
      """),
    version: DigiTrackVersion.line,
    subcommands: [
      DashboardCommand.self, ExportCommand.self, ValidateCommand.self, TemplateCommand.self,
      GenerateCommand.self, ThemesCommand.self, BenchCommand.self,
      FormCommand.self, ImportCommand.self, MergeCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// ArgumentParser's `main`, with its own words (usage errors, help headings) put in the
  /// command line's language before they are printed. The everyday lines are read without it
  /// (`QuickCommandLine`); the rest, help and every mistake go through it.
  static func main() {
    do {
      if let command = QuickCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
        try command.run()
        return
      }
      var command = try parseNamedSubcommand() ?? parseRootWithoutCompletionWalks() ?? parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let text = CommandText.parserOutput(fullMessage(for: error))
      if !text.isEmpty {
        if code == .success { Console.output(text) } else { Console.error(text) }
      }
      Glibc.exit(code.rawValue)
    }
  }
}

extension DigiTrackCommand {
  /// `digitrack-tui export …` and the other named subcommands, parsed by the subcommand alone.
  ///
  /// Under the root, ArgumentParser also builds the root's and the default subcommand's argument
  /// sets, each a `Mirror` walk whose first casts scan every protocol conformance record in the
  /// binary; that was a third of a national export's instructions (docs/PERFORMANCE.md,
  /// "Start-up"). The root has no options of its own for a subcommand to inherit, so the result is
  /// the same. Anything that does not parse cleanly this way (help, a completion script, a
  /// mistake) returns nil, and the whole tree parses it again, so every message is ArgumentParser's
  /// own as before.
  ///
  /// Every subcommand names this command as its `_superCommandName`, which ArgumentParser reads
  /// only when the subcommand is the root of a parse, as here: it then skips its two walks for
  /// `--generate-completion-script` (a completion script is asked of the whole tree, which still
  /// walks them) and names the tool "digitrack-tui export" as under the root.
  static func parseNamedSubcommand(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()))
    -> ParsableCommand?
  {
    // An option never names a subcommand: no command's configuration needs building to see it.
    guard let name = arguments.first, !name.hasPrefix("-"),
      let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
      let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
      type(of: command) == subcommand
    else { return nil }
    return command
  }
}

extension DigiTrackCommand {
  /// The dashboard (no subcommand named) and `--version`, parsed by the whole tree without
  /// ArgumentParser's two walks for `--generate-completion-script`: they instantiate its
  /// completion options' types, whose first casts scan every protocol conformance record, and were
  /// half of `--version`'s instructions (docs/PERFORMANCE.md, "Start-up").
  ///
  /// ArgumentParser skips those walks when the root names a super command, a name it otherwise
  /// puts only in front of the tool's name in help and usage texts. So this parse is taken only
  /// when nothing can ask for such a text from a successful parse (help, a completion script, the
  /// dump of the help), its result is kept only when it parsed cleanly or asked for the version
  /// (a text without usage), and everything else (a mistake, help) is parsed again by the whole
  /// tree as before, so every message is ArgumentParser's own.
  static func parseRootWithoutCompletionWalks(
    _ arguments: [String] = Array(CommandLine.arguments.dropFirst())
  ) throws -> ParsableCommand? {
    guard !arguments.contains(where: RootParse.mayAskForText) else { return nil }
    do {
      return try RootParse.$skipsCompletionWalks.withValue(true) { try parseAsRoot(arguments) }
    } catch {
      guard exitCode(for: error) == .success, !fullMessage(for: error).isEmpty else { return nil }
      throw error
    }
  }
}

/// The switch between the root's two configurations, read by ArgumentParser through
/// `DigiTrackCommand.configuration`. Task-local, so that a parse elsewhere (tests parse in
/// parallel) always sees the whole tree's.
enum RootParse {
  @TaskLocal static var skipsCompletionWalks = false

  /// An argument that can make a clean parse print a help, usage or completion text, in which the
  /// super command's name would show: the help flags and words, and the completion and dump options.
  static func mayAskForText(_ argument: String) -> Bool {
    argument == "-h" || argument == "--help" || argument == "-help" || argument == "help"
      || argument.hasPrefix("--generate-completion-script") || argument.hasPrefix("--experimental-")
  }
}

enum DigiTrackVersion {
  static let version = "0.1.0"
  /// What `--version` prints.
  static var line: String { "digitrack-tui \(version) (data format \(Dataset.formatVersion))" }
}
