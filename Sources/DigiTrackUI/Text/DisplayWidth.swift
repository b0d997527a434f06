/// How many terminal columns text takes.
///
/// `String.count` counts characters, not columns: a Vietnamese letter in NFD is two code points in
/// one column, a CJK ideograph or an emoji takes two columns. Every width in DigiTrack is measured
/// here, per grapheme, so columns stay aligned whatever the data contains.
public enum DisplayWidth {
  /// Columns of one grapheme: 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.isASCII { return first.value >= 0x20 && first.value != 0x7F ? 1 : 0 }
    if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return of(first)
  }

  /// Columns of a single code point, as a terminal's wcwidth would give it.
  ///
  /// The blocks every frame draws are answered without asking the code point's properties (a
  /// table lookup that was the largest single cost of drawing a screen): Latin below U+0300,
  /// Vietnamese (U+1E00–U+1EFF), and punctuation, arrows, box drawing, blocks, shapes and dingbats
  /// (U+2000–U+27FF, from a table `measured` filled once). `DisplayWidthTests` holds both to it.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0xAD ? 0 : 1 }
    if (0x1E00...0x1EFF).contains(value) { return 1 }
    if (0x2000..<0x2800).contains(value) { return Int(symbolColumns[Int(value - 0x2000)]) }
    return measured(scalar)
  }

  /// `measured` for U+2000–U+27FF, made on first use from where it gives 0 and 2 there
  /// (`DisplayWidthTests` compares every code point with `measured`): asking the properties of all
  /// 2,048 cost 1.6 M instructions at every start.
  private static let symbolColumns: [UInt8] = {
    var columns = [UInt8](repeating: 1, count: 0x800)
    for (first, last) in wideRanges where first < 0x2800 && last >= 0x2000 {
      for value in max(first, 0x2000)...min(last, 0x27FF) { columns[Int(value - 0x2000)] = 2 }
    }
    // Formats (Cf) and combining marks for symbols (Mn, Me), and the zero-width space.
    let zeroWidth: [(UInt32, UInt32)] = [
      (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0x20D0, 0x20F0),
    ]
    for (first, last) in zeroWidth {
      for value in first...last { columns[Int(value - 0x2000)] = 0 }
    }
    return columns
  }()

  /// Columns of a code point from its properties: the rule `of` answers from tables where it can.
  static func measured(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    if isWide(value) { return 2 }
    return 1
  }

  /// Columns of a whole string. Text whose every code point stands alone (`standsAlone`: all
  /// of Vietnamese, precomposed) is measured by code point, without grapheme breaking, which
  /// costs more than the rest of a row's layout; anything else per grapheme.
  public static func of(_ text: String) -> Int {
    if let columns = standaloneWidth(text) { return columns }
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// Columns of text whose every code point stands alone and takes at least one column, each
  /// measured as `of(_: Character)` measures it; nil when the text holds any other code point.
  static func standaloneWidth(_ text: String) -> Int? {
    // Read as UTF-8 bytes where the String has them in memory (native strings do): decoding
    // code points through `unicodeScalars` cost several times the measuring itself.
    if let columns = text.utf8.withContiguousStorageIfAvailable({ standaloneWidth(utf8: $0) }) { return columns }
    return standaloneWidth(scalars: text)
  }

  /// `standaloneWidth`, code point by code point (for strings without contiguous UTF-8).
  static func standaloneWidth(scalars text: String) -> Int? {
    var total = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x7F, value >= 0x20 {
        total += 1
        continue
      }
      guard standsAlone(scalar) else { return nil }
      let columns = oneColumn(value) ? 1 : of(scalar)
      // None is known to have no columns; one that had would be left out of a row (`Canvas.put`),
      // which the per-grapheme path handles.
      guard columns > 0 else { return nil }
      total += columns
    }
    return total
  }

  /// `standaloneWidth` of valid UTF-8.
  private static func standaloneWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var total = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = UInt32(bytes[index])
      if lead < 0x80 {
        guard lead >= 0x20, lead < 0x7F else { return nil }
        total += 1
        index += 1
        continue
      }
      var value: UInt32
      if lead < 0xE0, index + 1 < count {
        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0, index + 2 < count {
        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        index += 3
      } else if index + 3 < count {
        value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
        value |= UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        index += 4
      } else {
        return nil
      }
      guard let scalar = Unicode.Scalar(value), standsAlone(scalar) else { return nil }
      let columns = oneColumn(value) ? 1 : of(scalar)
      guard columns > 0 else { return nil }
      total += columns
    }
    return total
  }

  /// Code points that are always a grapheme of their own, whatever surrounds them: printable
  /// ASCII, Latin-1 to the IPA block, Latin Extended Additional (Vietnamese), general
  /// punctuation, arrows, box drawing, blocks, shapes and dingbats. None extends or joins a
  /// neighbour (no combining marks, joiners, variation selectors, jamo or regional indicators).
  static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    standsAlone(value: scalar.value)
  }

  /// `standsAlone` of a code point's value.
  @inline(__always)
  static func standsAlone(value: UInt32) -> Bool {
    switch value {
    case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E,
      0x2190...0x21FF, 0x2500...0x27BF:
      true
    default: false
    }
  }

  /// Code points that stand alone and are known to take one column without asking their
  /// properties: Latin letters (below U+0300, and Vietnamese U+1E00–U+1EFF), dashes and quotes.
  @inline(__always)
  static func oneColumn(_ value: UInt32) -> Bool {
    value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
  }

  /// East Asian Wide and Fullwidth ranges, and emoji shown as pictures (Unicode 15).
  static func isWide(_ value: UInt32) -> Bool {
    guard value >= 0x1100 else { return false }
    for (first, last) in wideRanges where first <= value && value <= last { return true }
    if value >= 0x1F000, let scalar = Unicode.Scalar(value), scalar.properties.isEmojiPresentation {
      return true
    }
    return false
  }

  /// First and last code points of each wide range: pairs, not `ClosedRange`s, whose array type
  /// was instantiated by name at every start, a scan of every conformance record.
  private static let wideRanges: [(UInt32, UInt32)] = [
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
    (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
    (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
    (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
    (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
    (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4), (0x17000, 0x18CFF), (0x1B000, 0x1B2FF), (0x1F200, 0x1F251), (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
  ]
}

extension String {
  /// Columns this text takes on a terminal.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// The text cut or padded to exactly `width` columns. Cut text ends in `ellipsis` when there is
  /// room for it; a wide character is never split (a space fills its place instead).
  public func fitted(to width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    let current = displayWidth
    if current <= width { return padded(width - current, before: alignRight) }
    let mark = ellipsis.displayWidth <= width ? ellipsis : ""
    let room = width - mark.displayWidth
    var result = ""
    var used = 0
    for character in self {
      let columns = DisplayWidth.of(character)
      if used + columns > room { break }
      result.append(character)
      used += columns
    }
    return result + mark + String.repeated(" ", count: width - used - mark.displayWidth)
  }

  /// The text with `count` spaces after it (or before it), as `self + String(repeating:)` gives
  /// it, made in one allocation: `fitted` pads most of a row's pieces.
  func padded(_ count: Int, before: Bool) -> String {
    guard count > 0 else { return self }
    var text = self
    return text.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count + count) { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        let textStart = base + (before ? count : 0)
        if let source = bytes.baseAddress { textStart.initialize(from: source, count: bytes.count) }
        (base + (before ? 0 : bytes.count)).initialize(repeating: 0x20, count: count)
        return bytes.count + count
      }
    }
  }
}
