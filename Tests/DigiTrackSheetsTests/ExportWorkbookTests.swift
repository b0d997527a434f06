import Foundation
import Testing

/// `export --format xlsx` for every view and `--format csv --excel`, through the built binary,
/// read back by Python's openpyxl and csv modules.
@Suite struct ExportWorkbookTests {
  /// Reads every sheet of `file`: its name, the lines on top, the header row, the frozen pane,
  /// value types per column, statuses and illustrative marks.
  static let reader = """
    import openpyxl, sys
    wb = openpyxl.load_workbook(sys.argv[1])
    print('sheets', wb.sheetnames)
    for ws in wb.worksheets[:-1]:
        header = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value is not None and ws.cell(row=r, column=1).font.b and r > 1)
        print('sheet', ws.title, 'top', ' | '.join(str(ws.cell(row=r, column=1).value) for r in range(1, header)))
        print('freeze', ws.freeze_panes == 'A%d' % (header + 1))
        heads = [c.value for c in ws[header]]
        print('heads', heads)
        for row in ws.iter_rows(min_row=header + 1, max_row=header + 1):
            print('first', [(type(c.value).__name__, c.number_format) for c in row])
        values = [c for row in ws.iter_rows(min_row=header + 1) for c in row]
        print('statuses', sorted(set(c.value for c in values if isinstance(c.value, str) and c.value[:1] in '✓◐✗·○●?–' and c.fill.fill_type)))
        print('marks', sum(1 for c in values if c.value == '* minh họa' and c.comment is not None))
    legend = wb.worksheets[-1]
    print('legend', [legend.cell(row=r, column=1).value for r in range(1, 10)])
    """

  func export(_ arguments: [String], in folder: String) throws -> String {
    let result = try Run.tui(["export", "--format", "xlsx"] + arguments, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    return try Run.python(Self.reader.replacingOccurrences(of: "sys.argv[1]", with: "'\(arguments.last!)'"), in: folder)
  }

  @Test func overview() throws {
    let folder = try Run.folder()
    let output = try export(["-o", "overview.xlsx"], in: folder)
    #expect(
      output.contains("sheets ['Số liệu toàn quốc', 'Tổng hợp toàn quốc', 'Tỉnh, thành phố', 'Nguồn', 'Chú thích']"),
      "\(output)")
    #expect(output.contains("Số liệu đến ngày: 29/12/2025 (Tổng kết năm 2025)"), "\(output)")
    #expect(output.contains("Dữ liệu: demo.json (dữ liệu mẫu có sẵn)"), "\(output)")
    #expect(!output.contains("freeze False"), "\(output)")
    #expect(output.contains("heads ['#', 'Mã', 'Tỉnh/thành'"), "\(output)")
    #expect(output.contains("[('int', 'General'), ('str', 'General')"), "\(output)")
    #expect(output.contains("'0.0%'"), "\(output)")
    #expect(output.contains("✓ Xanh"), "\(output)")
    #expect(output.contains("legend ['Chú thích', None, '✓ Xanh'"), "\(output)")
  }

  @Test func matrixAndProvinceInEnglish() throws {
    let folder = try Run.folder()
    let matrix = try export(["--view", "matrix", "--lang", "en", "-o", "matrix.xlsx"], in: folder)
    #expect(matrix.contains("'Sources', 'Legend']"), "\(matrix)")
    #expect(matrix.contains("✓ Green"), "\(matrix)")
    #expect(matrix.contains("Report: 2025-12-29 (Year-end 2025 review)"), "\(matrix)")
    #expect(matrix.contains("the criteria, their phase split and the block names are modelled"), "\(matrix)")
    let province = try export(["--province", "Lạng Sơn", "-o", "province.xlsx"], in: folder)
    #expect(province.contains("| Lạng Sơn"), "\(province)")
    #expect(province.contains("statuses ['◐ Vàng', '✓ Xanh']"), "\(province)")
    #expect(province.contains("'Nguồn', 'Chú thích']"), "\(province)")
  }

  @Test func illustrativeFiguresKeepTheirMark() throws {
    let folder = try Run.folder()
    // July's demo report has the illustrative commune bands.
    let output = try export(["--snapshot", "2025-07-31", "-o", "july.xlsx"], in: folder)
    #expect(output.contains("* số liệu minh họa"), "\(output)")
    #expect(output.range(of: "marks [1-9]", options: .regularExpression) != nil, "\(output)")
  }

  @Test func writesAsEveryOtherFormatDoes() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["export", "--format", "xlsx", "-o", "a.xlsx"], in: folder).status == 0)
    let again = try Run.tui(["export", "--format", "xlsx", "-o", "a.xlsx", "--lang", "en"], in: folder)
    #expect(again.status == 2)
    #expect(again.stderr.contains("exists"), "\(again.stderr)")
    #expect(try Run.tui(["export", "--format", "xlsx", "-o", "a.xlsx", "--force"], in: folder).status == 0)
    // Standard output that is not a terminal (a pipe) gets the workbook's bytes.
    let piped = try Run.tui(["export", "--format", "xlsx"], in: folder)
    #expect(piped.status == 0)
    #expect(piped.stdout.hasPrefix("PK"))
  }

  @Test func excelCSV() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["export", "--format", "csv", "--excel", "-o", "vi.csv"], in: folder).status == 0)
    #expect(
      try Run.tui(["export", "--format", "csv", "--excel", "--lang", "en", "-o", "en.csv"], in: folder).status == 0)
    #expect(try Run.tui(["export", "--format", "csv", "-o", "plain.csv"], in: folder).status == 0)
    let output = try Run.python(
      """
      import csv
      for name, delimiter in (('vi.csv', ';'), ('en.csv', ',')):
          with open(name, encoding='utf-8-sig', newline='') as f:
              rows = list(csv.reader(f, delimiter=delimiter))
          head = rows[0]
          hanoi = dict(zip(head, next(r for r in rows[1:] if r[head.index('code')] == '01')))
          print(name, len(head), hanoi['name'], hanoi['provincial_percent'])
      print('bom', open('vi.csv', 'rb').read(3) == b'\\xef\\xbb\\xbf', open('plain.csv', 'rb').read(3) == b'\\xef\\xbb\\xbf')
      """, in: folder)
    #expect(output.contains("vi.csv 2"), "\(output)")
    #expect(output.range(of: "vi.csv \\d+ Hà Nội \\d+,\\d", options: .regularExpression) != nil, "\(output)")
    #expect(output.range(of: "en.csv \\d+ Hà Nội \\d+\\.\\d", options: .regularExpression) != nil, "\(output)")
    #expect(output.contains("bom True False"), "\(output)")
    let refused = try Run.tui(["export", "--format", "json", "--excel"], in: folder)
    #expect(refused.status != 0)
  }
}
