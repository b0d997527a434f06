import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

/// `--data`, `--prefer` and `--max-size`, shared by the dashboard and `export`.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "A DigiTrack JSON file, or a folder whose .json, .xlsx, .ods and .csv files are parts of one dataset; the built-in demo data when omitted."
      ),
      valueName: "file|dir"))
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("With --data DIR: decide conflicts between files, as merge does: newer, or a file's name."),
      valueName: "newer|file"))
  var prefer: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("Refuse data files larger than this many MiB (default \(DatasetLoader.defaultMaxBytes >> 20))."),
      valueName: "mib")
  )
  var maxSize: Int?

  func validate() throws { try choice.validate() }

  var choice: DataChoice { DataChoice(data: data, prefer: prefer, maxSize: maxSize) }
}

/// What `--data`, `--prefer` and `--max-size` chose, as plain values: the commands run on these,
/// whether ArgumentParser or `QuickCommandLine` parsed the line.
struct DataChoice: Equatable {
  var data: String?
  var prefer: String?
  var maxSize: Int?

  func validate() throws {
    if let maxSize, !(1...65_536).contains(maxSize) {
      throw ValidationError(tr("--max-size must be between 1 and 65536 MiB"))
    }
  }

  var loader: DatasetLoader {
    DatasetLoader(maxBytes: (maxSize ?? (DatasetLoader.defaultMaxBytes >> 20)) << 20)
  }

  /// Loads the data or prints why it cannot, naming the file and the place. `fallback` is the
  /// file (or folder) config.json names, used when `--data` is not given.
  func load(fallback: String? = nil) throws -> DashboardData { try loadReportingBad(fallback: fallback).data }

  /// The data, and for a folder the files left out (already printed to standard error).
  func loadReportingBad(fallback: String? = nil) throws -> (data: DashboardData, bad: [FormProblem]) {
    if let path = data ?? fallback, FolderDataset.isFolder(path) { return try loadFolder(path) }
    return (try loadFile(fallback: fallback), [])
  }

  private func loadFile(fallback: String?) throws -> DashboardData {
    do {
      if let data = data ?? fallback {
        let loaded = try loader.load(path: data)
        printWarnings(loaded.warnings, file: data)
        let name = PathText.lastComponent(data)
        let warnings = loaded.warnings.map { $0.formatted(file: name, language: CommandLanguage.current) }
        return DashboardData(dataset: loaded.dataset, sourceName: name, warnings: warnings)
      }
      let loaded = try DemoDataset.load()
      return DashboardData(dataset: loaded.dataset, sourceName: DemoDataset.name)
    } catch {
      Console.error(error.commandLineDescription)
      throw ExitCode(error.kind == .unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
    }
  }
}

/// What the dashboard and `export` read and show: the data (`--data`, `--prefer`, `--max-size`),
/// the language (`--lang`) and the report dates (`--snapshot`, `--compare`), as plain values.
struct DataRequest: Equatable {
  var data = DataChoice()
  var language: Language?
  var dates = DateChoice()

  /// The checks of the three option groups.
  func validate() throws {
    try data.validate()
    try dates.validate()
  }
}

/// `--lang`.
struct LanguageOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(tr("Language of the interface and exports: vi (default) or en."), valueName: "vi|en"))
  var lang: Language?
}

extension LanguageOptions {
  func displayOptions(config: UserConfig) -> DisplayOptions { displayOptionsFor(lang, config: config) }
}

/// `--lang`, else the config file, else Vietnamese; ASCII where the locale is not UTF-8; the
/// config file's key bindings.
func displayOptionsFor(_ language: Language?, config: UserConfig) -> DisplayOptions {
  DisplayOptions(language: language ?? config.language ?? .vi, unicode: localeIsUTF8(), keys: config.keys)
}

extension Language: ExpressibleByArgument {}
extension ViewKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension ExportFileFormat: ExpressibleByArgument {}

/// ArgumentParser's own `allValueStrings` for these enums maps the cases through a key path
/// (`\.rawValue.defaultValueDescription`) and its `allValueDescriptions` folds them into a
/// dictionary; each instantiates generic metadata by name, and each first lookup scans every
/// protocol conformance record in the binary (docs/PERFORMANCE.md, "Start-up"), once per type at
/// every start. The same values without them: a String's description is itself, and a raw value
/// equal to its description means no description.
extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
  public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
  public static var allValueDescriptions: [String: String] { [:] }
}

