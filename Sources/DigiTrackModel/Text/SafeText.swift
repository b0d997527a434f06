import FoundationEssentials
import Glibc
@_spi(_Unicode) import Swift
import Synchronization

/// Makes text from a data file safe to put on a terminal or into an export.
///
/// Files come from many agencies and scripts. A name must never be able to move the cursor, set the
/// terminal title, reorder text with bidi controls or hide characters, so everything that is not
/// visible text is removed here, once, when the file is loaded.
public enum SafeText {
  /// NFC-normalised text with control, bidi-override and zero-width characters removed.
  /// Tabs and line breaks become single spaces; runs of spaces collapse; the ends are trimmed.
  public static func clean(_ raw: String) -> String {
    var raw = raw
    if raw.withUTF8(isClean) { return raw }
    return cleanSlowly(raw)
  }

  /// Cleans UTF-8 text straight from a buffer; builds one String, and only one.
  static func clean(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
    let raw = String(decoding: bytes, as: UTF8.self)
    return isClean(bytes) ? raw : cleanSlowly(raw)
  }

  /// Whether `clean` would return this UTF-8 text unchanged, decided from the bytes alone: no
  /// space at either end or twice in a row, and every character printable, already composed and
  /// unable to compose with its neighbours. That holds for ASCII, Latin-1 to the IPA block
  /// (U+00A1–U+02FF but the soft hyphen), Latin Extended Additional (U+1E00–U+1EFF, Vietnamese
  /// letters with two marks) and the dashes, quotes and ellipsis U+2010–U+2027, so nearly every
  /// name in a Vietnamese data file skips Unicode normalisation. A test checks every one of these
  /// characters against the full path.
  static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    var afterSpace = true  // a space at the start counts as a doubled one
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x20 {
          if afterSpace { return false }
          afterSpace = true
        } else {
          if byte < 0x20 || byte == 0x7F { return false }
          afterSpace = false
        }
        index += 1
      } else if byte < 0xE0 {
        guard index + 1 < count else { return false }
        let scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        guard scalar >= 0xA1, scalar != 0xAD else { return false }  // scalar < 0x800 here
        guard scalar <= 0x2FF else { return false }
        afterSpace = false
        index += 2
      } else {
        guard index + 2 < count else { return false }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0xB8...0xBB): break  // U+1E00–U+1EFF
        case (0xE2, 0x80) where (0x90...0xA7).contains(third): break  // U+2010–U+2027
        default: return false
        }
        afterSpace = false
        index += 3
      }
    }
    return count == 0 || !afterSpace
  }

  /// The full cleaning, for text that `isClean` cannot vouch for.
  static func cleanSlowly(_ raw: String) -> String {
    // Invisible characters go first, then the text is normalised: removing a zero-width space
    // between a letter and its accent must still give the composed letter.
    let scalars = Array(raw.unicodeScalars)
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var index = 0
    while index < scalars.count {
      // A whole terminal escape sequence goes, not only its ESC: "]0;PWNED" or "[2J" left
      // behind is no longer dangerous, but it is garbage in a name.
      if let end = escapeSequenceEnd(scalars, from: index) {
        index = end
        continue
      }
      let scalar = scalars[index]
      index += 1
      if isSpace(scalar) {
        pendingSpace = !result.isEmpty
        continue
      }
      if isInvisible(scalar),
        !joinsEmoji(scalar, after: result.last, before: index < scalars.count ? scalars[index] : nil)
      {
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(String.UnicodeScalarView(String(result)._nfc))
  }

  /// Whether an invisible format character is part of an emoji sequence, where removing it would
  /// split one picture into several: a zero-width joiner between two emoji (👩‍💻, 🏳️‍🌈), or a
  /// tag character after a black flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿, a subdivision flag).
  static func joinsEmoji(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?)
    -> Bool
  {
    guard let previous else { return false }
    switch scalar.value {
    case 0x200D:
      guard let next, isEmoji(next) else { return false }
      return isEmoji(previous) || previous.value == 0xFE0F || previous.properties.isEmojiModifier
    case 0xE0020...0xE007F:
      return previous.value == 0x1F3F4 || (0xE0020...0xE007E).contains(previous.value)
    default:
      return false
    }
  }

  /// A pictographic emoji; not the ASCII digits, '#' and '*' that Unicode also counts as emoji.
  private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && scalar.properties.isEmoji
  }

  /// If a terminal escape sequence starts at `start` (ESC or a C1 introducer), the index just
  /// after it: CSI up to its final byte, OSC up to BEL or ST, DCS, SOS, PM and APC up to ST, any
  /// other ESC sequence with its intermediates and final byte. An unterminated string sequence
  /// runs to the end of the text, as it would on a terminal.
  static func escapeSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    let first = scalars[start].value
    var index = start + 1
    var introducer = first
    if first == 0x1B {
      guard index < scalars.count else { return index }
      switch scalars[index].value {
      case 0x5B: introducer = 0x9B  // ESC [  CSI
      case 0x5D: introducer = 0x9D  // ESC ]  OSC
      case 0x50: introducer = 0x90  // ESC P  DCS
      case 0x58: introducer = 0x98  // ESC X  SOS
      case 0x5E: introducer = 0x9E  // ESC ^  PM
      case 0x5F: introducer = 0x9F  // ESC _  APC
      default:
        while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
        if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
        return index
      }
      index += 1
    }
    switch introducer {
    case 0x9B:
      while index < scalars.count, (0x30...0x3F).contains(scalars[index].value) { index += 1 }
      while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
      if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
      while index < scalars.count {
        let value = scalars[index].value
        if value == 0x9C || (value == 0x07 && introducer == 0x9D) { return index + 1 }
        if value == 0x1B {
          // ESC \ is the string terminator; any other ESC ends the string and starts anew.
          return index + 1 < scalars.count && scalars[index + 1].value == 0x5C ? index + 2 : index
        }
        index += 1
      }
      return index
    default:
      return nil
    }
  }

  /// Text from outside the data (file names, config and theme values, parser messages) made safe
  /// for a terminal and for every export. Unlike `clean`, nothing is removed or merged: each
  /// character `clean` would drop is shown as a `\u001B`-style escape, so the reader can still see
  /// and fix it. It uses the same definition of "invisible" as `clean`, so text already cleaned
  /// passes unchanged; every string that is printed goes through one of the two.
  public static func printable(_ raw: String) -> String {
    var needsWork = false
    for scalar in raw.unicodeScalars where scalar.value != 0x20 && (isSpace(scalar) || isInvisible(scalar)) {
      needsWork = true
      break
    }
    guard needsWork else { return raw }
    var result = String.UnicodeScalarView()
    for scalar in raw.unicodeScalars {
      if scalar.value != 0x20, isSpace(scalar) || isInvisible(scalar) {
        result.append(contentsOf: escaped(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// `\u001B`, `\u200F`, `\u{E0041}`: how `printable` shows a character it must not print.
  public static func escaped(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    if hex.count > 4 { return "\\u{" + hex + "}" }
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029, 0x3000: true
    case 0x2000...0x200A: true
    default: false
    }
  }

  /// C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and other format
  /// characters, unassigned or private code points, and the Hangul fillers (U+115F, U+1160,
  /// U+3164, U+FFA0): letters by category, but drawn as nothing, so "Hà\u{3164}Nội" could pass
  /// for another province.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x115F, 0x1160, 0x3164, 0xFFA0: return true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB: return true
    default: break
    }
    switch scalar.properties.generalCategory {
    case .format, .control, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator:
      return true
    default:
      return false
    }
  }

  /// A key for searching: lower case, without diacritics, "đ" as "d", spaces collapsed.
  /// "Lạng Sơn" and "LANG  SON" both give "lang son".
  ///
  /// Folded a character at a time, as `searchKeyOfWholeText` folds a whole text (decomposition,
  /// case and marks never reach across a character's boundary): ASCII directly, and every other
  /// one-scalar character once per process. Foundation's decomposition of a whole name cost 37 K
  /// instructions, and the national export folds a hundred names (docs/PERFORMANCE.md).
  public static func searchKey(_ text: String) -> String {
    var folded = ""
    for character in text {
      let scalars = character.unicodeScalars
      if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
        if only.isASCII {
          let byte = UInt8(only.value)
          folded.unicodeScalars.append(
            Unicode.Scalar((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte))
        } else {
          let key = String(character)
          folded += foldedCharacters.withLock { cache in
            if let known = cache[key] { return known }
            let fold = fold(key)
            cache[key] = fold
            return fold
          }
        }
      } else {
        folded += fold(String(character))
      }
    }
    return collapsingSeparators(folded)
  }

  /// `searchKey` folding the whole text at once, as it did before: what the tests hold it to.
  static func searchKeyOfWholeText(_ text: String) -> String {
    collapsingSeparators(fold(text))
  }

  /// Canonical decomposition, lower case, no nonspacing marks, đ as d.
  private static func fold(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        String(String.UnicodeScalarView(text._nfd)).lowercased().unicodeScalars.compactMap { scalar in
          if scalar.properties.generalCategory == .nonspacingMark { return nil }
          switch scalar {
          case "đ", "Đ": return "d"
          default: return scalar
          }
        }))
  }

  /// Runs of spaces, dots and hyphens as one space, none at either end. A folded name is ASCII
  /// (Vietnamese loses its marks), whose bytes are its characters; other text is split by
  /// characters, so that a separator joined to what precedes it is not one.
  private static func collapsingSeparators(_ folded: String) -> String {
    guard folded.utf8.allSatisfy({ $0 < 0x80 }) else {
      return folded.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).joined(separator: " ")
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(folded.utf8.count)
    var separated = false
    for byte in folded.utf8 {
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
        separated = !bytes.isEmpty
        continue
      }
      if separated {
        bytes.append(UInt8(ascii: " "))
        separated = false
      }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Non-ASCII one-scalar characters, folded as `fold` folds them.
  private static let foldedCharacters = Mutex<[String: String]>([:])

  /// Vietnamese without diacritics, for terminals that cannot show UTF-8 ("Lạng Sơn" → "Lang Son").
  public static func asciiFolded(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text._nfd {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      switch scalar {
      case "đ": output.append("d")
      case "Đ": output.append("D")
      default:
        output.append(scalar.isASCII ? scalar : "?")
      }
    }
    return String(output)
  }
}
