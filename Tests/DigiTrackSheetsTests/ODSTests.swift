import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// `.ods` forms (issue 13, item 2): written by an independent writer (Python's zipfile and a
/// content.xml written by hand, from the form as openpyxl reads it), read like `.xlsx` forms, with
/// the same cell-named errors and the same limits.
@Suite struct ODSTests {
  static let converter: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("XLSXToODS.py.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "raise SystemExit('XLSXToODS.py.txt is missing')"
  }()

  /// Converts `form` to `out` after the openpyxl code `edit` (`ws` is the provincial sheet, and
  /// `row` finds a criterion's row by its id).
  static func convert(_ form: String, to out: String, edit: String = "", in folder: String) throws {
    let prelude =
      "ws = wb['Tiêu chí cấp tỉnh']\nrow = {r[2].value: r[2].row for r in ws.iter_rows(min_row=6)}\n" + edit
    let script =
      "import sys\nsys.argv = ['XLSXToODS', '\(form)', '\(out)']\nedit = \(pythonString(prelude))\n" + converter
    try Run.python(script, in: folder)
  }

  static func pythonString(_ text: String) -> String {
    "'"
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
      .replacingOccurrences(of: "\n", with: "\\n") + "'"
  }

  /// A folder with demo.json and Lạng Sơn's form as `lang-son.xlsx`.
  static func folder() throws -> String {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    _ = try Demo.form(in: folder)
    return folder
  }

  @Test func theIssuesRoundTripThroughAnODSForm() throws {
    let folder = try Self.folder()
    // T22 typed without diacritics in another case; T01 in English: both are status words.
    try Self.convert(
      "lang-son.xlsx", to: "lang-son.ods",
      edit: "ws.cell(row['T22'], 9).value = 'XANH'\nws.cell(row['T01'], 9).value = 'green'",
      in: folder)
    let imported = try Run.tui(["import", "lang-son.ods", "--into", "demo.json", "-o", "out.json"], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("1 report(s) of 1 province(s) at 2026-01-31 added to a copy of demo.json"))
    let validated = try Run.tui(["validate", "out.json"], in: folder)
    #expect(validated.status == 0, "\(validated.stderr)")
    let export = try Run.tui(
      ["export", "--data", "out.json", "--snapshot", "2026-01-31", "--view", "province", "--province", "Lạng Sơn"],
      in: folder)
    #expect(export.stdout.contains("32/32"), "\(export.stdout)")
    // The same through --data DIR, the .ods a part beside the dataset.
    try FileManager.default.createDirectory(atPath: folder + "/parts", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: folder + "/demo.json", toPath: folder + "/parts/demo.json")
    try FileManager.default.copyItem(atPath: folder + "/lang-son.ods", toPath: folder + "/parts/lang-son.ods")
    let viaFolder = try Run.tui(
      ["export", "--data", "parts", "--snapshot", "2026-01-31", "--view", "province", "--province", "Lạng Sơn"],
      in: folder)
    #expect(viaFolder.status == 0, "\(viaFolder.stderr)")
    #expect(viaFolder.stdout.contains("32/32"), "\(viaFolder.stdout)")
  }

  @Test func readsTheSameCellsAsTheWorkbookItWasConvertedFrom() throws {
    let folder = try Self.folder()
    try Self.convert("lang-son.xlsx", to: "lang-son.ods", in: folder)
    let workbook = try XLSXReader().read(path: folder + "/lang-son.xlsx", name: "lang-son.xlsx")
    let spreadsheet = try ODSReader().read(path: folder + "/lang-son.ods", name: "lang-son.ods")
    #expect(spreadsheet.map(\.name) == workbook.map(\.name))
    for (ods, xlsx) in zip(spreadsheet, workbook) {
      #expect(ods.rows.count == xlsx.rows.count, "\(ods.name ?? "")")
      for row in 0..<max(ods.rows.count, xlsx.rows.count) {
        for column in 0..<max(ods.rows[row].count, xlsx.rows[row].count) {
          let (mine, theirs) = (ods.value(row: row, column: column), xlsx.value(row: row, column: column))
          // A date cell is a day number in .xlsx and a day in .ods: both read as the same date.
          if case .number(let serial)? = theirs, case .text(let day)? = mine, day.count == 10 {
            #expect(FormValues.date(serial: serial) == CalendarDate(iso: day))
          } else {
            #expect(mine == theirs, "\(ods.name ?? "")!\(FormLayout.cellName(row: row, column: column))")
          }
        }
      }
    }
  }

