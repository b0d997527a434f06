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
    var needsWork = false
    for scalar in raw.unicodeScalars where scalar.value < 0x20 || scalar.value >= 0x7F {
      needsWork = true
      break
    }
    if !needsWork, !raw.hasPrefix(" "), !raw.hasSuffix(" "), !raw.contains("  ") { return raw }

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
