import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import FoundationEssentials
import Glibc

/// `import`: filled-in forms into a copy of a dataset (issue 13, item 2). The forms' cells are read
/// side by side while the dataset loads (`FormReaders.start`), their reports are made side by side
/// (`FormImporter.read(_:)`), then combined and checked once.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    _superCommandName: "digitrack-tui",
    abstract: tr("Add filled-in .xlsx, .ods or .csv forms to a copy of a dataset."),
    discussion: CommandText.discussion(
      "import",
      """
      Each form's reports go in at the form's report date (or --snapshot DATE): replacing the province's report at a date the dataset has, or starting a new snapshot. Status words may be Vietnamese or English, with or without diacritics, in any case; an empty cell is not reported. Every error names the file, the sheet and the cell, all are listed at once, and nothing is written when there is any. Exit status: 0 written; 1 a form or the dataset is invalid; 2 a file cannot be read or written.

      Examples:
        digitrack-tui import lang-son.xlsx --into tinh.json -o tinh-moi.json
        digitrack-tui import bao-cao/*.xlsx --into tinh.json --snapshot 31/01/2026 -o tinh-moi.json
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  @Argument(help: ArgumentHelp(tr("The filled-in forms."), valueName: "file"))
  var files: [String]

  @Option(
    name: .long, help: ArgumentHelp(tr("The dataset to add the reports to (it is not changed)."), valueName: "file"))
  var into: String

  @Option(
    name: .long,
    help: ArgumentHelp(tr("Use this report date instead of the forms' (YYYY-MM-DD or dd/mm/yyyy)."), valueName: "date"))
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("Cite this source (an id in the dataset's sources) for the imported figures; default \"illustrative\"."),
      valueName: "id"))
  var source: String?

  @Option(name: .shortAndLong, help: ArgumentHelp(tr("The dataset to write."), valueName: "file"))
  var output: String

  @Flag(name: .long, help: ArgumentHelp(tr("Replace the output file if it exists.")))
  var force = false

  @Flag(
    name: .long, help: ArgumentHelp(tr("Print the CPU time of each stage to standard error (for docs/PERFORMANCE.md)."))
  )
  var timings = false

  var invocation: ImportInvocation {
    ImportInvocation(
      language: languageOptions.lang, files: files, into: into, snapshot: snapshot, source: source, output: output,
      force: force, timings: timings)
  }

  func validate() throws { try invocation.validate() }

  func run() throws { try invocation.run() }
}

/// `import` as plain values: what runs, whichever parser read the command line.
struct ImportInvocation: Equatable {
  var language: Language?
  var files: [String]
  var into: String
  var snapshot: String?
  var source: String?
  var output: String
  var force = false
  var timings = false

  func validate() throws {
    if files.isEmpty { throw ValidationError(tr("give at least one form to import")) }
  }

  func run() throws {
    var clock = StageClock(enabled: timings)
    let messages = SheetMessages(language: CommandLanguage.current)
    // The forms' cells are read while the dataset loads: reading them needs no dataset.
    let reading = FormReaders().start(files: files.map { ($0, $0) })
    let dataset = try SheetCommands.loadDataset(path: into)
    clock.lap("load \(into)")
    var date: CalendarDate?
    if let snapshot { date = try SheetCommands.date(snapshot, default: dataset.latest.date) }
    var provenance = Provenance.illustrative
    if let source, source != "illustrative" {
      guard let index = dataset.sources.firstIndex(where: { $0.id == source }) else {
        throw ValidationError(messages.unknownSource(source, known: dataset.sources.map(\.id)))
      }
      provenance = .source(index)
    }
    let importer = FormImporter(dataset: dataset, date: date)
    var reports: [ImportedReport] = []
    var problems: [FormProblem] = []
    var unreadable = false
    for result in importer.read(reading) {
      switch result {
      case .success(let read): reports += read
      case .failure(let failure):
        problems += failure.problems
        unreadable = unreadable || failure.problems.contains { $0.message.en.hasPrefix("cannot open") }
      }
    }
    clock.lap("read \(files.count) form(s)")
    if problems.isEmpty, reports.isEmpty {
      Console.error(messages.nothingToImport)
      throw ExitCode(ExitStatus.invalid)
    }
    if problems.isEmpty {
      let combined = DatasetUpdate.apply(reports, to: dataset, source: provenance)
      clock.lap("combine, write JSON in memory, load it back")
      switch combined {
      case .success(let result):
        try OutputChoice.write(result.json, to: output, force: force)
        clock.lap("write \(output)")
        let provinces = Set(reports.map(\.province)).count
        let dates = Set(reports.map(\.date.description)).sorted().joined(separator: ", ")
        Console.output(
          messages.imported(output: output, reports: reports.count, provinces: provinces, dates: dates, into: into))
        // Figures that cite no source show as illustrative everywhere; say so where they come in.
        if provenance == .illustrative { Console.error(messages.importedAsIllustrative) }
        return
      case .failure(let failure): problems = failure.problems
      }
    }
    for problem in problems { Console.error(problem.description(in: CommandLanguage.current)) }
    Console.error(messages.errorsNothingWritten(problems.count))
    throw ExitCode(unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
  }
}

/// CPU time per stage of this process, immune to other work on a loaded machine.
struct StageClock {
  let enabled: Bool
  private var last: Double

  init(enabled: Bool) {
    self.enabled = enabled
    last = StageClock.now()
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  mutating func lap(_ stage: String) {
    guard enabled else { return }
    let time = StageClock.now()
    Console.error(CFormat.string("%8.1f ms  ", (time - last) * 1000) + stage)
    last = time
  }
}
