import DigiTrackModel
import DigiTrackUI

/// How the interactive dashboard runs, as the command line sets it. The data file itself is the
/// state's `dataPath`; this says only how to read it.
public struct TerminalOptions: Sendable {
  /// Mouse clicks and the wheel (off with `--no-mouse`).
  public var mouse: Bool
  /// Where the `e` key writes exports; the working directory when empty.
  public var exportDirectory: String
  public var theme: Theme
  /// False under NO_COLOR or `--no-color`: attributes only.
  public var color: Bool
  /// The size limit for reading the data file again (`--max-size`).
  public var maxDataBytes: Int
  /// `--prefer newer|FILE` for a `--data DIR` folder's conflicts, on every reload.
  public var preferPart: String?

  public init(
    mouse: Bool = true, exportDirectory: String = "", theme: Theme = .standard, color: Bool = true,
    maxDataBytes: Int = DatasetLoader.defaultMaxBytes
  ) {
    self.mouse = mouse
    self.exportDirectory = exportDirectory
    self.theme = theme
    self.color = color
    self.maxDataBytes = maxDataBytes
  }
}
