/// Spaces trimmed, words split and text found as `Character`s do it, but on UTF-8 bytes where
/// that gives the same answer: where the code points at stake stand alone
/// (`DisplayWidth.standsAlone`), each is a grapheme of its own and only equal to itself, so a
/// byte is a space exactly where a Character is one and a run of bytes matches exactly where the
/// Characters do. Grapheme breaking, done per Character, cost more than the rest of a province's
/// status line (a label padded to 100 columns) or of the matrix's legend (issue 14).
extension String {
  /// Without the leading and trailing spaces (U+0020 only).
  var trimmingSpaces: String {
    let utf8 = self.utf8
    guard let start = utf8.firstIndex(where: { $0 != 0x20 }), let last = utf8.lastIndex(where: { $0 != 0x20 })
    else { return "" }
    // The bytes after `last` are spaces (or none), so it ends a code point.
    let end = utf8.index(after: last)
    let scalars = unicodeScalars
    // A space stays when the code point after it extends it (a combining mark) or the one before
    // it joins it (a prepended mark): not for code points that stand alone.
    guard DisplayWidth.standsAlone(scalars[start]), DisplayWidth.standsAlone(scalars[scalars.index(before: end)])
    else { return trimmingSpacesByCharacter }
    return String(self[start..<end])
  }

  private var trimmingSpacesByCharacter: String {
    var text = Substring(self)
    while text.first == " " { text = text.dropFirst() }
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }

  /// The words between spaces, as `split(separator: " ")` gives them (no empty ones).
  var spaceSeparatedWords: [Substring] {
    guard DisplayWidth.standaloneWidth(self) != nil else { return split(separator: " ") }
    var words: [Substring] = []
    let utf8 = self.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == 0x20 {
        if start != index { words.append(self[start..<index]) }
        start = utf8.index(after: index)
      }
      index = utf8.index(after: index)
    }
    if start != index { words.append(self[start..<index]) }
    return words
  }

  /// Whether `other` occurs in this text, as `contains(_:)` (by Character) answers it.
  func containsText(_ other: String) -> Bool {
    guard DisplayWidth.standaloneWidth(self) != nil, DisplayWidth.standaloneWidth(other) != nil else {
      return contains(other)
    }
    let needle = Array(other.utf8)
    guard !needle.isEmpty else { return contains(other) }
    let haystack = Array(utf8)
    guard haystack.count >= needle.count else { return false }
    let first = needle[0]
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      var offset = 1
      while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
      if offset == needle.count { return true }
    }
    return false
  }
}
