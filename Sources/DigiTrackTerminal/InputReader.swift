import CNCurses
import DigiTrackUI

/// Reads one input event at a time from ncurses, with the loop's polling timeout.
///
/// `get_wch` returns after at most `timeoutMilliseconds` even with no key, so the event loop can
/// notice a SIGINT/SIGTERM/SIGHUP flag or a resume after Ctrl-Z without any thread or pipe.
struct InputReader {
  let timeoutMilliseconds: Int32

  enum Input {
    case event(Event)
    /// The terminal changed size; ncurses has already resized stdscr to this.
    case resized(width: Int, height: Int)
    /// Nothing arrived in time, or an input DigiTrack does not use.
    case none
  }

  func next() -> Input {
    var value: wint_t = 0
    let status = wget_wch(dt_stdscr(), &value)
    return input(status: status, value: value)
  }

  /// What a `wget_wch` result means, read exactly as `next` reads it. Split out so that `bench`
  /// can start its clock the moment `wget_wch` returns and still decode the key as the loop does.
  func input(status: Int32, value: wint_t) -> Input {
    guard status != ERR else { return .none }
    switch KeyDecoding.decode(status: status, value: value) {
    case .key(.character(let character)):
      return .event(.key(.character(completeGrapheme(character))))
    case .key(let key):
      return .event(.key(key))
    case .resize:
      return .resized(width: Int(dt_screen_width()), height: Int(dt_screen_height()))
    case .mouse:
      return MouseInput.read().map { .event(.mouse($0)) } ?? .none
    case .ignored:
      return .none
    }
  }

  /// Appends combining marks that were typed (or pasted) right after `character`, so that a
  /// decomposed "ễ" reaches the filter as one letter rather than a letter and a stray accent.
  /// Looks only at input already waiting; anything that is not part of the grapheme is pushed back.
  private func completeGrapheme(_ character: Character) -> Character {
    var result = character
    wtimeout(dt_stdscr(), 0)
    defer { wtimeout(dt_stdscr(), timeoutMilliseconds) }
    while true {
      var value: wint_t = 0
      let status = wget_wch(dt_stdscr(), &value)
      if status == ERR { break }
      if status == OK, let scalar = KeyDecoding.printableScalar(value),
        KeyDecoding.extends(result, with: scalar)
      {
        var text = String(result)
        text.unicodeScalars.append(scalar)
        result = Character(text)
        continue
      }
      if status == KEY_CODE_YES {
        ungetch(Int32(bitPattern: value))
      } else {
        unget_wch(wchar_t(bitPattern: value))
      }
      break
    }
    return result
  }
}
