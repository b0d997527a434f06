import Foundation

/// `$XDG_CONFIG_HOME/digitrack` when XDG_CONFIG_HOME is an absolute path, else
/// `~/.config/digitrack`: where config.json and the user's themes live.
public enum ConfigFolder {
  public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/digitrack" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/digitrack"
  }
}
