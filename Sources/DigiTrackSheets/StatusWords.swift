import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc
import Synchronization

/// Reads the status a person typed into a form cell.
///
/// People type "xanh", "Xanh", "XANH", "green" or copy "Chưa báo cáo" from another sheet, and a
/// keyboard without a Vietnamese layout gives "chua bao cao". All of these are accepted: words are
/// compared after folding case and diacritics (đ included, which Unicode does not decompose).
public enum StatusWords {
  public enum Reading: Equatable, Sendable {
    case status(Status)
    /// Not a status word; `suggestion` is the nearest word in the form's language, if any is close.
    case unknown(suggestion: String?)
  }

  /// Folded spelling → status, for both languages and the JSON names.
  private static let table: [String: Status] = {
    var table: [String: Status] = [:]
    for status in Status.allCases {
      for language in Language.allCases {
        table[fold(Strings.for(language).statusNames[status] ?? status.jsonName)] = status
      }
      table[fold(status.jsonName)] = status
    }
    return table
  }()

  /// The words exactly as forms write them: most cells are read without folding. A short list
  /// compared by bytes, not a dictionary: hashing a Vietnamese word normalizes it first, and that
  /// was most of the cost of reading a status cell.
  private static let exact: [(word: String, status: Status)] = {
    var exact: [(String, Status)] = []
    for status in Status.allCases {
      for language in Language.allCases { exact.append((word(status, language: language), status)) }
      exact.append((status.jsonName, status))
    }
    return exact
  }()

  /// The status whose word is byte for byte `text`, if any.
  static func exactStatus(_ text: String) -> Status? {
    var text = text
    return text.withUTF8 { typed in
      guard !typed.isEmpty else { return nil }
      for (word, status) in exact where word.utf8.count == typed.count {
        var word = word
        if word.withUTF8({ memcmp($0.baseAddress!, typed.baseAddress!, typed.count) == 0 }) { return status }
      }
      return nil
    }
  }

  /// Empty (or only spaces) is "not reported", as the issue asks.
  public static func read(_ text: String, language: Language) -> Reading {
    if text.isEmpty { return .status(.notReported) }
    if let status = exactStatus(text) { return .status(status) }
    let folded = fold(text)
    if folded.isEmpty { return .status(.notReported) }
    if let status = table[folded] { return .status(status) }
    return .unknown(suggestion: suggestion(for: folded, language: language))
  }

  /// The word a form shows for a status, in its language.
  public static func word(_ status: Status, language: Language) -> String {
    Strings.for(language).statusNames[status] ?? status.jsonName
  }

  /// Lower case, no diacritics, đ → d, `_` and runs of spaces → one space, trimmed.
  ///
  /// Non-ASCII text goes through Foundation's folding, which is slow; a form repeats the same few
  /// texts (a province's name on each of its units' rows, the headers), so those are folded once
  /// per process and remembered (up to 4,096 of them).
  public static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
    if let known = foldedTexts.withLock({ $0[text] }) { return known }
    let folded = foldUnicode(text)
    foldedTexts.withLock { cache in
      if cache.count < 4096 { cache[text] = folded }
    }
    return folded
  }

  private static func foldUnicode(_ text: String) -> String {
    var dless = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      dless.append(scalar == "đ" || scalar == "Đ" ? "d" : scalar)
    }
    let folded = String(dless).foldingCaseMarksAndWidth()
    return foldASCII(folded.replacingEvery("\u{A0}", with: " "))
  }

  /// The same for ASCII text, without Foundation: codes, ids and unaccented words are most cells.
  static func foldASCII(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for var byte in text.utf8 {
      if byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace { bytes.append(UInt8(ascii: " ")) }
      pendingSpace = false
      if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The status word, in the form's language, at the smallest edit distance (at most 2, or a
  /// third of the word), so "Xnah" suggests "Xanh" and "banana" suggests nothing.
  static func suggestion(for folded: String, language: Language) -> String? {
    var best: (word: String, distance: Int)?
    for status in Status.allCases {
      for candidateLanguage in [language, language == .vi ? .en : .vi] {
        let candidate = word(status, language: candidateLanguage)
        let distance = editDistance(Array(folded), Array(fold(candidate)))
        if distance < (best?.distance ?? Int.max) { best = (word(status, language: language), distance) }
      }
    }
    guard let best, best.distance <= max(2, folded.count / 3) else { return nil }
    return best.word
  }

  /// Damerau–Levenshtein (optimal string alignment): a swap of two letters costs one.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}

/// Texts already folded by `StatusWords.fold`, shared by every form read in this process.
private let foldedTexts = Mutex<[String: String]>([:])
