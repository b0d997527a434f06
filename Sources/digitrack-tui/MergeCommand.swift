import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import FoundationEssentials
import Glibc

/// `merge`: province reports of the same plan from several datasets into one (issue 13, item 3).
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    _superCommandName: "digitrack-tui",
    abstract: tr("Combine datasets of the same plan into one, by report date."),
    discussion: CommandText.discussion(
      "merge",
      """
      The first file gives the title, regions and provinces; all must track the same plan and provinces. A conflict is two files reporting the same province at the same date with different values: each is listed with both files, and nothing is written unless --prefer decides (newer: the file modified last; FILE: that file). Exit status: 0 written; 1 invalid or a conflict; 2 a file cannot be read or written.

      Examples:
        digitrack-tui merge bac.json nam.json -o toan-quoc.json
        digitrack-tui merge a.json b.json --prefer b.json -o ab.json
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  @Argument(help: ArgumentHelp(tr("The datasets to combine."), valueName: "file"))
  var files: [String]

  @Option(name: .long, help: ArgumentHelp(tr("Decide conflicts: newer, or a file's name."), valueName: "newer|file"))
  var prefer: String?

  @Option(name: .shortAndLong, help: ArgumentHelp(tr("The dataset to write."), valueName: "file"))
  var output: String

  @Flag(name: .long, help: ArgumentHelp(tr("Replace the output file if it exists.")))
  var force = false

  func validate() throws {
    if files.count < 2 { throw ValidationError(tr("give at least two datasets to merge")) }
    if let prefer, prefer != "newer", !files.contains(prefer) {
      throw ValidationError(tr("--prefer must be newer or one of the files given"))
    }
  }

  func run() throws {
    let messages = SheetMessages(language: CommandLanguage.current)
    var parts: [DatasetMerge.Part] = []
    for file in files {
      let dataset = try SheetCommands.loadDataset(path: file)
      let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)?
        .timeIntervalSince1970
      parts.append(DatasetMerge.Part(file: file, dataset: dataset, modified: modified ?? 0))
    }
    let preference: DatasetMerge.Preference =
      switch prefer {
      case nil: .none
      case "newer": .newer
      case let file?: .file(file)
      }
    switch DatasetMerge.merge(parts, prefer: preference) {
    case .success(let merged):
      let json = String(decoding: DatasetWriter.json(merged), as: UTF8.self)
      do {
        _ = try DatasetLoader().load(bytes: Array(json.utf8), name: output)
      } catch {
        Console.error(CommandText.mergedInvalid(output, error))
        throw ExitCode(ExitStatus.invalid)
      }
      try OutputChoice.write(Array(json.utf8), to: output, force: force)
      print(messages.merged(output: output, files: files.count, snapshots: merged.snapshots.count))
    case .failure(let failure):
      for problem in failure.problems { Console.error(problem.description(in: CommandLanguage.current)) }
      Console.error(messages.conflictsNothingWritten(failure.problems.count))
      throw ExitCode(ExitStatus.invalid)
    }
  }
}
