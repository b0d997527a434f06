import ArgumentParser
import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

/// `$XDG_CONFIG_HOME/digitrack/config.json` (or `~/.config/digitrack/config.json`):
/// `{"theme": "light", "lang": "en", "data": "~/bao-cao/tinh.json", "exportDir": "~/bao-cao",
/// "keys": {"quit": ["q", "x"]}}` (docs/CONFIG.md). Command-line flags win over it. `data` and
/// `exportDir` may start with `~/`; a relative path is read from the folder of config.json. Every
/// error names the file, the line and the column of the value (or of the key it is about).
struct UserConfig {
  var theme: String?
  var language: Language?
  /// The data file opened when `--data` is not given.
  var data: String?
  /// The folder the `e` key writes to when `--export-dir` is not given; checked to be a folder.
  var exportDir: String?
  /// `keys`: the dashboard's key bindings, checked (`KeyBindings.parse`); the defaults without it.
  var keys = KeyBindings.defaults
  /// config.json's path, for messages about the values it gave.
  var path = ""

  static func path(environment: [String: String]) -> String {
    ConfigFolder.path(environment: environment) + "/config.json"
  }

  /// Reads the file if there is one; a broken file is an error that names it, never ignored.
  static func load(environment: [String: String] = ConfigFolder.environment) throws -> UserConfig {
    let path = path(environment: environment)
    func fail(_ problem: String) -> Error {
      Console.error(SafeText.printable(CommandText.configProblem(path, problem)))
      return ExitCode(ExitStatus.invalid)
    }
    // The size is checked before reading: config.json is a few lines, never megabytes.
    let data: Data
    switch BoundedFile.read(path) {
    case .success(let contents): data = contents
    case .failure(.missing): return UserConfig()
    case .failure(let failure): throw fail(failure.problem(in: CommandLanguage.current))
    }
    guard let object = try? JSONTree.parse([UInt8](data)), let fields = object as? [String: Any] else {
      throw fail(tr("not a JSON object such as {\"theme\": \"light\", \"lang\": \"en\"}"))
    }
    let bytes = [UInt8](data)
    /// "path:3:16: error: …", where the value is written (or, `named: false`, the key itself).
    func fail(_ key: String, _ problem: String, named: Bool = true) -> Error {
      let at = Self.place([.key(key)], ofKey: !named, in: bytes)
      Console.error(
        SafeText.printable("\(path)\(at): \(CommandText.errorLabel): " + (named ? "\(key): " : "") + problem))
      return ExitCode(ExitStatus.invalid)
    }
    let folder = PathText.deletingLastComponent(path)
    func location(_ key: String, _ value: Any) throws -> String {
      guard let text = value as? String, !text.isEmpty else { throw fail(key, tr("must be a path (a string)")) }
      return Self.resolve(text, from: folder, home: environment["HOME"])
    }
    var config = UserConfig(path: path)
    for key in fields.keys.sorted() {
      let value = fields[key] as Any
      switch key {
      case "theme":
        guard let name = value as? String, !name.isEmpty else { throw fail(key, tr("must be a theme name")) }
        config.theme = name
      case "lang":
        guard let code = value as? String, let language = Language(rawValue: code) else {
          throw fail(key, tr("must be \"vi\" or \"en\""))
        }
        config.language = language
      case "data": config.data = try location(key, value)
      case "exportDir":
        let folderPath = try location(key, value)
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory
        else {
          throw fail(key, say("\(folderPath) không phải là thư mục có sẵn", "\(folderPath) is not an existing folder"))
        }
        config.exportDir = folderPath
      case "keys":
        switch KeyBindings.parse(value) {
        case .success(let keys): config.keys = keys
        case .failure(let errors):
          for line in Self.messages(errors.problems, path: path, in: bytes) { Console.error(line) }
          throw ExitCode(ExitStatus.invalid)
        }
      default:
        throw fail(key, CommandText.unknownConfigKey(key), named: false)
      }
    }
    return config
  }

  /// `:LINE:COLUMN` of the value at `steps` (or of the key that holds it) in config.json's bytes.
  static func place(_ steps: [JSONPositions.Step], ofKey: Bool, in bytes: [UInt8]) -> String {
    let at = JSONPositions.positions(of: [(steps, ofKey)], in: bytes)[0]
    return ":\(at.line):\(at.column)"
  }

  /// Each problem with `keys` as `config.json:5:13: error: keys.quit: …`, in the order of the file,
  /// at most 100 (as the loader); one about two entries is placed at the later, where the clash
  /// was written. Every place is found in one walk of the file.
  static func messages(_ problems: [KeyBindingProblem], path: String, in bytes: [UInt8]) -> [String] {
    let places = problems.flatMap(\.places)
    var found = JSONPositions.positions(of: places.map { ($0.steps, $0.isName) }, in: bytes)[...]
    typealias Located = (at: FilePosition, steps: [JSONPositions.Step], text: LocalizedText)
    let located = problems.map { problem -> Located in
      let here = zip(found.prefix(problem.places.count), problem.places)
      found = found.dropFirst(problem.places.count)
      let latest = here.max { ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column) }
      return (latest?.0 ?? FilePosition(line: 1, column: 1), latest?.1.steps ?? [.key("keys")], problem.text)
    }
    let sorted = located.sorted { ($0.at.line, $0.at.column) < ($1.at.line, $1.at.column) }
    let cap = 100
    let more = sorted.count > cap ? [say("… và \(sorted.count - cap) lỗi nữa", "… and \(sorted.count - cap) more")] : []
    return sorted.prefix(cap).map { entry in
      SafeText.printable(
        "\(path):\(entry.at.line):\(entry.at.column): \(CommandText.errorLabel): \(JSONPositions.spell(entry.steps)): "
          + entry.text[CommandLanguage.current])
    } + more
  }

  /// `~/x` under the home folder, a relative path under the config folder, an absolute one as it is.
  static func resolve(_ path: String, from folder: String, home: String?) -> String {
    if path.hasPrefix("~/"), let home { return home + String(path.dropFirst()) }
    if path.hasPrefix("/") { return path }
    return folder + "/" + path
  }
}
