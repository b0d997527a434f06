import ArgumentParser
import DigiTrackModel
import DigiTrackSystem
import Foundation

/// `$XDG_CONFIG_HOME/digitrack/config.json` (or `~/.config/digitrack/config.json`):
/// `{"theme": "light", "lang": "en", "data": "~/bao-cao/tinh.json", "exportDir": "~/bao-cao"}`.
/// Command-line flags win over it. `data` and `exportDir` may start with `~/`; a relative path is
/// read from the folder of config.json. Every error names the file and the key's line.
struct UserConfig {
  var theme: String?
  var language: Language?
  /// The data file opened when `--data` is not given.
  var data: String?
  /// The folder the `e` key writes to when `--export-dir` is not given; checked to be a folder.
  var exportDir: String?
  /// config.json's path, for messages about the values it gave.
  var path = ""

  static func path(environment: [String: String]) -> String {
    ConfigFolder.path(environment: environment) + "/config.json"
  }

  /// Reads the file if there is one; a broken file is an error that names it, never ignored.
  static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> UserConfig {
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
    guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
      throw fail(tr("not a JSON object such as {\"theme\": \"light\", \"lang\": \"en\"}"))
    }
    let text = String(decoding: data, as: UTF8.self)
    /// "path:3: error: …", the line where the key is written.
    func fail(_ key: String, _ problem: String, named: Bool = true) -> Error {
      let line = Self.line(of: key, in: text).map { ":\($0)" } ?? ""
      Console.error(
        SafeText.printable("\(path)\(line): \(CommandText.errorLabel): " + (named ? "\(key): " : "") + problem))
      return ExitCode(ExitStatus.invalid)
    }
    let folder = (path as NSString).deletingLastPathComponent
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue
        else {
          throw fail(key, say("\(folderPath) không phải là thư mục có sẵn", "\(folderPath) is not an existing folder"))
        }
        config.exportDir = folderPath
      default:
        throw fail(key, CommandText.unknownConfigKey(key), named: false)
      }
    }
    return config
  }

  /// The 1-based line where `"key"` is first written as a key.
  static func line(of key: String, in text: String) -> Int? {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains("\"\(key)\"") {
      return number + 1
    }
    return nil
  }

  /// `~/x` under the home folder, a relative path under the config folder, an absolute one as it is.
  static func resolve(_ path: String, from folder: String, home: String?) -> String {
    if path.hasPrefix("~/"), let home { return home + String(path.dropFirst()) }
    if path.hasPrefix("/") { return path }
    return folder + "/" + path
  }
}
