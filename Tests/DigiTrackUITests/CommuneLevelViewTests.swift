import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// Issue 12, item 3: commune-level cells are levels, what `green = total` implies is shown as
/// such, and a legend says what the levels mean on screen and in every export.
@Suite struct CommuneLevelViewTests {
  static var export: ViewExport { ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .vi)) }

  /// The cells of a matrix row after the `│`.
  static func cells(_ text: String, row name: String) -> [String] {
    guard let line = text.split(separator: "\n").first(where: { $0.contains(" " + name + " ") }),
      let bar = line.firstIndex(of: "│")
    else { return [] }
    return line[line.index(after: bar)...].split(separator: " ").map(String.init)
  }

  @Test func langSonsCommuneCellsAreGreenNotMissing() {
    let text = Self.export.text(view: .matrix, province: nil, width: 200)
    let cells = Self.cells(text, row: "Lạng Sơn")
    #expect(cells.count == 40, "\(cells)")
    #expect(cells.suffix(8).allSatisfy { $0 == "✓" }, "\(cells.suffix(8))")
  }

  @Test func nearlyAllAndFewDoNotLookAlike() {
    let text = Self.export.text(view: .matrix, province: nil, width: 200)
    // Hà Tĩnh at 29/12/2025: C01 117/124 (94%) and C03 103/124 (83%).
    let cells = Self.cells(text, row: "Hà Tĩnh").suffix(8)
    #expect(Array(cells.prefix(3)) == ["▓", "▓", "▒"], "\(cells)")
    #expect(text.contains("Cấp xã (tỷ lệ đơn vị đạt): ✓ 100%  ▓ 90–99%  ▒ 50–89%  ░ 1–49%  ✗ 0%"))
    let ascii = ViewExport(data: Fixtures.demo, options: DisplayOptions(language: .en, unicode: false))
      .text(view: .matrix, province: nil, width: 200)
    #expect(ascii.contains("+ 100%  # 90-99%  = 50-89%  - 1-49%  x 0%"), "ASCII fallback")
  }

  @Test func theProvinceDetailShowsTheImpliedCounts() {
    let text = Self.export.text(view: .province, province: Fixtures.index(of: "Lạng Sơn"), width: 120)
    let lines = text.split(separator: "\n").filter { $0.hasPrefix(" C0") }
    #expect(lines.count == 8)
    for line in lines {
      #expect(line.contains("65/65") && line.contains("(suy ra)") && !line.contains("chưa có"), "\(line)")
    }
    #expect(text.contains("mọi đơn vị cấp xã đều xanh, nên đạt từng tiêu chí"))
    #expect(text.contains("Cấp xã (tỷ lệ đơn vị đạt)"))
  }

  @Test(arguments: [ViewKind.matrix, .province])
  func everyExportCarriesTheLegend(_ view: ViewKind) {
    let province = Fixtures.index(of: "Lạng Sơn")
    let markdown = Self.export.render(view: view, province: province, format: .markdown, width: 120)
    #expect(markdown.contains("✓ 100% ▓ 90–99% ▒ 50–89% ░ 1–49% ✗ 0%"))
    #expect(markdown.contains("**Chú giải trạng thái**"))
    let text = Self.export.render(view: view, province: province, format: .text, width: 120)
    #expect(text.contains("✓ 100%  ▓ 90–99%"))
    if view == .matrix {
      #expect(markdown.contains("| C08 | Cán bộ cấp xã"))
      #expect(markdown.contains("| 20 | Lạng Sơn |") && markdown.contains("| ✓ 100,0% |"))
      // CSV and JSON keep the count, now with what it is out of.
      let csv = Self.export.render(view: view, province: nil, format: .csv, width: 120)
      let row = csv.split(separator: "\r\n").first { $0.contains(",20,Lạng Sơn,") } ?? ""
      #expect(row.hasSuffix(",65,65,65,65,65,65,65,65,illustrative,baolangson-2025-12-29,65"), "\(row)")
    }
  }
}
