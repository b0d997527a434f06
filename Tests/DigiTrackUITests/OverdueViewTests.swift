import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// The overdue view (`d`), the timeliness column of the province view and the title line's days
/// to the next deadline on every screen (issue 11 item 3).
@Suite struct OverdueViewTests {
  /// The demo with its last report moved from 29/12/2025 to 15/01/2026, past the phase-2
  /// deadline: its open phase-2 criteria are then overdue by 15 days.
  static let pastPhaseTwo: DashboardData = {
    var text = String(decoding: DemoDataset.bytes, as: UTF8.self)
    text = text.replacingOccurrences(of: "\"asOf\": \"2025-12-29\"", with: "\"asOf\": \"2026-01-15\"")
    text = text.replacingOccurrences(
      of: "\"date\": \"2025-12-29\",\n      \"label\"", with: "\"date\": \"2026-01-15\",\n      \"label\"")
    do {
      let loaded = try DatasetLoader().load(bytes: Array(text.utf8), name: "demo-2026-01-15.json")
      return DashboardData(dataset: loaded.dataset, sourceName: "demo-2026-01-15.json")
    } catch {
      fatalError("the shifted demo must load: \(error)")
    }
  }()

  static func state(_ data: DashboardData, _ width: Int = 120, _ height: Int = 40, _ language: Language = .vi)
    -> AppState
  {
    AppState(data: data, options: DisplayOptions(language: language), width: width, height: height)
  }

