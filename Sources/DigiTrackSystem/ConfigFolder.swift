import FoundationEssentials
import Glibc

/// `$XDG_CONFIG_HOME/digitrack` when XDG_CONFIG_HOME is an absolute path, else
/// `~/.config/digitrack`: where config.json and the user's themes live.
public enum ConfigFolder {
  public static func path(environment: [String: String] = ConfigFolder.environment) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/digitrack" }
    return (environment["HOME"] ?? homeFromPasswd()) + "/.config/digitrack"
  }

  /// The variables the configuration folder depends on (HOME, XDG_CONFIG_HOME), read with `getenv`.
  /// `ProcessInfo.processInfo.environment` copies every variable into a dictionary: 0.7 M
  /// instructions at every start, for two of them (docs/PERFORMANCE.md, "Start-up").
  public static var environment: [String: String] {
    var variables: [String: String] = [:]
    for name in ["HOME", "XDG_CONFIG_HOME"] {
      if let value = getenv(name) { variables[name] = String(cString: value) }
    }
    return variables
  }

  /// The user's home folder from the password database, for a process started without HOME.
  static func homeFromPasswd() -> String {
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/" }
    return String(cString: directory)
  }
}
