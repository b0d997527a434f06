import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// The report date on every screen and its change with `[` and `]` (issue 11 item 1, issue 12 item 1).
@Suite struct ReportDateTests {
  static let widths = Array(stride(from: AppState.minimumWidth, through: 200, by: 7)) + [80, 135, 200]

  /// At every width down to the minimum, each view's title line keeps the report date, the demo
  /// mark and (where the next line does not say it) the data's name.
  @Test(arguments: widths)
  func titleKeepsDateNameAndDemoMark(_ width: Int) {
    for language in Language.allCases {
      let mark = language == .vi ? "(dữ liệu mẫu)" : "(demo data)"
      let date = language == .vi ? "29/12/2025" : "2025-12-29"
      var state = Fixtures.state(width, 24, language)
      let overview = state.render().text(row: 0)
      #expect(overview.contains(date) && overview.contains(mark), "\(width) \(language): \(overview)")
      #expect(state.render().text(row: 1).contains("demo.json"), "\(width) \(language)")
      Fixtures.press(&state, [.tab])
      let matrix = state.render().text(row: 0)
      #expect(matrix.contains(date) && matrix.contains(mark) && matrix.contains("demo.json"), "\(matrix)")
      Fixtures.press(&state, [.enter])
      let province = state.render().text(row: 0)
      #expect(province.contains(date) && province.contains(mark) && province.contains("demo.json"), "\(province)")
    }
  }

  @Test func theTitleSaysTheDaysLeftToTheNextDeadlineWhenThereIsRoom() {
    let state = Fixtures.state(140, 40)
    #expect(state.render().text(row: 0).contains("còn 2 ngày đến hạn GĐ2 (31/12/2025)"))
    let english = Fixtures.state(80, 24, .en)
    #expect(english.render().text(row: 0).contains("P2 due in 2d"))
  }

  @Test func bracketsStepThroughReportDatesKeepingViewSelectionAndFilter() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "son")
    Fixtures.press(&state, [.enter, .enter])  // keeps the filter, then opens the selected province
    guard case .province(let open, _) = state.screen else {
      Issue.record("no province open")
      return
    }
    Fixtures.press(&state, [.escape])
    let selected = state.selectedProvince
    let filtered = Set(state.order)
    #expect(state.render().text(row: 0).contains("29/12/2025"))

    Fixtures.press(&state, [.character("[")])
    #expect(state.data.snapshot.date.description == "2025-07-31")
    #expect(state.render().text(row: 0).contains("31/07/2025"))
    #expect(state.filter == "son" && Set(state.order) == filtered && state.selectedProvince == selected)
    // Already at the first date: `[` stays.
    Fixtures.press(&state, [.character("[")])
    #expect(state.data.snapshot.date.description == "2025-07-31")

    Fixtures.press(&state, [.enter, .character("]")])
    #expect(state.screen.kind == .province && state.data.snapshot.date.description == "2025-12-29")
    #expect(state.screen == .province(open, back: .overview) || selected != open)
    #expect(state.render().text(row: 0).contains("29/12/2025"))
  }

  /// The published 31/07/2025 figure: 34/34 provinces green, on screen at that date.
  @Test func phaseOneReviewShowsAllProvincesGreen() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("[")])
    #expect(state.render().text.contains("34/34"))
    #expect(state.data.aggregates.national.fullyGreen == 34)
  }

  @Test func switchingTheDateLaysOutOnceAndSharesTheSearchKeys() {
    var state = Fixtures.state(120, 40)
    let before = state.layoutsMade
    Fixtures.press(&state, [.character("[")])
    #expect(state.layoutsMade - before <= 1)
    #expect(state.data.dataset.snapshots.count == 2)
    #expect(Fixtures.demo.atSnapshot(1) === Fixtures.demo)
  }

  /// `[` then `]` finds the data and the layout it left (issue 14 target 5): no change computed
  /// again and no new layout, and the same screen as before.
  @Test func goingBackToTheDateJustLeftReusesItsDataAndLayout() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("j")])  // a key keeps the first layout, as the dashboard's first frame does
    let original = state.data
    let screen = state.render().text
    Fixtures.press(&state, [.character("[")])
    let left = state.data
    let made = state.layoutsMade
    Fixtures.press(&state, [.character("]")])
    #expect(state.data === original)
    #expect(state.layoutsMade == made)
    #expect(state.render().text == screen)
    Fixtures.press(&state, [.character("[")])
    #expect(state.data === left && state.layoutsMade == made)
    // Another comparison is other data; coming back to the first finds it again.
    let compared = state.data.comparing(.none)
    #expect(compared !== left && compared.change == nil)
    #expect(compared.comparing(left.comparison) === left)
  }

  /// `o` (only provinces with something open) holds across `[` and `]`: the list after a date
  /// switch is the one `o` gives at that date, not every province again.
  @Test func onlyOpenHoldsAcrossADateSwitch() {
    var filteredFirst = Fixtures.state(120, 40)
    Fixtures.press(&filteredFirst, [.character("o"), .character("[")])
    var switchedFirst = Fixtures.state(120, 40)
    Fixtures.press(&switchedFirst, [.character("["), .character("o")])
    #expect(filteredFirst.openOnly && switchedFirst.openOnly)
    #expect(filteredFirst.order == switchedFirst.order)
    #expect(filteredFirst.render().text == switchedFirst.render().text)
    // Back at the latest date, where the demo has provinces with nothing open to hide.
    Fixtures.press(&filteredFirst, [.character("]")])
    var latest = Fixtures.state(120, 40)
    Fixtures.press(&latest, [.character("o")])
    #expect(latest.order.count < 34, "34 provinces, some with nothing open")
    #expect(filteredFirst.order == latest.order)
  }

  @Test func snapshotChoices() throws {
    let dataset = Fixtures.demo.dataset
    #expect(SnapshotChoice(argument: "first")?.index(in: dataset) == 0)
    #expect(SnapshotChoice(argument: "LATEST")?.index(in: dataset) == 1)
    #expect(SnapshotChoice(argument: "2025-07-31")?.index(in: dataset) == 0)
    #expect(SnapshotChoice(argument: "31/07/2025")?.index(in: dataset) == 0)
    #expect(SnapshotChoice(argument: "30/07/2025")?.index(in: dataset) == nil)
    for bad in ["", "2025-7-31", "31/7/2025", "31-07-2025", "32/01/2025", "yesterday"] {
      #expect(SnapshotChoice(argument: bad) == nil, "\(bad)")
    }
  }
}
