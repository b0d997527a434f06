import Foundation

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
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in raw.unicodeScalars {
      if isSpace(scalar) {
        pendingSpace = !result.isEmpty
        continue
      }
      if isInvisible(scalar) { continue }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(result).precomposedStringWithCanonicalMapping
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029, 0x3000: true
    case 0x2000...0x200A: true
    default: false
    }
  }

  /// C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and other format
  /// characters, and unassigned or private code points.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
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
  public static func searchKey(_ text: String) -> String {
    var folded = text.decomposedStringWithCanonicalMapping.lowercased()
    folded = String(
      String.UnicodeScalarView(
        folded.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
          if scalar.properties.generalCategory == .nonspacingMark { return nil }
          switch scalar {
          case "đ", "Đ": return "d"
          default: return scalar
          }
        }))
    return folded.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).joined(
      separator: " ")
  }

  /// Vietnamese without diacritics, for terminals that cannot show UTF-8 ("Lạng Sơn" → "Lang Son").
  public static func asciiFolded(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
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
