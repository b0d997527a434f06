import ArgumentParser
import DigiTrackModel
import DigiTrackUI
import Foundation

/// `--data` and `--max-size`, shared by the dashboard and `export`.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("A DigiTrack JSON file; the built-in demo data when omitted.", valueName: "file"))
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Refuse data files larger than this many MiB (default \(DatasetLoader.defaultMaxBytes >> 20)).", valueName: "mib")
  )
  var maxSize: Int?

  func validate() throws {
    if let maxSize, !(1...65_536).contains(maxSize) {
      throw ValidationError("--max-size must be between 1 and 65536 MiB")
    }
  }

  var loader: DatasetLoader {
    DatasetLoader(maxBytes: (maxSize ?? (DatasetLoader.defaultMaxBytes >> 20)) << 20)
  }

  /// Loads the data or prints why it cannot, naming the file and the place.
  func load() throws -> DashboardData {
    do {
      if let data {
        let loaded = try loader.load(path: data)
        printWarnings(loaded.warnings, file: data)
        return DashboardData(dataset: loaded.dataset, sourceName: (data as NSString).lastPathComponent)
      }
      let loaded = try DemoDataset.load()
      return DashboardData(dataset: loaded.dataset, sourceName: DemoDataset.name)
    } catch {
      Console.error(error.commandLineDescription)
      throw ExitCode(error.kind == .unreadable ? ExitStatus.unreadable : ExitStatus.invalid)
    }
  }
}

/// `--lang`.
struct LanguageOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("Language of the interface and exports: vi (default) or en.", valueName: "vi|en"))
  var lang: Language?
}

extension LanguageOptions {
  /// The flag, else the config file, else Vietnamese; ASCII where the locale is not UTF-8.
  func displayOptions(config: UserConfig) -> DisplayOptions {
    DisplayOptions(language: lang ?? config.language ?? .vi, unicode: localeIsUTF8())
  }
}

extension Language: ExpressibleByArgument {}
extension ViewKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// Exit statuses, as README documents them.
enum ExitStatus {
  static let invalid: Int32 = 1
  static let unreadable: Int32 = 2
}

enum Console {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}

func printWarnings(_ warnings: [Diagnostic], file: String) {
  for warning in warnings { Console.error(warning.formatted(file: SafeText.printable(file))) }
}

extension LoadError {
  /// The loader's message, plus the flag that raises the size limit (the model knows no flags).
  var commandLineDescription: String {
    exceedsSizeLimit ? description + "; raise it with --max-size MIB" : description
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

/// Writes `text` to `path`. A regular file is written through a temporary file and a rename, so a
/// reader never sees half a file; a symbolic link is followed, and a device or pipe
/// (`-o /dev/stdout`, `-o /dev/null`) is written directly rather than replaced by a file.
func writeAtomically(_ text: String, to path: String) throws {
  func fail(_ message: String) -> Error {
    Console.error("\(path): error: cannot write: \(message)")
    return ExitCode(ExitStatus.unreadable)
  }
  var info = stat()
  if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw fail("is a directory") }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw fail(String(cString: strerror(errno))) }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw fail((error as NSError).localizedDescription)
    }
    return
  }
  // Follow links by hand: a link to a file that does not exist yet must still be kept a link.
  var target = path
  for _ in 0..<16 {
    guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: target) else { break }
    target =
      destination.hasPrefix("/") ? destination : (target as NSString).deletingLastPathComponent + "/" + destination
  }
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
  } catch {
    throw fail((error as NSError).localizedDescription)
  }
}
