import ArgumentParser
import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import Foundation

struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the colour themes: built-in, installed and your own.",
    discussion: """
      One theme per line: its name, where it comes from, and what it is for. Add your own as NAME.json in $XDG_CONFIG_HOME/digitrack/themes (or ~/.config/digitrack/themes); the format is in docs/THEMES.md.

      Examples:
        digitrack-tui themes
        digitrack-tui --theme light
      """
  )

  func run() throws {
    let catalog = ThemeDiscovery.catalog()
    for entry in catalog.entries {
      let origin: String
      switch entry.origin {
      case .builtIn: origin = "built-in"
      case .installed(let path): origin = "installed: \(path)"
      case .user(let path): origin = "user: \(path)"
      }
      let problem: String
      do {
        _ = try catalog.theme(named: entry.name)
        problem = ""
      } catch {
        problem = "  [broken: \(error.problem)]"
      }
      // Names, paths and descriptions come from theme files: printable, never raw.
      let fields = [entry.name, origin, entry.description ?? ""].map(SafeText.printable)
      print(fields.joined(separator: "\t") + problem)
    }
  }
}