  @Test func dOpensTheListAndDOrEscGoBack() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("d")])
    #expect(state.screen == .overdue)
    #expect(state.render().text(row: 0).contains("Tiêu chí quá hạn"))
    Fixtures.press(&state, [.character("d")])
    #expect(state.screen == .overview)
    Fixtures.press(&state, [.tab, .character("d")])
    #expect(state.screen == .overdue)
    Fixtures.press(&state, [.escape])
    #expect(state.screen == .matrix)
  }

  @Test func anEmptyListSaysSoInWords() {
    var state = Fixtures.state(120, 40, .en)
    Fixtures.press(&state, [.character("d")])
    let list = OverdueList(dataset: state.data.dataset, snapshotIndex: state.data.aggregates.snapshotIndex)
    if list.entries.isEmpty {
      #expect(state.render().text.contains("No criterion is overdue at this report date."))
    }
    var past = Self.state(Self.pastPhaseTwo, 120, 40, .en)
    Fixtures.press(&past, [.character("d")])
    #expect(!past.render().text.contains("No criterion is overdue"))
  }

  @Test func rowsAreMostDaysLateFirstAndEnterOpensTheProvince() throws {
    var state = Self.state(Self.pastPhaseTwo)
    let entries = OverdueList(dataset: state.data.dataset, snapshotIndex: state.data.aggregates.snapshotIndex).entries
    try #require(!entries.isEmpty)
    #expect(entries.map(\.daysLate) == entries.map(\.daysLate).sorted(by: >))
    Fixtures.press(&state, [.character("d"), .down])
    #expect(state.overdueSelection == min(1, entries.count - 1))
    Fixtures.press(&state, [.enter])
    #expect(state.screen == .province(entries[state.overdueSelection].province, back: .overdue))
    Fixtures.press(&state, [.escape])
    #expect(state.screen == .overdue)
    // The position indicator and the fixed header.
    let screen = state.render()
    #expect(screen.text(row: state.height - 2).contains("\(state.overdueSelection + 1) / \(entries.count)"))
    Fixtures.press(&state, [.end])
    #expect(state.render().text(row: 3).contains("Quá hạn"))
  }

  @Test func theFilterKeepsOnlyItsProvincesAndBracketsKeepTheView() throws {
    var state = Self.state(Self.pastPhaseTwo)
    Fixtures.press(&state, [.character("d"), .character("/")])
    Fixtures.type(&state, "lang son")
    Fixtures.press(&state, [.enter])
    let lang = Fixtures.index(of: "Lạng Sơn")
    #expect(state.overdueEntries.allSatisfy { $0.province == lang })
    Fixtures.press(&state, [.character("[")])
    #expect(state.screen == .overdue && state.data.snapshot.date.description == "2025-07-31")
    Fixtures.press(&state, [.character("]")])
    #expect(state.screen == .overdue && state.data.snapshot.date.description == "2026-01-15")
  }

  @Test func illustrativeRowsCarryTheMark() {
    var state = Self.state(Self.pastPhaseTwo, 200, 60)
    Fixtures.press(&state, [.character("d")])
    let text = state.render().text
    let entries = state.overdueEntries
    let illustrative = entries.contains {
      state.data.snapshot.reports[$0.province]?.provincialProvenance == .illustrative
    }
    #expect(!illustrative || text.contains(" *"))
  }

  @Test func theProvinceViewShowsTimelinessInGlyphAndWords() {
    var state = Self.state(Self.pastPhaseTwo, 120, 40)
    Fixtures.press(&state, [.character("d"), .enter])
    let text = state.render().text
    #expect(text.contains("Tiến độ"))
    #expect(text.contains("✗! quá hạn 15 ngày") || text.contains("xong đúng hạn"))
    var ascii = AppState(
      data: Self.pastPhaseTwo, options: DisplayOptions(language: .en, unicode: false), width: 120, height: 200)
    Fixtures.press(&ascii, [.character("d"), .enter])
    let plain = ascii.render().text
    #expect(plain.contains("x! overdue 15 days"))
    #expect(plain.contains("Against the deadline:"))
  }

  @Test func everyScreenSaysTheDaysToTheNextDeadline() {
    for (width, height) in [(80, 24), (200, 60)] {
      for language in Language.allCases {
        var state = Fixtures.state(width, height, language)
        let says = { (title: String) in
          language == .vi ? title.contains("còn 2 ngày") : title.contains("in 2d") || title.contains("2 days")
        }
        for keys: [Key] in [[], [.tab], [.enter], [.escape, .escape, .character("d")], [.enter]] {
          Fixtures.press(&state, keys)
          let screen = state.render()
          let title = screen.text(row: 0) + " / " + screen.text(row: height - 2)
          #expect(says(title), "\(width)x\(height) \(language) \(state.screen): \(title)")
        }
      }
    }
  }

  @Test func everyExportFormatOfTheOverdueView() throws {
    let exporter = ViewExport(data: Self.pastPhaseTwo, options: DisplayOptions(language: .en))
    let csv = exporter.render(view: .overdue, province: nil, format: .csv, width: 100)
    #expect(csv.hasPrefix("snapshot,days_late,deadline,province_code,"))
    #expect(csv.contains("2026-01-15,15,2025-12-31,"))
    let json = exporter.render(view: .overdue, province: nil, format: .json, width: 100)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["view"] as? String == "overdue" && object["daysToNextDeadline"] is NSNull)
    #expect((object["overdue"] as? [Any])?.count == (object["overdueCount"] as? Int))
    let markdown = exporter.render(view: .overdue, province: nil, format: .markdown, width: 100)
    #expect(markdown.contains("| Days late |"))
    let empty = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .en))
    let text = empty.render(view: .overdue, province: nil, format: .text, width: 80)
    #expect(text.contains("Overdue criteria") && text.contains("No criterion is overdue"))
    // Every export's header says the days to the next deadline: the text under a full title.
    for view in ViewKind.allCases {
      let text = empty.render(view: view, province: 0, format: .text, width: 80)
      #expect(
        text.split(separator: "\n").prefix(3).contains { $0.contains("2 days") || $0.contains("in 2d") }, "\(view)")
      let markdown = empty.render(view: view, province: 0, format: .markdown, width: 80)
      #expect(markdown.contains("2 days to the phase 2 deadline (2025-12-31)"), "\(view)")
      let json = empty.render(view: view, province: 0, format: .json, width: 80)
      #expect(json.contains("\"daysToNextDeadline\": 2"), "\(view)")
    }
  }
}