/// An export's data, kept until the process ends: releasing a national dataset object by object
/// when `run` returns costs millions of instructions (4.3 M at ten times the national size), work
/// that the kernel's reclaiming of the whole address space at exit does for nothing. Only for a
/// command that loads one dataset and ends.
enum KeptUntilExit {
  static func keep(_ object: AnyObject) { _ = Unmanaged.passRetained(object) }
}

/// Exit statuses, as README documents them.
enum ExitStatus {
  static let invalid: Int32 = 1
  static let unreadable: Int32 = 2
}

/// Lines on standard output and standard error, written with write(2): `print` casts its argument
/// to the output protocols and `FileHandle` with `Data` looks up `ContiguousBytes`, and each first
/// lookup scans every protocol conformance record in the binary (docs/PERFORMANCE.md, "Start-up").
enum Console {
  static func error(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO) }

  static func output(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

  /// `text` as it is, without a line break added.
  static func outputAsIs(_ text: String) { write(text, to: STDOUT_FILENO) }

  private static func write(_ text: String, to descriptor: Int32) { RunningProcess.write(text, to: descriptor) }
}

func printWarnings(_ warnings: [Diagnostic], file: String) {
  for warning in warnings {
    Console.error(warning.formatted(file: SafeText.printable(file), language: CommandLanguage.current))
  }
}

extension LoadError {
  /// The loader's message in the command line's language, plus the flag that raises the size
  /// limit (the model knows no flags).
  var commandLineDescription: String {
    let text = description(in: CommandLanguage.current)
    return exceedsSizeLimit ? text + tr("; raise it with --max-size MIB") : text
  }
}

/// Whether this process can write UTF-8 to the terminal. Under LANG=C, bars, glyphs and names
/// fall back to ASCII rather than turning into mojibake.
func localeIsUTF8() -> Bool {
  setlocale(LC_ALL, "")
  guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
  let name = String(cString: codeset).uppercased()
  return name == "UTF-8" || name == "UTF8"
}

/// `-o FILE` and `--force`, shared by `export`, `template` and `generate`.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(tr("Write to this file instead of standard output (- is standard output)."), valueName: "file"))
  var output: String?

  @Flag(name: .long, help: ArgumentHelp(tr("Replace the -o file if it exists (its mode and owner are kept).")))
  var force = false

  var choice: OutputChoice { OutputChoice(output: output, force: force) }

  func write(_ bytes: [UInt8]) throws { try choice.write(bytes) }
}

/// Where `-o` and `--force` send a command's output, as plain values.
struct OutputChoice: Equatable {
  var output: String?
  var force = false

  /// Writes `bytes` to `-o` (standard output without it) through the one atomic writer; an existing
  /// file is refused unless `--force`. Failures are printed, naming the file, and exit with 2.
  func write(_ bytes: [UInt8]) throws { try Self.write(bytes, to: output ?? "-", force: force) }

  /// The same for a command whose `-o` is required (import, merge, form).
  static func write(_ bytes: [UInt8], to path: String, force: Bool) throws {
    switch AtomicWriter.write(bytes, to: path, replace: force) {
    case .success: return
    case .failure(let failure):
      switch failure {
      case .exists: Console.error("\(CommandText.errorLabel): \(failure.message(in: CommandLanguage.current))")
      case .failed(let path, let problem): Console.error(CommandText.cannotWrite(path, problem))
      }
      throw ExitCode(ExitStatus.unreadable)
    }
  }
}

/// Why `--province QUERY` found no single province: the provinces it matches, or (when it
/// matches none) every province, as `CODE NAME`.
func provinceNotFound(_ query: String, in dataset: Dataset) -> String {
  let finder = ViewExport(data: DashboardData(dataset: dataset, sourceName: ""), options: DisplayOptions())
  let matched = finder.provinces(matching: query)
  let shown = matched.isEmpty ? Array(dataset.provinces.indices) : matched
  let names = shown.map { "\(dataset.provinces[$0].code) \(dataset.provinces[$0].name)" }
  return SafeText.printable(
    CommandText.noSingleProvince(query, candidates: names, matched: !matched.isEmpty))
}
