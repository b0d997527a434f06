import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackSystem
import DigiTrackTerminal
import DigiTrackUI
import FoundationEssentials
import Glibc

struct DashboardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    _superCommandName: "digitrack-tui",
    abstract: tr("Open the interactive dashboard (the default command)."),
    discussion: CommandText.discussion(
      "dashboard",
      """
      Keys: arrows or j/k move, Enter opens a province, Esc goes back, Tab switches Overview and Matrix (there ← → or h l move the column cursor, H L a band), / filters (Enter keeps the filter, Esc clears it; in a province it filters the communes), o shows only rows that are not green and n/N jump between them, s and r sort, [ and ] step to the previous and next report date, c changes the date changes are measured against, t shows the national trend, d lists the overdue criteria, e exports the current view (then t text, m Markdown, c CSV, j JSON or x Excel; Esc cancels), ? shows every key, q quits. These are the default keys: config.json's "keys" binds others (docs/CONFIG.md), and the help and hint bar name the keys bound. When standard output is not a terminal, or TERM is dumb, prints the overview as text.

      Examples:
        digitrack-tui
        digitrack-tui --data tinh.json --lang en --export-dir ~/bao-cao
        digitrack-tui --snapshot 31/07/2025
        digitrack-tui --compare first
      """)
  )

  @OptionGroup var dataOptions: DataOptions
  @OptionGroup var languageOptions: LanguageOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  @Option(name: .long, help: ArgumentHelp(tr("Colour theme (see `digitrack-tui themes`)."), valueName: "name"))
  var theme: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("Folder for exports written with the e key (default: the working directory)."), valueName: "dir"))
  var exportDir: String?

  @Flag(name: .long, help: ArgumentHelp(tr("Do not use the mouse.")))
  var noMouse = false

  @Flag(name: .long, help: ArgumentHelp(tr("No colour (attributes only); NO_COLOR in the environment does the same.")))
  var noColor = false

  var invocation: DashboardInvocation {
    DashboardInvocation(
      request: DataRequest(data: dataOptions.choice, language: languageOptions.lang, dates: snapshotOptions.choice),
      theme: theme, exportDir: exportDir, noMouse: noMouse, noColor: noColor)
  }

  func run() throws { try invocation.run() }
}

/// The dashboard as plain values: what runs, whichever parser read the command line.
struct DashboardInvocation: Equatable {
  var request = DataRequest()
  var theme: String?
  var exportDir: String?
  var noMouse = false
  var noColor = false

  /// Every check ArgumentParser runs for this command and its option groups.
  func validate() throws { try request.validate() }

  func run() throws {
    // Everything that can fail is done before the screen is touched.
    let config = try UserConfig.load()
    let (loaded, badParts) = try request.data.loadReportingBad(fallback: config.data)
    let data = try request.dates.apply(to: loaded)
    let options = displayOptionsFor(request.language, config: config)
    let themeName = theme ?? config.theme ?? "default"
    let chosenTheme: Theme
    let catalog = ThemeDiscovery.catalog()
    do {
      chosenTheme = try catalog.theme(named: themeName)
    } catch {
      // A theme named in config.json is that file's error, not the flag's.
      let fromConfig = theme == nil && error.file == "--theme"
      Console.error(
        fromConfig
          ? "\(SafeText.printable(UserConfig.path(environment: ConfigFolder.environment))): \(CommandText.errorLabel): theme: \(error.problem(in: CommandLanguage.current))"
          : error.description(in: CommandLanguage.current))
      if !error.isUnknownName {
        Console.error(SafeText.printable(CommandText.availableThemes(catalog.names)))
      }
      throw ExitCode(ExitStatus.invalid)
    }
    guard TerminalApp.isInteractiveTerminal() else {
      let text = ViewExport(data: data, options: options).text(view: .overview, province: nil, width: 100)
      Console.outputAsIs(text)
      return
    }
    if let exportDir {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: exportDir, isDirectory: &isDirectory), isDirectory else {
        Console.error("\(exportDir): \(CommandText.errorLabel): \(tr("--export-dir is not an existing folder"))")
        throw ExitCode(ExitStatus.unreadable)
      }
    }
    let noColorEnvironment = getenv("NO_COLOR") != nil
    var terminal = TerminalOptions(
      mouse: !noMouse, exportDirectory: exportDir ?? config.exportDir ?? "", theme: chosenTheme,
      color: !(noColor || noColorEnvironment), maxDataBytes: request.data.loader.maxBytes)
    terminal.preferPart = request.data.prefer
    var state = AppState(
      data: data, options: options, width: 80, height: 24, dataPath: request.data.data ?? config.data)
    // A --data DIR folder opens with its good parts and says which files were left out.
    if !badParts.isEmpty {
      _ = state.update(.notice(SheetMessages(language: options.language).badParts(badParts)))
    }
    let status = TerminalApp.run(state: state, options: terminal)
    if status != 0 { throw ExitCode(status) }
  }
}
