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
        guard let base = buffer.baseAddress, let source = bytes.baseAddress else { return 0 }
        if size == 1 {
          base.initialize(repeating: bytes[0], count: count)
        } else {
          // The piece once, then what is written so far copied after itself until it is full.
          base.initialize(from: source, count: size)
          var written = size
          while written < size * count {
            let more = Swift.min(written, size * count - written)
            (base + written).initialize(from: base, count: more)
            written += more
          }
        }
        return size * count
      }
    }
  }
}
