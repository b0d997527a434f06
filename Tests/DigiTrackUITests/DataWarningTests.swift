import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 16, item 7: the loader's warnings ("red before its deadline") show inside the dashboard,
/// on the status line when it opens and in full in the `?` overlay, not only on standard error
/// before the screen is drawn.
@Suite struct DataWarningTests {
  static let warnings = [
    "tinh.json:88:21: cảnh báo: snapshots[0].reports[0].provincial.statuses.T03 (Lạng Sơn): đỏ (trễ hạn) trước thời hạn",
    "tinh.json:90:21: cảnh báo: snapshots[0].reports[0].provincial.statuses.T04 (Lạng Sơn): đỏ (trễ hạn) trước thời hạn",
  ]

  private func state(warnings: [String]) -> AppState {
    let data = DashboardData(dataset: Fixtures.demo.dataset, sourceName: "tinh.json", warnings: warnings)
    return AppState(data: data, width: 160, height: 40, dataPath: "tinh.json")
  }

  @Test func theFirstWarningIsOnTheStatusLineWhenTheDashboardOpens() {
    var state = state(warnings: Self.warnings)
    let status = state.render().text(row: 38)
    #expect(status.contains("Cảnh báo về dữ liệu: tinh.json:88:21: cảnh báo:"), "\(status)")
    #expect(status.contains("(+1)"))
    Fixtures.press(&state, [.down])
    #expect(!state.render().text(row: 38).contains("Cảnh báo về dữ liệu"), "until the next key")
  }

  @Test func everyWarningIsInTheHelpOverlay() {
    var state = state(warnings: Self.warnings)
    Fixtures.press(&state, [.character("?")])
    let screen = state.render().text
    #expect(screen.contains("Cảnh báo về dữ liệu:"))
    #expect(screen.contains("statuses.T03 (Lạng Sơn)"))
    #expect(screen.contains("statuses.T04 (Lạng Sơn)"))
  }

  @Test func aFileWithoutWarningsSaysNothing() {
    let state = state(warnings: [])
    #expect(state.status == nil)
    #expect(!state.render().text.contains("Cảnh báo về dữ liệu"))
  }

  @Test func aReloadWithWarningsSaysSoBesideReloaded() {
    var state = state(warnings: [])
    let data = DashboardData(dataset: Fixtures.demo.dataset, sourceName: "tinh.json", warnings: Self.warnings)
    _ = state.update(.dataReloaded(data))
    #expect(state.render().text(row: 38).contains("Đã tải lại dữ liệu; Cảnh báo về dữ liệu: tinh.json:88:21"))
  }
}
