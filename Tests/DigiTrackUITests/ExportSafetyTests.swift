import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// Exports are data: names render as text in Markdown, cannot run as formulas in a spreadsheet,
/// keep their diacritics whatever the locale, and no file name can put an escape into them.
@Suite struct ExportSafetyTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../DigiTrackModelTests/Corpus").standardized

  static let hostileName = #"<script>alert(1)</script> **Lạng** [x](http://evil.example) _a_ `c` ~~s~~ \ & &lt;"#

  func data(province name: String = hostileName, sourceName: String = "tinh.json") throws -> DashboardData {
    var text = try String(contentsOf: Self.corpus.appendingPathComponent("valid-minimal.json"), encoding: .utf8)
    let json = String(decoding: try JSONEncoder().encode(name), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"name\": \"Lạng Sơn\"", with: "\"name\": \(json)")
    let loaded = try DatasetLoader().load(bytes: Array(text.utf8), name: "x.json")
    return DashboardData(dataset: loaded.dataset, sourceName: sourceName)
  }

  func render(_ data: DashboardData, _ view: ViewKind, _ format: ExportFormat, unicode: Bool = true) -> String {
    ViewExport(data: data, options: DisplayOptions(language: .vi, unicode: unicode))
      .render(view: view, province: 0, format: format, width: 120)
  }

  @Test func markdownShowsHTMLAndMarkdownSyntaxAsText() throws {
    let data = try data()
    let escaped =
      #"&lt;script&gt;alert(1)&lt;/script&gt; \*\*Lạng\*\* \[x\](http://evil.example) \_a\_ \`c\` \~\~s\~\~ \\ &amp; &amp;lt;"#
    for view in ViewKind.allCases {
      let markdown = render(data, view, .markdown)
      // The overdue list names a province only when something of it is overdue.
      let latest = data.dataset.snapshots.count - 1
      let named =
        view != .overdue
        || OverdueList(dataset: data.dataset, snapshotIndex: latest).entries.contains { $0.province == 0 }
      #expect(!named || markdown.contains(escaped), "\(view): \(markdown)")
      #expect(!markdown.contains("<script>"))
      #expect(!markdown.contains("**Lạng**"))
      #expect(!markdown.contains("[x](http"))
    }
    // The province's own heading too.
    #expect(render(data, .province, .markdown).contains("## " + escaped + "\n"))
  }

  @Test func csvAndJSONKeepTheNameAsItIs() throws {
    let data = try data()
    #expect(render(data, .overview, .csv).contains(Self.hostileName))
    #expect(render(data, .overview, .json).contains(#"<script>alert(1)</script> **Lạng**"#))
  }

  @Test(arguments: ["=1+2", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")"])
  func csvQuotesFormulas(_ name: String) throws {
    let csv = render(try data(province: name), .overview, .csv)
    let quoted = CSV.field(name)
    #expect(quoted.hasPrefix("'") || quoted.hasPrefix("\"'"), "\(quoted)")
    #expect(csv.contains(quoted))
  }

  @Test func csvQuotesTabAndCarriageReturnAtTheStart() {
    #expect(CSV.field("\tx") == "'\tx")
    #expect(CSV.field("\r\nx") == "\"'\r\nx\"")
    #expect(CSV.field("a\r\nb") == "\"a\r\nb\"")
  }

  /// LANG=C makes `unicode` false: only the text export folds to ASCII.
  @Test(arguments: ViewKind.allCases)
  func dataFormatsStayUTF8WithoutAUTF8Locale(_ view: ViewKind) throws {
    let data = try data(province: "Lạng Sơn")
    for format in [ExportFormat.csv, .json, .markdown] {
      let ascii = render(data, view, format, unicode: false)
      #expect(ascii == render(data, view, format, unicode: true), "\(view) \(format)")
    }
    #expect(render(data, .overview, .csv, unicode: false).contains("Lạng Sơn"))
    #expect(render(data, .overview, .json, unicode: false).contains("Lạng Sơn"))
    let text = render(data, view, .text, unicode: false)
    let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii, "the text export is what a C terminal shows")
  }

  @Test func theFileNameInAnExportIsPrintable() throws {
    let data = try data(province: "Lạng Sơn", sourceName: "n\u{1B}]0;PWNED\u{7}\nx.json")
    for view in ViewKind.allCases {
      for format in ExportFormat.allCases {
        let text = render(data, view, format)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(view) \(format)")
      }
    }
    let markdown = render(data, .overview, .markdown)
    #expect(markdown.contains(#"n\\u001B\]0;PWNED\\u0007\\u000Ax.json"#), "\(markdown)")
    let plain = render(try self.data(province: "Lạng Sơn", sourceName: "x.json"), .overview, .markdown)
    #expect(markdown.split(separator: "\n").count == plain.split(separator: "\n").count, "no line break smuggled in")
  }
}
