import DigiTrackUI

/// The dashboard's own paint path, for a screen the caller started (`newterm`): the theme's
/// style table, `CanvasPainter`'s copy of the changed cells into ncurses, and its refresh.
///
/// `bench` times key to frame through it on a pseudo-terminal, so that what it measures is what
/// the dashboard does, not a copy of it. Like the event loop, it skips a frame identical to the
/// one on screen.
public struct ScreenPainter {
  private var painter: CanvasPainter

  /// Installs the theme's colour pairs on the current screen. Call after `newterm`.
  public init(theme: Theme = .standard, color: Bool = true) {
    painter = CanvasPainter(styles: StyleTable.install(theme: theme, colorEnabled: color))
  }

  /// Copies what changed in `canvas` into ncurses and refreshes, unless it is the frame already
  /// painted. Returns whether it painted.
  @discardableResult
  public mutating func paint(_ canvas: Canvas) -> Bool {
    painter.paint(canvas)
  }
}
