import CNCurses
import DigiTrackUI

/// The dashboard's reading of one `wget_wch` result, for a screen the caller started: what
/// `bench` uses to time key to frame from the moment the key is read, through the same decoding
/// (KeyDecoding, combining marks, mouse) as the event loop.
public enum TerminalInput {
  /// The event a `wget_wch` result (its return `status` and the `value` it stored) means, or nil
  /// for no input, a resize, or a key the dashboard does not use.
  public static func event(status: Int32, value: wint_t) -> Event? {
    let reader = InputReader(timeoutMilliseconds: TerminalSession.inputTimeoutMilliseconds)
    if case .event(let event) = reader.input(status: status, value: value) { return event }
    return nil
  }

  /// Sets the modes the dashboard reads keys in (keypad codes for arrows, a 25 ms Esc delay) on
  /// the current screen, as `TerminalSession` does.
  public static func useDashboardKeyModes() {
    _ = dt_keypad(1)
    set_escdelay(25)
  }
}
