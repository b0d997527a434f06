import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackUI
import FoundationEssentials
import Glibc

/// `form`: the `.xlsx` workbook a province fills in (issue 13, item 1). The integrator may expose
/// the same thing as `template --format xlsx`; both call `FormWriter`.
struct FormCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "form",
    _superCommandName: "digitrack-tui",
    abstract: tr("Write an .xlsx form for a province (or every province) to fill in."),
    discussion: CommandText.discussion(
      "form",
      """
      The form holds the report date and the plan code on top, a sheet of provincial criteria with a drop-down of status words, a sheet of commune-level units (or counts), and instructions. Reference columns are locked. Fill it in and read it back with `import`.

      Examples:
        digitrack-tui form --demo --province "lang son" --snapshot 2026-01-31 -o lang-son.xlsx
        digitrack-tui form --data tinh.json -o bieu-mau.xlsx
      """)
  )

  @Option(name: .long, help: ArgumentHelp(tr("Prefill from this DigiTrack JSON file."), valueName: "file"))
  var data: String?

  @Flag(name: .long, help: ArgumentHelp(tr("Prefill from the built-in demo data.")))
  var demo = false

  @Option(name: .long, help: ArgumentHelp(tr("Only this province: a code or a name."), valueName: "name-or-code"))
  var province: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("The report date of the form (YYYY-MM-DD or dd/mm/yyyy; default the newest)."), valueName: "date")
  )
  var snapshot: String?

  @OptionGroup var languageOptions: LanguageOptions

  @Option(name: .shortAndLong, help: ArgumentHelp(tr("The .xlsx file to write."), valueName: "file"))
  var output: String

  @Flag(name: .long, help: ArgumentHelp(tr("Replace the output file if it exists.")))
  var force = false

  func validate() throws {
    if data != nil, demo { throw ValidationError(tr("give --data FILE or --demo, not both")) }
  }

  func run() throws {
    try SheetCommands.writeForm(
      data: data, demo: demo, province: province, snapshot: snapshot, language: languageOptions.lang, to: output,
      force: force)
  }
}

/// What `form`, `template --format xlsx` and `import` share: loading, dates, provinces, writing safely.
enum SheetCommands {
  /// The form of issue 13: prefilled from `data` (or the demo with `demo`), blank otherwise.
  static func writeForm(
    data: String?, demo: Bool, province: String?, snapshot: String?, language: Language?, to output: String,
    force: Bool
  ) throws {
    let language = try language ?? UserConfig.load().language ?? .vi
    let dataset = try loadDataset(path: data)
    var provinces: [Int]?
    if let province {
      provinces = [try Self.province(province, in: dataset)]
    }
    let date = try Self.date(snapshot, default: dataset.latest.date)
    let request = FormRequest(
      dataset: dataset, provinces: provinces, date: date, language: language, prefill: data != nil || demo)
    try writeWorkbook(to: output, force: force) { temporary in
      try FormWriter.write(request, to: temporary)
    }
  }

  static func loadDataset(path: String?) throws -> Dataset {
    do {
      if let path {
        let loaded = try DatasetLoader().load(path: path)
        printWarnings(loaded.warnings, file: path)
        return loaded.dataset
      }
      return try DemoDataset.load().dataset
    } catch {
      Console.error(error.commandLineDescription)
      throw ExitCode(error.kind == .unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
    }
  }

  static func date(_ text: String?, default fallback: CalendarDate) throws -> CalendarDate {
    guard let text, text != "latest" else { return fallback }
    // The same two spellings as --snapshot on the dashboard and export.
    if let date = CalendarDate(iso: text) ?? CalendarDate(dayMonthYear: text) { return date }
    throw ValidationError(CommandText.notADate(text))
  }

  static func province(_ query: String, in dataset: Dataset) throws -> Int {
    let exporter = ViewExport(
      data: DashboardData(dataset: dataset, sourceName: ""), options: DisplayOptions(language: .vi, unicode: true))
    guard let index = exporter.province(named: query) else {
      Console.error(provinceNotFound(query, in: dataset))
      throw ExitCode.validationFailure
    }
    return index
  }

  /// Has `write` make the workbook in a private temporary folder (libxlsxwriter writes to a path),
  /// then puts its bytes in place through the one atomic writer, with its rules for existing files,
  /// links and devices.
  static func writeWorkbook(to path: String, force: Bool, _ write: (String) throws -> Void) throws {
    var template = Array((PathText.temporaryFolder() + "digitrack-form-XXXXXX").utf8CString)
    let made: UnsafeMutablePointer<CChar>? = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    guard let made else {
      Console.error(CommandText.cannotWrite(path, CommandText.noTemporaryFolder(.systemError(errno))))
      throw ExitCode(ExitStatus.unreadable)
    }
    let folder = String(cString: made)
    let temporary = folder + "/form.xlsx"
    defer {
      unlink(temporary)
      rmdir(folder)
    }
    let bytes: [UInt8]
    do {
      try write(temporary)
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: temporary)))
    } catch {
      Console.error("\(path): error: cannot write: \(error)")
      throw ExitCode(ExitStatus.unreadable)
    }
    try OutputChoice.write(bytes, to: path, force: force)
  }
}
