import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12 item 5: after PgDn the criteria table's and the commune list's headers stay on
/// screen, and the status line says where the window is (`41–60 / 391`).
@Suite struct StickyHeaderTests {
  @Test func theCriteriaHeaderStaysAfterPageDownAt80x24() {
    var state = StillOpenTests.province("lang son", 80, 24)
    Fixtures.press(&state, [.pageDown])
    let page = state.currentPage()
    let screen = state.render()
    let firstBody = screen.text(row: page.top.count)
    #expect(firstBody.contains("Mã   Tiêu chí"), "\(screen.text)")
    #expect(state.detailOffset > 1)
    let status = screen.text(row: 22)
    #expect(status.contains("/ 32 ·"), "\(status)")
  }

  @Test func theCommuneHeaderStaysAndThePositionIsShown() {
    var (state, units) = StillOpenTests.generatedProvince()
    _ = state.update(.resize(width: 120, height: 24))
    let page = state.laidOutPage()
    guard let table = page.tables.last else {
      Issue.record("the commune list is a table")
      return
    }
    #expect(table.rows.count == units.count)
    state.detailOffset = table.rows.lowerBound + 5
    let screen = state.render()
    let firstBody = screen.text(row: page.top.count)
    #expect(firstBody.contains("Mã") && firstBody.contains("Trạng thái"), "seed \(StillOpenTests.seed): \(screen.text)")
    let viewport = state.bodyViewport(for: page)
    let status = screen.text(row: 22)
    #expect(status.contains("7–\(5 + viewport) / \(units.count) ·"), "seed \(StillOpenTests.seed): \(status)")
  }
}
