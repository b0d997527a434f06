/// A key press, decoded by the terminal backend into what DigiTrack cares about.
public enum Key: Sendable, Hashable {
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, backspace, tab, backTab
  case interrupt  // Ctrl-C
  case character(Character)
}

public struct MouseEvent: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case press
    case wheelUp
    case wheelDown
  }

  public var kind: Kind
  public var x: Int
  public var y: Int

  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}

/// Everything that can change the dashboard's state.
public enum Event: Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(width: Int, height: Int)
  case exportFinished(Result<String, ExportError>)
  /// The data file changed (or `R` was pressed) and loaded: show it, keeping the view.
  case dataReloaded(DashboardData)
  /// The data file changed but is invalid, or it is gone or unreadable: keep the last good data,
  /// say why (in full: the status line shows the start, the help overlay all of it).
  case reloadFailed(String)
  /// A message for the status line.
  case notice(String)
}

/// What `update` asks the shell to do; the state itself never does I/O.
public enum Effect: Sendable, Equatable {
  /// Write this view's document to a new file; the shell answers with `.exportFinished`.
  case export(ExportRequest)
  /// Read the data file at `path` again (the `R` key); the shell answers with `.dataReloaded` or
  /// `.reloadFailed`. The path is the state's `dataPath`.
  case reload(path: String)
  case quit
}
