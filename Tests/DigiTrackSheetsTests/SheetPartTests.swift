import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// The worksheet reader on hand-written parts: what a spreadsheet program may write and
/// libxlsxwriter never does (a row split in two, rows out of order, cells without a reference,
/// inline and formula strings). The reader keeps each row in a buffer until its end tag and
/// compares status words by bytes; these pin that nothing a cell holds is lost or moved by that.
@Suite struct SheetPartTests {
  /// A workbook of one sheet whose `<sheetData>` is `rows`, zipped by Python's zipfile (no UTF-8
  /// flag on the names, as Excel writes them), and read back.
  static func cells(_ rows: String, sheetName: String = "Tiêu chí cấp tỉnh") throws -> SheetCells {
    let folder = try Run.folder()
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
      (
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"\(sheetName)\" sheetId=\"1\" "
          + "r:id=\"rId1\"/></sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          + "Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"\(relations)/worksheet\"/></Relationships>"
      ),
      (
        "xl/sharedStrings.xml",
        "<sst xmlns=\"\(main)\"><si><t>Xanh</t></si><si><r><t>Đ</t></r><r><t>ỏ</t></r></si></sst>"
      ),
      ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"),
    ]
    let writes = parts.map { "z.writestr(\(python($0.0)), \(python($0.1)).encode('utf-8'))" }.joined(separator: "\n")
    try Run.python(
      "import zipfile\nz = zipfile.ZipFile('t.xlsx', 'w', zipfile.ZIP_DEFLATED)\n\(writes)\nz.close()", in: folder)
    let sheets = try XLSXReader().read(path: folder + "/t.xlsx", name: "t.xlsx")
    return try #require(sheets.first)
  }

  /// A Python string literal of `text` (its UTF-8 escaped), so any text survives the command line.
  static func python(_ text: String) -> String {
    "b'" + text.utf8.map { String(format: "\\x%02x", $0) }.joined() + "'.decode('utf-8')"
  }

  @Test func aRowSplitInTwoKeepsTheCellsOfBothParts() throws {
    let cells = try Self.cells(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"B2\"><v>7</v></c></row>"
        + "<row r=\"1\"><c r=\"C1\" t=\"s\"><v>1</v></c></row>")
    #expect(cells.value(row: 0, column: 0) == .text("Xanh"))
    #expect(cells.value(row: 0, column: 1) == nil)
    #expect(cells.value(row: 0, column: 2) == .text("Đỏ"))
    #expect(cells.value(row: 1, column: 1) == .number(7))
  }

  @Test func rowsOutOfOrderAndCellsWithoutAReference() throws {
    let cells = try Self.cells(
      "<row r=\"3\"><c><v>1</v></c><c><v>2</v></c><c r=\"E3\"><v>5</v></c><c><v>6</v></c></row>"
        + "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>chua bao cao</t></is></c></row>"
        + "<row><c t=\"str\"><f>A1</f><v>vàng</v></c><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c></row>")
    #expect(cells.rows.count == 2 + 1)
    #expect(cells.rows[2] == [.number(1), .number(2), nil, nil, .number(5), .number(6)])
    #expect(cells.rows[0] == [nil, .text("chua bao cao")])
    // The row without `r` follows the last one read (row 1), as the format says.
    #expect(cells.rows[1] == [.text("vàng"), .boolean(true), .error("#N/A")])
  }

  @Test func aCellWithoutAValueLeavesItsPlaceEmpty() throws {
    let cells = try Self.cells("<row r=\"1\"><c r=\"A1\" s=\"3\"/><c r=\"B1\"><v>4</v></c><c r=\"C1\" s=\"2\"/></row>")
    #expect(cells.rows == [[nil, .number(4)]])
  }

  /// Exact words are matched by their bytes; a word of the same length that differs (case, a
  /// missing diacritic) still reads through folding, and a wrong one still gets its suggestion.
  @Test func statusWordsByBytesAndByFolding() {
    for status in [Status.green, .yellow, .red, .notReported] {
      for language in [Language.vi, .en] {
        #expect(StatusWords.read(StatusWords.word(status, language: language), language: .vi) == .status(status))
      }
      #expect(StatusWords.read(status.jsonName, language: .vi) == .status(status))
    }
    #expect(StatusWords.read("XANH", language: .vi) == .status(.green))
    #expect(StatusWords.read("Vang", language: .vi) == .status(.yellow))
    #expect(StatusWords.read("Do", language: .vi) == .status(.red))
    #expect(StatusWords.read("Xnah", language: .vi) == .unknown(suggestion: "Xanh"))
    #expect(StatusWords.read("", language: .vi) == .status(.notReported))
  }
}