  @Test func aBadCellIsNamedAsInTheWorkbookAndNothingIsWritten() throws {
    let folder = try Self.folder()
    try Self.convert("lang-son.xlsx", to: "tinh.ods", edit: "ws.cell(row['T22'], 9).value = 'Xnah'", in: folder)
    let stderr = try BadFormTests.refused("tinh.ods", in: folder)
    #expect(stderr.contains("tinh.ods: Tiêu chí cấp tỉnh!I27: \"Xnah\" is not a status (did you mean \"Xanh\"?)"))
    let vietnamese = try Run.tui(
      ["import", "tinh.ods", "--into", "demo.json", "-o", "out.json", "--lang", "vi"], in: folder)
    #expect(
      vietnamese.stderr.contains(
        "tinh.ods: Tiêu chí cấp tỉnh!I27: trạng thái \"Xnah\" không hợp lệ (có phải là \"Xanh\"?)"),
      "\(vietnamese.stderr)")
  }

  /// A content.xml written out by hand: what each construct of the format means for the cells.
  @Test func repeatedRowsAndColumnsEmptyCellsAndText() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x" xmlns:calcext="c"><office:body>
      <office:spreadsheet><table:table table:name="Một">
      <table:table-header-rows><table:table-row><table:table-cell office:value-type="string" calcext:value-type="string">
      <office:annotation><text:p>a comment</text:p></office:annotation><text:p>Mã</text:p></table:table-cell>
      <table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="65">
      <text:p>65,0</text:p></table:table-cell></table:table-row></table:table-header-rows>
      <table:table-row table:number-rows-repeated="3"><table:table-cell/><table:table-cell
      table:number-columns-repeated="2" office:value-type="string"><text:p>Xanh</text:p></table:table-cell></table:table-row>
      <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1024"/>
      </table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p> a <text:s text:c="2"/>b
      </text:p><text:p>c  <text:span>d</text:span><text:tab/>e</text:p></table:table-cell><table:covered-table-cell
      table:number-columns-repeated="2"/><table:table-cell office:value-type="date" office:date-value="2026-01-31T00:00:00">
      <text:p>31/01/2026</text:p></table:table-cell><table:table-cell office:value-type="boolean"
      office:boolean-value="true"/><table:table-cell><text:p>no type</text:p></table:table-cell></table:table-row>
      </table:table><table:table table:name="Hai"/></office:spreadsheet></office:body></office:document-content>
      """
    let handler = ODSContentHandler(budget: 1 << 20)
    #expect(SAXParser(handler: handler).feed(Data(xml.utf8), final: true) == nil)
    #expect(!handler.overBudget)
    #expect(handler.sheets.map(\.name) == ["Một", "Hai"])
    let cells = handler.sheets[0]
    #expect(cells.value(row: 0, column: 0) == .text("Mã"))
    #expect(cells.value(row: 0, column: 1) == nil && cells.value(row: 0, column: 2) == nil)
    #expect(cells.value(row: 0, column: 3) == .number(65))
    for row in 1...3 {
      #expect(cells.value(row: row, column: 0) == nil)
      #expect(cells.value(row: row, column: 1) == .text("Xanh") && cells.value(row: row, column: 2) == .text("Xanh"))
    }
    #expect(cells.rows.count == 1_000_005)
    let last = 1_000_004
    #expect(cells.value(row: last, column: 0) == .text("a   b\nc d\te"))
    #expect(cells.value(row: last, column: 3) == .text("2026-01-31"))
    #expect(cells.value(row: last, column: 4) == .boolean(true))
    #expect(cells.value(row: last, column: 5) == .text("no type"))
    #expect(handler.sheets[1].rows.isEmpty)
  }

  /// A cell with a value repeated over a whole sheet: a few hundred bytes that would expand to
  /// gigabytes of cells. Refused under the per-part limit, with bounded memory.
  @Test func repeatedValuesPastTheLimitAreRefused() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    try Run.python(
      """
      import zipfile
      row = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" '
             'office:value-type="string"><text:p>Xanh</text:p></table:table-cell></table:table-row>')
      content = ('<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>'
                 '<table:table table:name="Tiêu chí cấp tỉnh">' + row + '</table:table></office:spreadsheet></office:body>'
                 '</office:document-content>')
      with zipfile.ZipFile('bomb.ods', 'w', zipfile.ZIP_DEFLATED) as ods:
          ods.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
          ods.writestr('content.xml', content)
      """, in: folder)
    let stderr = try BadFormTests.refused("bomb.ods", in: folder)
    #expect(stderr.contains("bomb.ods: content.xml: its repeated cells"), "\(stderr)")
    #expect(stderr.contains("expand to more than 64 MiB"), "\(stderr)")
    let growth = Run.peakGrowth {
      #expect(throws: FormProblem.self) { try ODSReader().read(path: folder + "/bomb.ods", name: "bomb.ods") }
    }
    #expect(growth < 200_000, "peak RSS grew by \(growth) KiB")
  }

  @Test func filesThatAreNotODSSpreadsheets() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.ods"))
    try Run.python(
      """
      import zipfile
      with zipfile.ZipFile('letter.ods', 'w') as z:
          z.writestr('mimetype', 'application/vnd.oasis.opendocument.text')
          z.writestr('content.xml', '<office:document-content xmlns:office="o"/>')
      zipfile.ZipFile('archive.ods', 'w').writestr('readme.txt', 'hi')
      with zipfile.ZipFile('locked.ods', 'w') as z:
          z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
          z.writestr('content.xml', bytes(range(256)))
          z.writestr('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="m"><manifest:file-entry '
                     'manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum="x"/>'
                     '</manifest:file-entry></manifest:manifest>')
      """, in: folder)
    #expect(
      try BadFormTests.refused("notes.ods", in: folder).contains(
        "notes.ods: not a spreadsheet: an .ods file is a ZIP archive, and this file is not one"))
    #expect(
      try BadFormTests.refused("letter.ods", in: folder).contains(
        "letter.ods: not a spreadsheet: this OpenDocument file is application/vnd.oasis.opendocument.text"))
    #expect(
      try BadFormTests.refused("archive.ods", in: folder).contains(
        "archive.ods: not a spreadsheet: a ZIP archive without content.xml is not an .ods spreadsheet"))
    #expect(
      try BadFormTests.refused("locked.ods", in: folder).contains(
        "locked.ods: the spreadsheet is password-protected (content.xml is encrypted)"))
  }
}
