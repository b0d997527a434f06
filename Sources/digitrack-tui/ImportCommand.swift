import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import Foundation

/// `import`: filled-in forms into a copy of a dataset (issue 13, item 2).
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Add filled-in .xlsx or .csv forms to a copy of a dataset.",
    discussion: """
      Each form's reports go in at the form's report date (or --snapshot DATE): replacing the province's report at a date the dataset has, or starting a new snapshot. Status words may be Vietnamese or English, with or without diacritics, in any case; an empty cell is not reported. Every error names the file, the sheet and the cell, all are listed at once, and nothing is written when there is any. Exit status: 0 written; 1 a form or the dataset is invalid; 2 a file cannot be read or written.

      Examples:
        digitrack-tui import lang-son.xlsx --into tinh.json -o tinh-moi.json
        digitrack-tui import bao-cao/*.xlsx --into tinh.json --snapshot 31/01/2026 -o tinh-moi.json
      """
  )

  @Argument(help: ArgumentHelp("The filled-in forms.", valueName: "file"))
  var files: [String]

  @Option(name: .long, help: ArgumentHelp("The dataset to add the reports to (it is not changed).", valueName: "file"))
  var into: String

  @Option(
    name: .long,
    help: ArgumentHelp("Use this report date instead of the forms' (YYYY-MM-DD or dd/mm/yyyy).", valueName: "date"))
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Cite this source (an id in the dataset's sources) for the imported figures; default \"illustrative\".",
      valueName: "id"))
  var source: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write.", valueName: "file"))
  var output: String

  @Flag(name: .long, help: "Replace the output file if it exists.")
  var force = false

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one form to import") }
  }

  func run() throws {
    let dataset = try SheetCommands.loadDataset(path: into)
    var date: CalendarDate?
    if let snapshot { date = try SheetCommands.date(snapshot, default: dataset.latest.date) }
    var provenance = Provenance.illustrative
    if let source, source != "illustrative" {
      guard let index = dataset.sources.firstIndex(where: { $0.id == source }) else {
        throw ValidationError(
          "--source \(source) is not in the dataset's sources: " + dataset.sources.map(\.id).joined(separator: ", "))
      }
      provenance = .source(index)
    }
    try SheetCommands.refuseExisting(output, force: force)
    let importer = FormImporter(dataset: dataset, date: date)
    var reports: [ImportedReport] = []
    var problems: [FormProblem] = []
    var unreadable = false
    for file in files {
      switch importer.read(path: file, name: file) {
      case .success(let read): reports += read
      case .failure(let failure):
        problems += failure.problems
        unreadable = unreadable || failure.problems.contains { $0.message.hasPrefix("cannot open") }
      }
    }
    if problems.isEmpty {
      switch DatasetUpdate.apply(reports, to: dataset, source: provenance) {
      case .success(let result):
        try writeAtomically(result.json, to: output)
        let provinces = Set(reports.map(\.province)).count
        let dates = Set(reports.map(\.date.description)).sorted().joined(separator: ", ")
        print("\(output): \(reports.count) report(s) of \(provinces) province(s) at \(dates) added to \(into)")
        return
      case .failure(let failure): problems = failure.problems
      }
    }
    for problem in problems { Console.error(problem.description) }
    Console.error("\(problems.count) error(s); nothing written")
    throw ExitCode(unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
  }
}
