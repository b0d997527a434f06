import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 15: a matrix one can read — a column cursor that names its criterion, totals per
/// column and per row, bands of even size, and the legend of codes on screen and in exports.
@Suite struct MatrixCursorTests {
  static func screen(_ state: AppState) -> String { state.render().text }

  @Test func theCursorMovesAColumnAndTheBandFollows() {
    var state = Fixtures.state(80, 24)
    Fixtures.press(&state, [.tab])
    #expect(Self.screen(state).contains("T01◂"))
    #expect(Self.screen(state).contains("▸ T01 Nâng cấp Hệ thống"))
    let perBand = state.matrixView.perBand
    Fixtures.press(&state, Array(repeating: .right, count: perBand))
    #expect(state.matrixColumn == perBand && state.matrixBand == 1)
    let id = Fixtures.demo.dataset.plan.criteria[state.matrixView.columns[perBand]].id
    #expect(Self.screen(state).contains(id + "◂"), "the band scrolled to show \(id)")
    Fixtures.press(&state, [.character("h")])
    #expect(state.matrixColumn == perBand - 1 && state.matrixBand == 0, "h is ← ")
    Fixtures.press(&state, [.character("L"), .character("L")])
    #expect(state.matrixBand == 2 && state.matrixColumn == 2 * perBand, "L jumps a band")
    Fixtures.press(&state, [.character("H")])
    #expect(state.matrixBand == 1 && state.matrixColumn == perBand)
    Fixtures.press(&state, Array(repeating: .right, count: 60))
    #expect(state.matrixColumn == 39 && state.matrixBand == state.matrixBandCount - 1, "stops at the last column")
  }

  @Test func theCursorLineNamesTheCriterionItsPhaseDeadlineAndTotal() {
    var state = Fixtures.state(200, 60)
    Fixtures.press(&state, [.tab] + Array(repeating: .right, count: 21))
    let text = Self.screen(state)
    #expect(text.contains("▸ T22 Số hóa tài liệu lưu trữ của các cơ quan Đảng cấp tỉnh · GĐ2, hạn 31/12/2025"))
    #expect(text.contains("tỉnh xanh"))
  }

  @Test(arguments: Array(stride(from: 60, through: 220, by: 7)))
  func theLastBandIsNeverMostlyEmpty(_ width: Int) {
    var state = Fixtures.state(width, 40)
    Fixtures.press(&state, [.tab])
    let view = state.matrixView
    let last = view.columns.count - (view.bandCount - 1) * view.perBand
    #expect(last * 2 >= view.perBand, "width \(width): \(last) of \(view.perBand)")
  }

  @Test func totalsPerColumnAndPerRow() {
    let export = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .vi))
    let text = export.text(view: .matrix, province: nil, width: 200)
    let totals = text.split(separator: "\n").first { $0.contains("Số tỉnh xanh") }
    let cells = totals.map { $0.split(separator: "│").last?.split(separator: " ") ?? [] } ?? []
    #expect(cells.count == 40)
    // T22: Lạng Sơn is one of the provinces not green on it; C01..C08 count full levels.
    let plan = Fixtures.demo.dataset.plan
    let t22 = Fixtures.demo.snapshot.reports.count { $0?.provincialStatuses[21] == .green }
    #expect(cells.count == 40 && cells[21] == "\(t22)", "\(cells)")
    let c01 = Fixtures.demo.snapshot.reports.count { $0?.communes.ratio(onCriterion: 0)?.isComplete ?? false }
    #expect(cells.count == 40 && cells[plan.provincialCriteria.count] == "\(c01)")
    let langSon = text.split(separator: "\n").first { $0.contains(" Lạng Sơn ") } ?? ""
    #expect(langSon.contains("31/32  8/8 │"), "the row's totals: \(langSon)")
    #expect(text.contains("── Chú giải mã tiêu chí"))
    #expect(text.contains("T32 Giám sát an toàn thông tin tập trung (SOC)"))
  }
}
