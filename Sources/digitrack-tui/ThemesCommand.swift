import ArgumentParser
import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    _superCommandName: "digitrack-tui",
    abstract: tr("List the colour themes: built-in, installed and your own."),
    discussion: CommandText.discussion(
      "themes",
      """
      One theme per line: its name, where it comes from, and what it is for. Add your own as NAME.json in $XDG_CONFIG_HOME/digitrack/themes (or ~/.config/digitrack/themes); the format is in docs/THEMES.md.

      Examples:
        digitrack-tui themes
        digitrack-tui --theme light
      """)
  )

  /// The language of its messages and help (read before parsing, see `CommandLanguage`).
  @OptionGroup var languageOptions: LanguageOptions

  func run() throws {
    let catalog = ThemeDiscovery.catalog()
    for entry in catalog.entries {
      let origin = CommandText.themeLine(origin: entry.origin)
      let problem: String
      do {
        _ = try catalog.theme(named: entry.name)
        problem = ""
      } catch {
        problem = CommandText.brokenTheme(error.problem(in: CommandLanguage.current))
      }
      // Names, paths and descriptions come from theme files: printable, never raw.
      let fields = [entry.name, origin, entry.description ?? ""].map(SafeText.printable)
      print(fields.joined(separator: "\t") + problem)
    }
  }
}
