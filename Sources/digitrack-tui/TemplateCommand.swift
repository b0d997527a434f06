import ArgumentParser
import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// `template` writes a blank form to fill in; `template --demo` writes the demo. A blank form
/// holds only what is sourced or structural (plan, provinces, unit counts) and every status
/// `not_reported`, so no invented figure can be sent on as real (issue 16).
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    _superCommandName: "digitrack-tui",
    abstract: tr("Write a blank form to fill in (or, with --demo, the demo dataset)."),
    discussion: CommandText.discussion(
      "template",
      """
      The blank form has the plan, the provinces and their unit counts, one report date (today unless --snapshot is given) and every status "not_reported": fill in the statuses and cite your sources (docs/FORMAT.md). --demo writes the demo instead, whose unsourced figures are marked "illustrative". --province keeps one province; --snapshot sets the form's date, or with --demo keeps that one report date. -o never replaces an existing file unless --force is given (then its mode and owner are kept); a device such as /dev/null is written to, and -o - is standard output.

      --format xlsx writes the same form as an Excel workbook to fill in (the `form` command does the same): prefilled from --data DATASET.json (or --demo) at the newest report on or before --snapshot, blank otherwise; --lang chooses its language. Read it back with `import`.

      Examples:
        digitrack-tui template -o tinh.json
        digitrack-tui template --format xlsx --data tinh.json --province "Lạng Sơn" --snapshot 2026-01-31 -o lang-son.xlsx
        digitrack-tui template --province "lang son" --snapshot 2026-03-31 -o lang-son.json
        digitrack-tui template --demo -o demo.json --force
        digitrack-tui template --demo | less
      """)
  )

  @Flag(
    name: .long, help: ArgumentHelp(tr("Write the demo dataset (illustrative figures marked) instead of a blank form."))
  )
  var demo = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("Keep only this province: a name (diacritics optional) or a code."), valueName: "name-or-code"))
  var province: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("The form's report date (YYYY-MM-DD); with --demo, the report date to keep."), valueName: "date"))
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(tr("json (default): a DigiTrack dataset; xlsx: an Excel form."), valueName: "json|xlsx")
  )
  var format: TemplateFormat = .json

  @Option(
    name: .long, help: ArgumentHelp(tr("With --format xlsx: prefill the form from this dataset."), valueName: "file"))
  var data: String?

  @OptionGroup var languageOptions: LanguageOptions

  @OptionGroup var outputOptions: OutputOptions

  enum TemplateFormat: String, ExpressibleByArgument {
    case json, xlsx
  }

  func validate() throws {
    if data != nil, format != .xlsx { throw ValidationError(tr("--data goes with --format xlsx")) }
    if data != nil, demo { throw ValidationError(tr("give --data FILE or --demo, not both")) }
    if format == .xlsx, outputOptions.output == nil || outputOptions.output == "-" {
      throw ValidationError(tr("--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)"))
    }
  }

  func run() throws {
    if format == .xlsx {
      try SheetCommands.writeForm(
        data: data, demo: demo, province: province, snapshot: snapshot, language: languageOptions.lang,
        to: outputOptions.output ?? "-", force: outputOptions.force)
      return
    }
    if demo, province == nil, snapshot == nil {
      try outputOptions.write(Array(DemoDataset.bytes))
      return
    }
    let dataset = try DemoDataset.load().dataset
    var kept: [Int]?
    if let province {
      let finder = ViewExport(
        data: DashboardData(dataset: dataset, sourceName: DemoDataset.name), options: DisplayOptions())
      guard let index = finder.province(named: province) else {
        Console.error(provinceNotFound(province, in: dataset))
        throw ExitCode.validationFailure
      }
      kept = [index]
    }
    var date = Self.today
    if let snapshot {
      guard let parsed = CalendarDate(iso: snapshot) else {
        throw ValidationError(CommandText.badISOSnapshot(snapshot))
      }
      date = parsed
    }
    let form: Dataset
    if demo {
      guard let narrowed = dataset.narrowed(to: snapshot == nil ? nil : date, provinces: kept) else {
        let dates = dataset.snapshots.map(\.date.description).joined(separator: ", ")
        throw ValidationError(CommandText.demoHasNoReport(date, dates: dates))
      }
      form = narrowed
    } else {
      form = dataset.blankForm(date: date, provinces: kept)
    }
    try outputOptions.write(DatasetWriter.json(form))
  }

  /// Today's date where the program runs.
  static var today: CalendarDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 2025, month: parts.month ?? 1, day: parts.day ?? 1)
      ?? CalendarDate(year: 2025, month: 12, day: 29)!
  }
}
