import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets
@testable import DigiTrackUI

/// The xlsx export writer, read back by openpyxl: types, leading zeros, statuses.
@Suite struct XLSXTableWriterTests {
  @Test func typesZerosAndStatusesSurvive() throws {
    let folder = try Run.folder()
    let data = DashboardData(dataset: Demo.dataset, sourceName: "demo.json")
    let state = AppState(data: data, options: DisplayOptions(language: .vi, unicode: true), width: 120, height: 100_000)
    let tables = ExportTables(context: state.context, order: state.order)
    try XLSXTableWriter.write(
      [tables.provinces(), tables.criteria(province: Demo.langSon)], legend: ["* số liệu minh họa"], language: .vi,
      to: folder + "/export.xlsx")
    let output = try Run.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook('export.xlsx')
      print(len(wb.sheetnames), wb.sheetnames[-1])
      ws = wb.worksheets[0]
      headers = [c.value for c in ws[1]]
      hanoi = [c for c in ws[2]]
      by = dict(zip(headers, hanoi))
      codes = [r[headers.index('Mã')].value for r in ws.iter_rows(min_row=2)]
      print('codes', sorted(set(type(v).__name__ for v in codes)), '01' in codes)
      for h, c in by.items():
          print(repr(h), type(c.value).__name__, c.number_format, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None)
      crit = wb.worksheets[1]
      print('status', [c.value for c in crit[2]])
      print(ws.freeze_panes)
      """, in: folder)
    #expect(output.contains("3 Chú thích"))
    #expect(output.contains("A2"))
    #expect(output.contains("codes ['str'] True"))
    #expect(output.contains(" int General"))
    #expect(output.contains("0.0%"))
    #expect(output.contains("✓ Xanh"))
    #expect(output.contains("00C6EFCE") || output.contains("FFC6EFCE"))
  }

  @Test func sheetNamesAreValidAndUnique() {
    var used: Set<String> = []
    #expect(XLSXTableWriter.sheetName("a/b:c", used: &used) == "a-b-c")
    #expect(XLSXTableWriter.sheetName("a/b:c", used: &used) == "a-b-c 2")
    #expect(XLSXTableWriter.sheetName(String(repeating: "x", count: 40), used: &used).count == 28)
  }
}
