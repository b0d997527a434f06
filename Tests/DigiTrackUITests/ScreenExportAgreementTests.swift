import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// Issue 12, item 6: every format says what the screen says. For each view and both report
/// dates, the marks of each row on screen are compared with the Markdown, CSV and JSON exports,
/// and the province report's headline figures with the Markdown.
@Suite struct ScreenExportAgreementTests {
  static let glyphs: Set<Character> = ["✓", "◐", "✗", "·", "▓", "▒", "░"]
  static let statusGlyphs: Set<Character> = ["✓", "◐", "✗", "·"]

  static func export(_ snapshot: Int) -> ViewExport {
    let data = DashboardData(dataset: Fixtures.demo.dataset, sourceName: DemoDataset.name, snapshotIndex: snapshot)
    return ViewExport(data: data, options: DisplayOptions(language: .vi))
  }

  /// The status and level marks of a line, in order (statuses only where bars share a glyph).
  static func marks(_ text: Substring, statusOnly: Bool = false) -> [Character] {
    text.filter { (statusOnly ? statusGlyphs : glyphs).contains($0) }
  }

  static func line(_ text: String, containing needle: String) -> Substring? {
    text.split(separator: "\n").first { $0.contains(needle) }
  }

  @Test(arguments: [0, 1])
  func overviewMarksMatchInEveryFormat(_ snapshot: Int) throws {
    let export = Self.export(snapshot)
    let text = export.text(view: .overview, province: nil, width: 160)
    let markdown = export.render(view: .overview, province: nil, format: .markdown, width: 160)
    let csv = export.render(view: .overview, province: nil, format: .csv, width: 160).split(separator: "\r\n")
    let header = csv[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let phases = header.indices.filter { header[$0].hasPrefix("phase") && header[$0].hasSuffix("_green") }
    for province in export.data.dataset.provinces {
      let name = province.name
      let screen = try #require(Self.line(text, containing: " " + name + " "), "\(name)")
      let row = try #require(Self.line(markdown, containing: "| \(province.code) | \(name) |"), "\(name)")
      let screenMarks = Self.marks(screen, statusOnly: true)
      #expect(screenMarks == Self.marks(row), "\(snapshot) \(name): \(screen) vs \(row)")
      // Each percentage the screen shows is in the report.
      for match in screen.matches(of: /[0-9]+,[0-9]%/) {
        #expect(row.contains(match.output), "\(name): \(match.output)")
      }
      // CSV: a ✓ phase is true, ◐ or ✗ false, · empty.
      let fields = try #require(csv.first { $0.contains(",\(province.code),\(name),") })
        .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let screenPhases = screenMarks.prefix(phases.count)
      for (position, column) in phases.enumerated() {
        let expected = screenPhases[screenPhases.index(screenPhases.startIndex, offsetBy: position)]
        let flag = fields[column]
        let want = expected == "✓" ? "true" : expected == "·" ? "" : "false"
        #expect(flag == want, "\(name) phase \(position + 1): \(flag) vs \(expected)")
      }
    }
  }

  @Test(arguments: [0, 1])
  func matrixMarksMatchInEveryFormat(_ snapshot: Int) throws {
    let export = Self.export(snapshot)
    let text = export.text(view: .matrix, province: nil, width: 200)
    let markdown = export.render(view: .matrix, province: nil, format: .markdown, width: 200)
    let json = export.render(view: .matrix, province: nil, format: .json, width: 200)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["provinces"] as? [[String: Any]])
    let plan = export.data.dataset.plan
    for province in export.data.dataset.provinces {
      let name = province.name
      let screen = try #require(Self.line(text, containing: " " + name + " "))
      let cells = Self.marks(screen[(screen.firstIndex(of: "│") ?? screen.startIndex)...])
      let row = try #require(Self.line(markdown, containing: "| \(province.code) | \(name) |"))
      #expect(cells == Self.marks(row), "\(snapshot) \(name)")
      let fields = try #require(rows.first { $0["code"] as? String == province.code })
      let total = fields["communes_total"] as? Int
      let fromJSON: [Character] = plan.criteria.map { criterion in
        if criterion.level == .provincial {
          return Character(
            Glyphs.unicode.status(Status(jsonName: fields[criterion.id] as? String ?? "") ?? .notReported))
        }
        let count = fields[criterion.id] as? Int
        let level = count.flatMap { count in total.flatMap { CommuneLevel(Ratio(count, of: $0)) } }
        return Character(level.map { Glyphs.unicode.communeLevel($0) } ?? Glyphs.unicode.status(.notReported))
      }
      #expect(cells == fromJSON, "\(snapshot) \(name): JSON")
    }
  }

  @Test(arguments: [0, 1])
  func provinceHeadlineAndMarksMatch(_ snapshot: Int) throws {
    let export = Self.export(snapshot)
    for province in [Fixtures.index(of: "Lạng Sơn"), Fixtures.index(of: "Quảng Ninh")] {
      let text = export.text(view: .province, province: province, width: 200)
      let markdown = export.render(view: .province, province: province, format: .markdown, width: 200)
      let flat = markdown.replacingOccurrences(of: "\\", with: "")
      // The headline lines: completion, communes, status with phase flags, still open, change.
      let lines = text.split(separator: "\n")
      let headline = lines.prefix { !$0.hasPrefix("──") }.dropFirst(2)
      var inStillOpen = false
      for line in headline {
        if line.contains("Còn thiếu") { inStillOpen = true }
        if line.contains("So với ngày") { inStillOpen = false }
        if inStillOpen {
          // The screen names as many as fit and counts the rest; the report names them all.
          for id in line.matches(of: /[TC][0-9]{2}/) { #expect(flat.contains(id.output + " "), "\(id.output)") }
          continue
        }
        for match in line.matches(of: /[0-9]+\/[0-9]+|[0-9]+,[0-9]%|[+±-][0-9]+/) {
          #expect(flat.contains(match.output), "\(snapshot): \(match.output) of \(line)")
        }
        let words = line.split(separator: " ").filter { $0.count > 2 && !$0.contains("█") && !$0.contains("░") }
        for word in words { #expect(flat.contains(word), "\(snapshot): \(word) of \(line)") }
      }
      if snapshot == 1, province == Fixtures.index(of: "Lạng Sơn") {
        for figure in ["31/32", "65/65", "xanh theo công bố", "So với ngày 31/07/2025"] {
          #expect(flat.contains(figure), "\(figure)")
        }
      }
      // The criteria table: the same status in the same order.
      let screenStatuses = lines.filter { $0.wholeMatch(of: /^ T[0-9]{2} .*/) != nil }.map { Self.marks($0) }
      let reportStatuses = markdown.split(separator: "\n").filter { $0.hasPrefix("| T") }.map { Self.marks($0) }
      #expect(screenStatuses.count == 32 && screenStatuses.map { $0.first } == reportStatuses.map { $0.first })
    }
  }
}
