import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackUI
import Foundation

/// `form`: the `.xlsx` workbook a province fills in (issue 13, item 1). The integrator may expose
/// the same thing as `template --format xlsx`; both call `FormWriter`.
struct FormCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "form",
    abstract: "Write an .xlsx form for a province (or every province) to fill in.",
    discussion: """
      The form holds the report date and the plan code on top, a sheet of provincial criteria with a drop-down of status words, a sheet of commune-level units (or counts), and instructions. Reference columns are locked. Fill it in and read it back with `import`.

      Examples:
        digitrack-tui form --demo --province "lang son" --snapshot 2026-01-31 -o lang-son.xlsx
        digitrack-tui form --data tinh.json -o bieu-mau.xlsx
      """
  )

  @Option(name: .long, help: ArgumentHelp("Prefill from this DigiTrack JSON file.", valueName: "file"))
  var data: String?

  @Flag(name: .long, help: "Prefill from the built-in demo data.")
  var demo = false

  @Option(name: .long, help: ArgumentHelp("Only this province: a code or a name.", valueName: "name-or-code"))
  var province: String?

  @Option(
    name: .long,
    help: ArgumentHelp("The report date of the form (YYYY-MM-DD or dd/mm/yyyy; default the newest).", valueName: "date")
  )
  var snapshot: String?

  @OptionGroup var languageOptions: LanguageOptions

  @Option(name: .shortAndLong, help: ArgumentHelp("The .xlsx file to write.", valueName: "file"))
  var output: String

  @Flag(name: .long, help: "Replace the output file if it exists.")
  var force = false

  func validate() throws {
    if data != nil, demo { throw ValidationError("give --data FILE or --demo, not both") }
  }

  func run() throws {
    let language = try languageOptions.lang ?? UserConfig.load().language ?? .vi
    let dataset = try SheetCommands.loadDataset(path: data)
    var provinces: [Int]?
    if let province {
      provinces = [try SheetCommands.province(province, in: dataset)]
    }
    let date = try SheetCommands.date(snapshot, default: dataset.latest.date)
    try SheetCommands.refuseExisting(output, force: force)
    let request = FormRequest(
      dataset: dataset, provinces: provinces, date: date, language: language, prefill: data != nil || demo)
    try SheetCommands.writeThroughTemporary(output) { temporary in
      try FormWriter.write(request, to: temporary)
    }
  }
}

/// What `form` and `import` share: loading, dates, provinces, writing safely.
enum SheetCommands {
  static func loadDataset(path: String?) throws -> Dataset {
    do {
      if let path {
        let loaded = try DatasetLoader().load(path: path)
        printWarnings(loaded.warnings, file: path)
        return loaded.dataset
      }
      return try DemoDataset.load().dataset
    } catch {
      Console.error(error.description)
      throw ExitCode(error.kind == .unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
    }
  }

  static func date(_ text: String?, default fallback: CalendarDate) throws -> CalendarDate {
    guard let text, text != "latest" else { return fallback }
    if let iso = CalendarDate(iso: text) { return iso }
    let parts = text.split(separator: "/").compactMap { Int($0) }
    if parts.count == 3, let date = CalendarDate(year: parts[2], month: parts[1], day: parts[0]) { return date }
    throw ValidationError("--snapshot \(text) is not a date (YYYY-MM-DD or dd/mm/yyyy)")
  }

  static func province(_ query: String, in dataset: Dataset) throws -> Int {
    let exporter = ViewExport(
      data: DashboardData(dataset: dataset, sourceName: ""), options: DisplayOptions(language: .vi, unicode: true))
    guard let index = exporter.province(named: query) else {
      throw ValidationError("no single province matches \"\(query)\"; give a code or a fuller name")
    }
    return index
  }

  static func refuseExisting(_ path: String, force: Bool) throws {
    if !force, FileManager.default.fileExists(atPath: path) {
      Console.error("\(path): error: exists already; give --force to replace it")
      throw ExitCode(ExitStatus.invalid)
    }
  }

  /// Writes through a temporary file in the same folder and a rename, so a reader never sees half
  /// a workbook and a failed write leaves nothing behind.
  static func writeThroughTemporary(_ path: String, _ write: (String) throws -> Void) throws {
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
      Console.error("\(path): error: cannot write: the folder \(folder) does not exist")
      throw ExitCode(ExitStatus.unreadable)
    }
    let temporary = (folder.isEmpty ? "." : folder) + "/.digitrack-\(getpid())-" + (path as NSString).lastPathComponent
    do {
      try write(temporary)
      guard rename(temporary, path) == 0 else { throw SheetWriteErrorText(String(cString: strerror(errno))) }
    } catch {
      unlink(temporary)
      Console.error("\(path): error: cannot write: \(error)")
      throw ExitCode(ExitStatus.unreadable)
    }
  }
}

struct SheetWriteErrorText: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
