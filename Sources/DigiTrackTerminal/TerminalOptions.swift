import DigiTrackUI

/// How the interactive dashboard runs, as the command line sets it.
public struct TerminalOptions: Sendable {
  /// Mouse clicks and the wheel (off with `--no-mouse`).
  public var mouse: Bool
  /// Where the `e` key writes exports; the working directory when empty.
  public var exportDirectory: String
  public var theme: Theme
  /// False under NO_COLOR or `--no-color`: attributes only.
  public var color: Bool
  /// The data file to watch and reload (nil for the built-in demo), and how to load it: the result
  /// is `.dataReloaded` or `.reloadFailed` for the state.
  public var dataFile: String?
  public var reload: (@Sendable () -> Event)?

  public init(
    mouse: Bool = true, exportDirectory: String = "", theme: Theme = .standard, color: Bool = true,
    dataFile: String? = nil, reload: (@Sendable () -> Event)? = nil
  ) {
    self.dataFile = dataFile
    self.reload = reload
    self.mouse = mouse
    self.exportDirectory = exportDirectory
    self.theme = theme
    self.color = color
  }
}
