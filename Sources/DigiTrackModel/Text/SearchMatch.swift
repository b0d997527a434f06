/// How search compares what a person types with a province's or a commune's name.
///
/// People type names as they say them, not as the data spells them: "hcm", "tphcm", "hanoi",
/// "danang", "daklak", "ho chi minh city". So both sides are folded the same way, to letters and
/// digits only: no case, no diacritics, đ as d (`SafeText.searchKey`), and no spaces or
/// punctuation. A query matches when its key is a part of the name's key, the code's or an alias's.
public enum SearchMatch {
  /// "TP. Hồ Chí Minh" → "tphochiminh", "Đắk Lắk" → "daklak", "Hà Nội" → "hanoi".
  public static func key(_ text: String) -> String {
    var key = String.UnicodeScalarView()
    for scalar in SafeText.searchKey(text).unicodeScalars where keeps(scalar) {
      key.append(scalar)
    }
    return String(key)
  }

  /// Letters and digits. Folded names are nearly all ASCII, answered without the Unicode
  /// property tables (a lookup each cost more than the rest of a key).
  static func keeps(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let byte = UInt8(scalar.value)
      return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// Whether a folded query (`key`) is found in any of the folded keys; an empty query matches all.
  public static func matches(_ query: String, in keys: [String]) -> Bool {
    query.isEmpty || keys.contains { $0.contains(query) }
  }
}
