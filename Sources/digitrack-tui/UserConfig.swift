import ArgumentParser
import DigiTrackModel
import DigiTrackSystem
import Foundation

/// `$XDG_CONFIG_HOME/digitrack/config.json` (or `~/.config/digitrack/config.json`):
/// `{"theme": "light", "lang": "en"}`. Command-line flags win over it.
struct UserConfig {
  var theme: String?
  var language: Language?

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
    var config = UserConfig()
    for (key, value) in fields {
      switch key {
      case "theme":
        guard let name = value as? String, !name.isEmpty else { throw fail(tr("theme must be a theme name")) }
        config.theme = name
      case "lang":
        guard let code = value as? String, let language = Language(rawValue: code) else {
          throw fail(tr("lang must be \"vi\" or \"en\""))
        }
        config.language = language
      default:
        throw fail(CommandText.unknownConfigKey(key))
      }
    }
    return config
  }
}
