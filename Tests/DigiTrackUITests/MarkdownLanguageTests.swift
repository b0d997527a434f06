import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// Issue 16, item 5: the Vietnamese Markdown export speaks Vietnamese — headings, qualifiers,
/// dates and the demo's name — while CSV and JSON keep their machine words.
@Suite struct MarkdownLanguageTests {
  @Test(arguments: ViewKind.allCases)
  func vietnameseMarkdownHasNoEnglishWordsOrISODates(_ view: ViewKind) {
    let export = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .vi))
    let markdown = export.render(view: view, province: nil, format: .markdown, width: 100)
    let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.map(String.init)
      .enumerated().filter { index, line in index == 0 || !line.contains("---") }.map(\.1)
    for english in ["| ID |", "qualifier", "publisher", "| title |", "| date |", "| = |", "| / |", "built in"] {
      #expect(!markdown.contains(english), "\(view): \(english)")
    }
    #expect(!markdown.contains("| over |"))
    for line in headings {
      // ISO dates only inside source ids and URLs, never as a written date.
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      for cell in cells {
        #expect(cell.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) == nil, "\(view): ISO date \(cell)")
      }
    }
    #expect(markdown.contains("demo.json (dữ liệu mẫu có sẵn)"))
    if view == .overview { #expect(markdown.contains("| hơn |")) }
    let json = export.render(view: .overview, province: nil, format: .json, width: 100)
    #expect(json.contains("\"qualifier\": \"over\""), "JSON keeps the format's word")
  }
}
