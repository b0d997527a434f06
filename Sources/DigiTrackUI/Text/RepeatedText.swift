extension String {
  /// `piece` written `count` times (nothing for a count below 1), as `String(repeating:count:)`
  /// gives it, but filled as UTF-8 bytes in one allocation.
  ///
  /// Bars, rules and padding are made this way for every row of every frame; the standard
  /// library's version appends the piece once per repetition, which cost more than the rest of a
  /// province's layout on opening it (issue 14).
  public static func repeated(_ piece: String, count: Int) -> String {
    guard count > 0 else { return "" }
    var piece = piece
    return piece.withUTF8 { bytes in
      let size = bytes.count
      guard size > 0 else { return "" }
      return String(unsafeUninitializedCapacity: size * count) { buffer in
        if size == 1 {
          buffer.initialize(repeating: bytes[0])
        } else {
          for start in stride(from: 0, to: size * count, by: size) {
            for offset in 0..<size { buffer[start + offset] = bytes[offset] }
          }
        }
        return size * count
      }
    }
  }
}
