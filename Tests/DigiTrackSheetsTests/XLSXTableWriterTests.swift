import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets
@testable import DigiTrackUI

/// The xlsx export writer, read back by openpyxl: types, leading zeros, statuses, what is on top.
@Suite struct XLSXTableWriterTests {
  @Test func typesZerosAndStatusesSurvive() throws {
    let folder = try Run.folder()
    let data = DashboardData(dataset: Demo.dataset, sourceName: DemoDataset.name)
    let export = ViewExport(data: data, options: DisplayOptions(language: .vi, unicode: true))
    try XLSXTableWriter.write(export.document(view: .overview, province: nil), to: folder + "/export.xlsx")
    let output = try Run.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook('export.xlsx')
      print(wb.sheetnames)
      ws = wb['Tỉnh, thành phố']
      print('top', [ws.cell(row=r, column=1).value for r in range(1, 4)])
      header = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == '#')
      headers = [c.value for c in ws[header]]
      by = dict(zip(headers, ws[header + 1]))
      codes = [r[headers.index('Mã')].value for r in ws.iter_rows(min_row=header + 1)]
      print('codes', sorted(set(type(v).__name__ for v in codes)), '01' in codes)
      for h, c in by.items():
          print(repr(h), type(c.value).__name__, c.number_format, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None)
      print('status', by['Trạng thái'].value)
      print('freeze', ws.freeze_panes, header)
      print('width', ws.column_dimensions['C'].width)
      """, in: folder)
    #expect(output.contains("'Nguồn', 'Chú thích']"))
    #expect(output.contains("top ['"))
    #expect(output.contains("Số liệu đến ngày: "))
    #expect(output.contains("dữ liệu mẫu"))
    #expect(output.contains("codes ['str'] True"))
    #expect(output.contains(" int General"))
    #expect(output.contains("0.0%"))
    #expect(output.contains("✓ Xanh"))
    #expect(output.contains("00C6EFCE") || output.contains("FFC6EFCE"))
    #expect(output.contains("freeze A"))
  }

  @Test func themeFillsArePaleThemeColours() {
    var theme = Theme.standard
    theme.styles[.statusGreen] = RoleStyle(foreground: .rgb(0, 0x80, 0))
    theme.styles[.statusRed] = RoleStyle(foreground: .ansi(9), background: .rgb(0xFF, 0, 0))
    theme.styles[.statusYellow] = RoleStyle()
    let fills = StatusFills(theme: theme)
    #expect(fills.rgb[.green] == 0xBFDFBF)
    #expect(fills.rgb[.red] == 0xFFBFBF)
    // A role without a colour keeps the spreadsheet's usual fill.
    #expect(fills.rgb[.yellow] == StatusFills.standard.rgb[.yellow])
    #expect(StatusFills.rgb(.indexed(196)) == 0xFF0000)
    #expect(StatusFills.rgb(.indexed(232)) == 0x080808)
  }

  @Test func sheetNamesAreValidAndUnique() {
    var used: Set<String> = []
    #expect(XLSXTableWriter.sheetName("a/b:c", used: &used) == "a-b-c")
    #expect(XLSXTableWriter.sheetName("a/b:c", used: &used) == "a-b-c 2")
    #expect(XLSXTableWriter.sheetName(String(repeating: "x", count: 40), used: &used).count == 28)
    // Cut where a space falls, the name does not end in it (audit D3).
    #expect(
      XLSXTableWriter.sheetName("Tiêu chí, nhiệm vụ cấp tỉnh theo ngày", used: &used) == "Tiêu chí, nhiệm vụ cấp tỉnh")
  }
}
