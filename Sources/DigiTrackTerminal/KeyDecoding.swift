import CNCurses
import DigiTrackUI

/// What one `get_wch` result means to the dashboard.
enum DecodedInput: Sendable, Equatable {
  case key(Key)
  /// KEY_RESIZE: ncurses has resized stdscr; the new size must be read from it.
  case resize
  /// KEY_MOUSE: the event is waiting in `getmouse`.
  case mouse
  /// A key DigiTrack has no use for (function keys, stray control bytes).
  case ignored
}

/// Turns `get_wch` results into `Key`s.
///
/// Kept free of terminal calls (apart from the constants) so the mapping reads as a table: keypad
/// codes, the control bytes that arrive unmapped in cbreak mode, and printable text.
enum KeyDecoding {
  /// `status` is get_wch's return (OK or KEY_CODE_YES), `value` the wint_t it stored.
  static func decode(status: Int32, value: UInt32) -> DecodedInput {
    if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: value)) }
    switch value {
    case 13, 10: return .key(.enter)  // \r with nonl, \n from some terminals and pastes
    case 27: return .key(.escape)
    case 127, 8: return .key(.backspace)  // DEL from most terminals, ^H from others
    case 9: return .key(.tab)
    case 3: return .key(.interrupt)  // Ctrl-C as a byte, when the tty does not turn it into SIGINT
    default:
      guard let scalar = printableScalar(value) else { return .ignored }
      return .key(.character(Character(scalar)))
    }
  }

  private static func decodeKeyCode(_ code: Int32) -> DecodedInput {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    // Home/End come as KEY_HOME/KEY_END, as the keypad's A1/C1, or as the VT220 Find/Select keys:
    // with TERM=xterm-256color, tmux's and the Linux console's ESC[1~ and ESC[4~ decode as those.
    case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
    case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_BTAB: return .key(.backTab)
    case KEY_RESIZE: return .resize
    case KEY_MOUSE: return .mouse
    default: return .ignored
    }
  }

  /// The Unicode scalar of a typed character, or nil for controls (C0, DEL, C1) and for values
  /// that are no scalar at all (surrogates, beyond U+10FFFF), which a broken input could carry.
  static func printableScalar(_ value: UInt32) -> Unicode.Scalar? {
    guard value >= 0x20, !(0x7F..<0xA0).contains(value) else { return nil }
    return Unicode.Scalar(value)
  }

  /// True when `scalar` typed after `character` belongs to the same grapheme: a combining accent
  /// typed separately (NFD input of "ễ"), a variation selector, a ZWJ sequence.
  static func extends(_ character: Character, with scalar: Unicode.Scalar) -> Bool {
    var text = String(character)
    text.unicodeScalars.append(scalar)
    return text.count == 1
  }
}
