import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12 item 7: Enter keeps the filter and leaves the input, so sorting, exporting and
/// switching views work on the filtered list; Esc clears it; an export says it is filtered.
@Suite struct FilterKeepTests {
  /// The provinces whose names hold "an" (An Giang, Nghệ An, …): more than one, so sorting shows.
  static func filtered(_ language: Language = .vi) -> AppState {
    var state = Fixtures.state(120, 40, language)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "an")
    Fixtures.press(&state, [.enter])
    return state
  }

  @Test func enterKeepsTheFilterAndLeavesTheInput() {
    let state = Self.filtered()
    #expect(!state.editingFilter)
    #expect(state.filter == "an")
    #expect(state.screen == .overview)
    #expect(state.order.count > 1 && state.order.count < 34)
    #expect(state.render().text(row: 38).contains("Lọc: an"))
  }

  @Test func sortReverseAndTabWorkOnTheFilteredList() {
    var state = Self.filtered()
    let kept = Set(state.order)
    Fixtures.press(&state, [.character("s")])
    #expect(state.sort == .name)
    #expect(Set(state.order) == kept)
    Fixtures.press(&state, [.character("r")])
    #expect(state.reversed && Set(state.order) == kept)
    Fixtures.press(&state, [.tab])
    #expect(state.screen == .matrix)
    #expect(Set(state.order) == kept)
    Fixtures.press(&state, [.tab])
    Fixtures.press(&state, [.escape])
    #expect(state.filter.isEmpty)
    #expect(state.order.count == 34)
  }

  @Test func escapeInTheInputClearsTheFilter() {
    var state = Fixtures.state(120, 40)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "an")
    Fixtures.press(&state, [.escape])
    #expect(state.filter.isEmpty && !state.editingFilter && state.order.count == 34)
  }

  @Test func theHintSaysEnterKeepsTheFilter() {
    var state = Fixtures.state(120, 40, .en)
    Fixtures.press(&state, [.character("/")])
    #expect(state.render().text(row: 39).contains("Enter keep filter"))
    #expect(!state.render().text.contains("first match"))
  }

  @Test func theExportOfAFilteredViewSaysSo() {
    var state = Self.filtered()
    let effects = Fixtures.press(&state, [.character("e"), .character("t")])
    guard case .export(let request)? = effects.first else {
      Issue.record("e must export")
      return
    }
    let shown = state.order.count
    #expect(request.text.split(separator: "\n")[1].contains("Đã lọc theo \"an\": \(shown)/34 tỉnh, thành phố"))
    Fixtures.press(&state, [.tab])
    guard case .export(let matrix)? = Fixtures.press(&state, [.character("e"), .character("t")]).first else { return }
    #expect(matrix.text.contains("Đã lọc theo \"an\""))
  }

  @Test func everyExportFormatSaysItIsFiltered() {
    let export = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .en))
    let text = export.render(view: .overview, province: nil, format: .text, width: 100, filter: "an")
    #expect(text.contains("Filtered by \"an\":"))
    let markdown = export.render(view: .overview, province: nil, format: .markdown, width: 100, filter: "an")
    #expect(markdown.contains("**Filtered by \"an\":"))
    let json = export.render(view: .matrix, province: nil, format: .json, width: 100, filter: "an")
    #expect(json.contains("\"filter\": \"an\""))
    let plain = export.render(view: .overview, province: nil, format: .json, width: 100)
    #expect(!plain.contains("\"filter\""))
    #expect(!export.render(view: .overview, province: nil, format: .text, width: 100).contains("Filtered by"))
  }
}

/// `e` then a structured format writes the rows the screen shows, in its order: the sort, its
/// reversal and `o` (issue 13: the exports from `e` say what the screen says).
@Suite struct ExportKeepsTheScreensOrderTests {
  static func csvCodes(_ state: inout AppState) -> [String] {
    guard case .export(let request)? = Fixtures.press(&state, [.character("e"), .character("c")]).first,
      case .text(let csv) = request.content
    else {
      Issue.record("e then c must export CSV")
      return []
    }
    // CSV lines end in CR LF, one Character to Swift: split on any newline.
    let rows = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    guard let header = rows.first, let code = header.firstIndex(where: { $0 == "code" }) else {
      Issue.record("no code column in \(rows.first ?? [])")
      return []
    }
    return rows.dropFirst().map { String($0[code]) }
  }

  @Test func sortReversalAndOnlyNotGreenReachTheCSV() {
    var state = Fixtures.state(120, 40, .en)
    let ranked = Self.csvCodes(&state)
    #expect(ranked.count == 34)
    Fixtures.press(&state, [.character("r")])
    let reversed = Self.csvCodes(&state)
    #expect(reversed == ranked.reversed(), "r reverses the written rows as it does the screen's")
    #expect(reversed == state.order.map { state.data.dataset.provinces[$0].code })
    Fixtures.press(&state, [.character("r"), .character("o")])
    let open = Self.csvCodes(&state)
    #expect(open == state.order.map { state.data.dataset.provinces[$0].code })
    #expect(open.count < 34 || state.order.count == 34)
  }
}
