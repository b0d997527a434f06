import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// The export must contain every line the screen shows, except the status and key-hint lines.
@Suite struct ExportDocumentTests {
  static let sizes = [(80, 24), (120, 40), (200, 60), (60, 14)]

  func screenLinesAreInDocument(_ state: AppState) {
    let screen = state.render()
    let document = state.document().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for row in 0..<(screen.height - 2) {
      let line = screen.text(row: row)
      #expect(document.contains(line), "screen line \(row) is missing from the export: \(line)")
    }
    let statusLine = screen.text(row: screen.height - 1)
    #expect(!document.contains(statusLine) || statusLine.isEmpty)
  }

  @Test(arguments: 0..<sizes.count)
  func overviewScrolledToTheMiddle(_ size: Int) {
    var state = Fixtures.state(Self.sizes[size].0, Self.sizes[size].1)
    Fixtures.press(&state, Array(repeating: .down, count: 20))
    screenLinesAreInDocument(state)
    #expect(state.document().text.contains("Sơn La"))
  }

  @Test(arguments: 0..<sizes.count)
  func provinceDetailScrolled(_ size: Int) {
    var state = Fixtures.state(Self.sizes[size].0, Self.sizes[size].1, .en)
    Fixtures.press(&state, [.enter, .pageDown, .down])
    screenLinesAreInDocument(state)
  }

  @Test(arguments: 0..<sizes.count)
  func matrixInEveryBand(_ size: Int) {
    var state = Fixtures.state(Self.sizes[size].0, Self.sizes[size].1)
    Fixtures.press(&state, [.tab, .end])
    for _ in 0..<state.matrixBandCount {
      screenLinesAreInDocument(state)
      Fixtures.press(&state, [.character("L")])
    }
  }

  @Test func filteredAndSortedExportKeepsTheScreensOrder() {
    var state = Fixtures.state(100, 30)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "son")
    Fixtures.press(&state, [.escape])
    #expect(state.filter.isEmpty)
    Fixtures.press(&state, [.character("/")])
    Fixtures.type(&state, "son")
    // Enter leaves the input and keeps the filter; s then sorts the filtered list.
    Fixtures.press(&state, [.enter, .character("s")])
    let document = state.document().text
    let names = ["Lạng Sơn", "Sơn La"]
    for name in names { #expect(document.contains(name)) }
    #expect(!document.contains("Hà Nội"))
    // Sorted by name: "Lạng Sơn" comes before "Sơn La".
    let first = document.range(of: "Lạng Sơn")!.lowerBound
    let second = document.range(of: "Sơn La")!.lowerBound
    #expect(first < second)
  }
}
