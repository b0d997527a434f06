import Foundation
import TestSupport
import Testing

/// The overdue view in a real terminal: `d` opens it from the overview, Esc returns.
@Suite(.serialized) struct OverdueTmuxTests {
  static var binary: String { Tmux.quote(Binary.path) }

  @Test func dOpensTheOverdueViewAndEscReturns() throws {
    let tmux = try Tmux(width: 120, height: 40, command: Self.binary)
    try tmux.waitFor(text: "Trạng thái")
    try tmux.keys("d")
    // The demo at 29/12/2025 has nothing overdue (phase 2 is due 31/12), and says so in words.
    let overdue = try tmux.waitFor(text: "Không có tiêu chí nào quá hạn ở ngày báo cáo này.")
    #expect(overdue.contains("Tiêu chí quá hạn"))
    try tmux.keys("Escape")
    let back = try tmux.waitFor("the overview again") { !$0.contains("Tiêu chí quá hạn") && $0.contains("Sắp xếp") }
    #expect(back.contains("Lạng Sơn"))
    try tmux.keys("q")
  }
}
