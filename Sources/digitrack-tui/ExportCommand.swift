import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    _superCommandName: "digitrack-tui",
    abstract: tr("Render a view without a terminal, for scripts and reports."),
    discussion: CommandText.discussion(
      "export",
      """
      text is exactly what the dashboard draws for that view and width, without colour, including rows that would be scrolled out of sight. csv and json use stable English column names and plain numbers; markdown uses the chosen language. -o never replaces an existing file unless --force is given (then its mode and owner are kept); a device such as /dev/null is written to, and -o - is standard output.

      Examples:
        digitrack-tui export
        digitrack-tui export --view province --province "lang son" --lang en
        digitrack-tui export --data tinh.json --view matrix --width 200 -o matrix.txt
        digitrack-tui export --format csv -o tinh.csv
        digitrack-tui export --format csv --excel -o tinh.csv
        digitrack-tui export --format xlsx --view matrix -o ma-tran.xlsx
        digitrack-tui export --snapshot 2025-07-31
        digitrack-tui export --compare first
        digitrack-tui export --view trend --format csv -o xu-huong.csv
      """)
  )

  @OptionGroup var dataOptions: DataOptions
  @OptionGroup var languageOptions: LanguageOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  @Option(
    name: .long, help: ArgumentHelp(tr("overview (default), matrix, province, overdue or trend."), valueName: "view"))
  var view: ViewKind?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("The province for --view province: a name (diacritics optional) or a code."), valueName: "name-or-code"))
  var province: String?

  @Option(name: .long, help: ArgumentHelp(tr("text (default), markdown, csv, json or xlsx."), valueName: "format"))
  var format: ExportFileFormat = ExportInvocation.defaults.format

  @Flag(
    name: .long,
    help: ArgumentHelp(
      tr("With --format csv: for Excel: a UTF-8 BOM, and in Vietnamese ; between fields and decimal commas.")))
  var excel = false

  @Option(name: .long, help: ArgumentHelp(tr("Width in columns for text (default 100)."), valueName: "n"))
  var width: Int = ExportInvocation.defaults.width

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "Keep only the provinces that match, as / does in the dashboard (overview and matrix); the export says it is filtered."
      ),
      valueName: "text"))
  var filter: String = ExportInvocation.defaults.filter

  @OptionGroup var outputOptions: OutputOptions

  var invocation: ExportInvocation {
    ExportInvocation(
      request: DataRequest(data: dataOptions.choice, language: languageOptions.lang, dates: snapshotOptions.choice),
      view: view, province: province, format: format, excel: excel, width: width, filter: filter,
      output: outputOptions.choice)
  }

  func validate() throws { try invocation.validateOwnOptions() }

  func run() throws { try invocation.run() }
}

/// `export` as plain values: what runs, whichever parser read the command line.
struct ExportInvocation: Equatable {
  var request = DataRequest()
  var view: ViewKind?
  var province: String?
  var format = ExportFileFormat.text
  var excel = false
  var width = 100
  var filter = ""
  var output = OutputChoice()

  /// The values of options not given (ArgumentParser's wrappers take theirs from here).
  static let defaults = ExportInvocation()

  /// Every check ArgumentParser runs for this command and its option groups.
  func validate() throws {
    try request.validate()
    try validateOwnOptions()
  }

  /// The command's own checks (its option groups check theirs).
  func validateOwnOptions() throws {
    guard (20...1000).contains(width) else { throw ValidationError(tr("--width must be between 20 and 1000")) }
    if view == .province, province == nil {
      throw ValidationError(tr("--view province needs --province NAME_OR_CODE"))
    }
    if excel, format != .csv { throw ValidationError(tr("--excel goes with --format csv")) }
    let kind = view ?? (province == nil ? .overview : .province)
    if format == .text, let refusal = ViewExport.widthRefusal(width, view: kind, language: CommandLanguage.current) {
      throw ValidationError(refusal)
    }
  }

  func run() throws {
    let config = try UserConfig.load()
    let data = try request.dates.apply(to: request.data.load(fallback: config.data))
    KeptUntilExit.keep(data)
    let options = displayOptionsFor(request.language, config: config)
    let exporter = ViewExport(data: data, options: options)
    var provinceIndex: Int?
    if let province {
      guard let index = exporter.province(named: province) else {
        Console.error(provinceNotFound(province, in: data.dataset))
        throw ExitCode(ExitStatus.invalid)
      }
      provinceIndex = index
    }
    let kind = view ?? (province == nil ? .overview : .province)
    if format == .xlsx {
      try writeWorkbook(exporter.document(view: kind, province: provinceIndex, filter: filter), config: config)
      return
    }
    if excel {
      let text = exporter.excelCSV(view: kind, province: provinceIndex, filter: filter)
      try output.write([0xEF, 0xBB, 0xBF] + Array(text.utf8))
      return
    }
    guard let textFormat = format.textFormat else { return }
    if textFormat == .text {
      // The bytes as drawn, not a String of them: the province text export can be 24 MB.
      try output.write(exporter.textBytes(view: kind, province: provinceIndex, width: width, filter: filter))
      return
    }
    let text = exporter.render(view: kind, province: provinceIndex, format: textFormat, width: width, filter: filter)
    try output.write(Array(text.utf8))
  }

  /// A workbook is binary: refused on a terminal, else written through the one atomic writer
  /// (so `--force`, devices and `-o -` into a pipe behave as for every other format).
  private func writeWorkbook(_ document: ExportDocument, config: UserConfig) throws {
    if (output.output ?? "-") == "-", isatty(STDOUT_FILENO) != 0 {
      Console.error("error: --format xlsx writes a binary workbook; give -o FILE.xlsx (or pipe standard output)")
      throw ExitCode(ExitStatus.invalid)
    }
    // The status fills follow the theme the dashboard would use.
    let theme = (try? ThemeDiscovery.catalog().theme(named: config.theme ?? "default")) ?? .standard
    do {
      try output.write(XLSXTableWriter.bytes(document, fills: StatusFills(theme: theme)))
    } catch let error as SheetWriteError {
      Console.error("error: cannot write the workbook: \(error.description)")
      throw ExitCode(ExitStatus.unreadable)
    }
  }
}
