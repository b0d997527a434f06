// Temporary until the ncurses backend lands on this branch; removed at merge.
import DigiTrackUI
public enum TerminalApp {
  public static func isInteractiveTerminal() -> Bool { false }
  public static func run(state: AppState, options: TerminalOptions) -> Int32 { 1 }
}
