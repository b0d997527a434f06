import TestSupport
import Testing

@testable import DigiTrackUI

/// `RenderContext.wrap` keeps the width of the line it fills instead of measuring it again per
/// word; on seeded random texts of plain, Vietnamese, wide, combining and control characters,
/// long words and indents, it must wrap exactly as measuring every time does (`measuringWrap`,
/// the rule as it was written before).
@Suite struct WrapTests {
  @Test func wrapsAsMeasuringEveryLineAgainDoes() {
    let context = RenderContext(data: Fixtures.demo, options: DisplayOptions(language: .vi))
    var random = SeededRandom.fromEnvironment("WrapTests")
    let words = [
      "T22", "Hà", "Nội", "Đắk", "Lắk", "e\u{301}", "中文", "✓", "·", "+12", "a\u{7}b", "\u{FE0F}x",
      "https://example.org/a/very/long/address/that/does/not/fit", "",
    ]
    for step in 0..<1500 {
      let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in words.randomElement(using: &random) ?? "" }
        .joined(separator: Bool.random(using: &random) ? " " : "  ")
      let width = Int.random(in: 3...60, using: &random)
      let indent = Int.random(in: 0...6, using: &random)
      #expect(
        context.wrap(text, width: width, indent: indent) == Self.measuringWrap(text, width: width, indent: indent),
        "step \(step) seed \(random.seed): \(text.debugDescription) width \(width) indent \(indent)")
    }
  }

  /// The wrap that measures the line being filled for every word.
  static func measuringWrap(_ text: String, width: Int, indent: Int) -> [String] {
    guard width > indent + 4 else { return [text] }
    var lines: [String] = []
    var current = ""
    let pad = String(repeating: " ", count: indent)
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let room = width - (lines.isEmpty ? 0 : indent)
      if current.isEmpty {
        current = String(word)
      } else if current.displayWidth + 1 + String(word).displayWidth <= room {
        current += " " + word
        continue
      } else {
        lines.append(current)
        current = String(word)
      }
      let limit = width - indent
      while current.displayWidth > limit {
        var head = ""
        var rest = ""
        var used = 0
        for character in current {
          if used + DisplayWidth.of(character) > limit || !rest.isEmpty {
            rest.append(character)
          } else {
            head.append(character)
            used += DisplayWidth.of(character)
          }
        }
        lines.append(head)
        current = rest
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
  }
}
