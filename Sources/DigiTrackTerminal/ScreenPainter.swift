import DigiTrackUI
import Glibc

/// The dashboard's own paint path, for a screen the caller started (`newterm`): the theme's
/// style table and `CanvasPainter`, which writes the changed cells to the terminal itself.
///
/// `bench` times key to frame through it on a pseudo-terminal, so that what it measures is what
/// the dashboard does, not a copy of it. Like the event loop, it skips a frame identical to the
/// one on screen.
public struct ScreenPainter {
  private var painter: CanvasPainter

  /// Installs the theme's colour pairs on the current screen. Call after `newterm`; `output` is
  /// the descriptor of the terminal that ncurses writes to.
  public init(theme: Theme = .standard, color: Bool = true, output: Int32 = 1) {
    painter = CanvasPainter(styles: StyleTable.install(theme: theme, colorEnabled: color), output: output)
  }

  /// Writes what changed in `canvas` to the terminal, unless it is the frame already on screen.
  /// Returns whether it painted.
  @discardableResult
  public mutating func paint(_ canvas: Canvas) -> Bool {
    painter.paint(canvas)
  }
}
