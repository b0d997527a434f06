/// One of ArgumentParser's English phrases and its translation, matched without a regex engine.
///
/// In both texts `{}` is a name or value carried over unchanged: the shortest run of characters
/// within the line that lets the rest of the phrase match; `{*}` is the longest such run. A
/// leading `^` anchors the phrase at the start of a line, `^^` at the start of the text. Every
/// match in the text is replaced, left to right, as a regex replacement would.
struct ParserPhrase {
  private enum Anchor { case none, line, text }
  private enum Capture { case shortest, longest }

  private let anchor: Anchor
  /// The English phrase's literal pieces, one more than its captures.
  private let pieces: [[UInt8]]
  private let captures: [Capture]
  /// The translation's literal pieces, one more than the captures it puts back in order.
  private let translation: [[UInt8]]

  init(_ english: String, _ translation: String) {
    var phrase = Substring(english)
    if phrase.hasPrefix("^^") {
      anchor = .text
      phrase = phrase.dropFirst(2)
    } else if phrase.hasPrefix("^") {
      anchor = .line
      phrase = phrase.dropFirst()
    } else {
      anchor = .none
    }
    (pieces, captures) = Self.split(phrase)
    let (translated, carried) = Self.split(Substring(translation))
    precondition(carried.count == captures.count, "\(english): the translation has another number of {}")
    self.translation = translated
  }

  /// The text with every match of the phrase replaced by its translation.
  func replacingAll(in text: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(text.count)
    var position = 0
    while position < text.count {
      if startsAllowed(at: position, in: text), let (end, values) = match(text, at: position) {
        for (index, piece) in translation.enumerated() {
          output += piece
          if index < values.count { output += text[values[index]] }
        }
        position = end
      } else {
        output.append(text[position])
        position += 1
      }
    }
    return output
  }

  private func startsAllowed(at position: Int, in text: [UInt8]) -> Bool {
    switch anchor {
    case .none: true
    case .text: position == 0
    case .line: position == 0 || text[position - 1] == UInt8(ascii: "\n")
    }
  }

  /// Where the phrase ends if it matches at `start`, and the ranges of its captures.
  private func match(_ text: [UInt8], at start: Int) -> (Int, [Range<Int>])? {
    var values: [Range<Int>] = []
    guard let end = match(text, piece: 0, at: start, values: &values) else { return nil }
    return (end, values)
  }

  private func match(_ text: [UInt8], piece: Int, at start: Int, values: inout [Range<Int>]) -> Int? {
    let literal = pieces[piece]
    guard text.count - start >= literal.count, text[start..<start + literal.count].elementsEqual(literal)
    else { return nil }
    let afterLiteral = start + literal.count
    guard piece < captures.count else { return afterLiteral }
    // A capture never crosses a line end, as `.` in a regex does not.
    var lineEnd = afterLiteral
    while lineEnd < text.count, text[lineEnd] != UInt8(ascii: "\n"), text[lineEnd] != UInt8(ascii: "\r") {
      lineEnd += 1
    }
    let ends = Array(afterLiteral...lineEnd)
    for end in captures[piece] == .shortest ? ends : ends.reversed() {
      values.append(afterLiteral..<end)
      if let matched = match(text, piece: piece + 1, at: end, values: &values) { return matched }
      values.removeLast()
    }
    return nil
  }

  /// A phrase's literal pieces around its `{}` and `{*}`, read as UTF-8 bytes: going through
  /// `Character`s cost 2.2 M instructions on every `--version` for the 23 phrases.
  private static func split(_ phrase: Substring) -> ([[UInt8]], [Capture]) {
    let bytes = Array(phrase.utf8)
    var pieces: [[UInt8]] = [[]]
    var captures: [Capture] = []
    var index = 0
    while index < bytes.count {
      if bytes[index...].starts(with: Self.shortest) {
        captures.append(.shortest)
        pieces.append([])
        index += Self.shortest.count
      } else if bytes[index...].starts(with: Self.longest) {
        captures.append(.longest)
        pieces.append([])
        index += Self.longest.count
      } else {
        pieces[pieces.count - 1].append(bytes[index])
        index += 1
      }
    }
    return (pieces, captures)
  }

  private static let shortest = Array("{}".utf8)
  private static let longest = Array("{*}".utf8)
}
