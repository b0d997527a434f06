import CNCurses
import DigiTrackUI

/// Mouse clicks and the wheel, through ncurses' own mouse protocol handling.
///
/// Only presses are asked for: the dashboard selects on press and scrolls on the wheel, and with
/// `mouseinterval(0)` ncurses reports a press at once instead of waiting to see whether it becomes
/// a click (which would make every click feel slow).
enum MouseInput {
  /// Turns mouse reporting on when the options allow it. Returns whether the terminal accepted,
  /// so the crash-time reset sequence can turn reporting off again.
  static func enable(_ wanted: Bool) -> Bool {
    guard wanted else { return false }
    let mask =
      dt_button1_pressed() | dt_button1_clicked() | dt_button4_pressed()
      | dt_button5_pressed()
    mouseinterval(0)
    return mousemask(mask, nil) != 0
  }

  /// Reads the event behind a KEY_MOUSE. Nil for releases, other buttons and failed reads.
  static func read() -> MouseEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    return decode(buttons: event.bstate, x: Int(event.x), y: Int(event.y))
  }

  /// Button 1 press (or click, if a terminal only reports those) selects; buttons 4 and 5 are the
  /// wheel's up and down.
  static func decode(buttons: mmask_t, x: Int, y: Int) -> MouseEvent? {
    if buttons & dt_button4_pressed() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
    if buttons & dt_button5_pressed() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
    if buttons & (dt_button1_pressed() | dt_button1_clicked()) != 0 {
      return MouseEvent(.press, x: x, y: y)
    }
    return nil
  }
}
