import ArgumentParser
import DigiTrackModel
import DigiTrackUI
import Foundation

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
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
        digitrack-tui export --snapshot 2025-07-31
      """)
  )

  @OptionGroup var dataOptions: DataOptions
  @OptionGroup var languageOptions: LanguageOptions
  @OptionGroup var snapshotOptions: SnapshotOptions

  @Option(name: .long, help: ArgumentHelp(tr("overview (default), matrix or province."), valueName: "view"))
  var view: ViewKind?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("The province for --view province: a name (diacritics optional) or a code."), valueName: "name-or-code"))
  var province: String?

  @Option(name: .long, help: ArgumentHelp(tr("text (default), markdown, csv or json."), valueName: "format"))
  var format: ExportFormat = .text

  @Option(name: .long, help: ArgumentHelp(tr("Width in columns for text (default 100)."), valueName: "n"))
  var width: Int = 100

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "Keep only the provinces that match, as / does in the dashboard (overview and matrix); the export says it is filtered."
      ),
      valueName: "text"))
  var filter: String = ""

  @OptionGroup var outputOptions: OutputOptions

  func validate() throws {
    guard (20...1000).contains(width) else { throw ValidationError(tr("--width must be between 20 and 1000")) }
    if view == .province, province == nil {
      throw ValidationError(tr("--view province needs --province NAME_OR_CODE"))
    }
  }

  func run() throws {
    let config = try UserConfig.load()
    let data = try snapshotOptions.apply(to: dataOptions.load())
    let options = languageOptions.displayOptions(config: config)
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
    let text = exporter.render(view: kind, province: provinceIndex, format: format, width: width, filter: filter)
    try outputOptions.write(Array(text.utf8))
  }
}
