import ArgumentParser
import DigiTrackModel

@main
struct DigiTrackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digitrack-tui",
    // ASCII only: the man page generator drops other characters.
    abstract: "Track the digital transformation of the provinces, in the terminal.",
    discussion: """
      With no command, opens the dashboard on the built-in demo data, or on --data FILE. Data format: docs/FORMAT.md (version \(Dataset.formatVersion)).

      Examples:
        digitrack-tui                          open the demo dashboard
        digitrack-tui --data tinh.json --lang en
        digitrack-tui export --view matrix --width 200 -o matrix.txt
        digitrack-tui validate tinh.json
        digitrack-tui bench                    time loading and rendering against Python (docs/PERFORMANCE.md)
      """,
    version: "digitrack-tui \(DigiTrackVersion.version) (data format \(Dataset.formatVersion))",
    subcommands: [
      DashboardCommand.self, ExportCommand.self, ValidateCommand.self, TemplateCommand.self,
      GenerateCommand.self, ThemesCommand.self, BenchCommand.self,
      FormCommand.self, ImportCommand.self, MergeCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )
}

enum DigiTrackVersion {
  static let version = "0.1.0"
}
