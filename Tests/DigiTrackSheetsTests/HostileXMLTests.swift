import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// Parts written to attack an XML parser (entity expansion, external entities, deep nesting) and
/// parts that are merely broken: each is refused with its part and position, with bounded memory,
/// and what an honest part may hold (the predefined entities, character references, CDATA) is read.
@Suite struct HostileXMLTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// A workbook of one sheet whose whole `sheet1.xml` and `sharedStrings.xml` are given, zipped by
  /// Python's zipfile, and read: the cells or the problem.
  static func read(sheet: String, strings: String = "<sst xmlns=\"\(main)\"/>") throws -> Result<
    [SheetCells], FormProblem
  > {
    let folder = try write(sheet: sheet, strings: strings)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return read(folder)
  }

  static func read(_ folder: String) -> Result<[SheetCells], FormProblem> {
    Result { () throws(FormProblem) in try XLSXReader().read(path: folder + "/t.xlsx", name: "t.xlsx") }
  }

  /// The folder holding that workbook as t.xlsx.
  static func write(sheet: String, strings: String) throws -> String {
    let folder = try Run.folder()
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
      (
        "xl/workbook.xml",
        "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Tiêu chí cấp tỉnh\" sheetId=\"1\" "
          + "r:id=\"rId1\"/></sheets></workbook>"
      ),
      (
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          + "Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"\(relations)/worksheet\"/></Relationships>"
      ),
      ("xl/sharedStrings.xml", strings),
      ("xl/worksheets/sheet1.xml", sheet),
    ]
    let writes = parts.map {
      "z.writestr(\(SheetPartTests.python($0.0)), \(SheetPartTests.python($0.1)).encode('utf-8'))"
    }.joined(separator: "\n")
    try Run.python(
      "import zipfile\nz = zipfile.ZipFile('t.xlsx', 'w', zipfile.ZIP_DEFLATED)\n\(writes)\nz.close()", in: folder)
    return folder
  }

  static func problem(_ result: Result<[SheetCells], FormProblem>) -> String {
    guard case .failure(let problem) = result else { return "read without a problem" }
    return problem.description
  }

  static func sheet(_ rows: String, prolog: String = "") -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\(prolog)<worksheet xmlns=\"\(main)\">"
      + "<sheetData>\(rows)</sheetData></worksheet>"
  }

  /// Ten levels of ten entities each: a few hundred bytes that expand to 10^10 "lol"s.
  @Test func entityExpansionIsRefusedWithBoundedMemory() throws {
    var entities = "<!ENTITY l0 \"lol\">"
    for level in 1...10 {
      entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
    }
    let strings =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [\(entities)]>\n<sst xmlns=\"\(Self.main)\"><si><t>&l10;</t></si></sst>"
    let folder = try Self.write(sheet: Self.sheet(""), strings: strings)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var message = ""
    let growth = Run.peakGrowth { message = Self.problem(Self.read(folder)) }
    #expect(
      message == "t.xlsx: xl/sharedStrings.xml: a document type declaration is not allowed in a workbook", "\(message)")
    #expect(growth < 100_000, "peak RSS grew by \(growth) KiB")
  }

  /// An external entity naming a local file, and an external DTD: refused before anything is read.
  @Test func externalEntitiesAndDTDsAreRefused() throws {
    let xxe = Self.sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>",
      prolog: "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
    let message = Self.problem(try Self.read(sheet: xxe))
    #expect(message == "t.xlsx: xl/worksheets/sheet1.xml: a document type declaration is not allowed in a workbook")
    let dtd = Self.sheet("", prolog: "<!DOCTYPE worksheet SYSTEM \"http://127.0.0.1:9/x.dtd\">\n")
    #expect(
      Self.problem(try Self.read(sheet: dtd)).hasSuffix("a document type declaration is not allowed in a workbook"))
  }

  /// Without a DTD only the five predefined entities exist: any other is broken XML, placed.
  @Test func anUndeclaredEntityIsBrokenXMLAtItsPosition() throws {
    let sheet = Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&passwd;</t></is></c></row>")
    let message = Self.problem(try Self.read(sheet: sheet))
    #expect(message.hasPrefix("t.xlsx: xl/worksheets/sheet1.xml: 2:"), "\(message)")
    #expect(message.contains("passwd") && message.hasSuffix("(damaged file)"), "\(message)")
  }

  /// More than 128 levels is refused (a worksheet has 5): a deep part costs memory per level.
  @Test func nestingPastTheLimitIsRefused() throws {
    let deep = String(repeating: "<is>", count: 150) + String(repeating: "</is>", count: 150)
    let message = Self.problem(try Self.read(sheet: Self.sheet("<row r=\"1\"><c r=\"A1\">\(deep)</c></row>")))
    #expect(message.hasPrefix("t.xlsx: xl/worksheets/sheet1.xml: 2:"), "\(message)")
    #expect(message.hasSuffix("elements nested more than 128 levels deep (damaged file)"), "\(message)")
    // 100 levels are read.
    let fine = String(repeating: "<is>", count: 100) + String(repeating: "</is>", count: 100)
    #expect(throws: Never.self) { try Self.read(sheet: Self.sheet("<row r=\"1\"><c r=\"A1\">\(fine)</c></row>")).get() }
  }

  @Test func aMismatchedTagIsNamedWithItsLineAndColumn() throws {
    let message = Self.problem(try Self.read(sheet: Self.sheet("<row r=\"1\">\n<c r=\"A1\"><v>1</v></row>")))
    #expect(message.hasPrefix("t.xlsx: xl/worksheets/sheet1.xml: 3:"), "\(message)")
    #expect(message.hasSuffix("(damaged file)"), "\(message)")
  }

  /// A sheet past 1 MiB is pushed to the parser chunk by chunk instead of parsed whole: the same
  /// cells, and a broken tag at its end still placed by line.
  @Test func aLargeSheetIsReadChunkByChunk() throws {
    let folder = try Run.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, tail) in [("good", "</sheetData></worksheet>"), ("bad", "\\n</sheetData></workbook>")] {
      try Run.python(
        """
        import zipfile
        main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
        rows = ''.join('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c></row>' % (n, n, n, n)
                       for n in range(1, 20001))
        sheet = '<?xml version="1.0"?>\\n<worksheet xmlns="%s"><sheetData>' % main + rows + '\(tail)'
        assert len(sheet) > 1.2 * 2**20
        z = zipfile.ZipFile('\(name).xlsx', 'w', zipfile.ZIP_DEFLATED)
        z.writestr('xl/workbook.xml', '<workbook xmlns="%s" xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
                   '</sheets></workbook>' % main)
        z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr('xl/sharedStrings.xml', '<sst xmlns="%s"><si><t>Xanh</t></si></sst>' % main)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
        z.close()
        """, in: folder)
    }
    let sheets = try XLSXReader().read(path: folder + "/good.xlsx", name: "good.xlsx")
    #expect(sheets[0].rows.count == 20000)
    #expect(sheets[0].rows[19999] == [.number(20000), .text("Xanh")])
    #expect(sheets[0].rows[0] == [.number(1), .text("Xanh")])
    let message = Self.problem(
      Result { () throws(FormProblem) in try XLSXReader().read(path: folder + "/bad.xlsx", name: "bad.xlsx") })
    #expect(message.hasPrefix("bad.xlsx: xl/worksheets/sheet1.xml: 3:"), "\(message)")
    #expect(message.hasSuffix("(damaged file)"), "\(message)")
  }

  /// What an honest part may hold: predefined entities, character references, CDATA, comments,
  /// processing instructions, and prefixes other than the usual.
  @Test func entitiesCharacterReferencesAndCDATAAreRead() throws {
    let strings =
      "<?xml version=\"1.0\"?><x:sst xmlns:x=\"\(Self.main)\"><x:si><x:t>A &amp; B &lt;&#272;&#x1EA1;&gt;</x:t></x:si>"
      + "<x:si><x:t><![CDATA[<Xanh>]]></x:t></x:si></x:sst>"
    let sheet = Self.sheet(
      "<!-- a comment --><?pi data?><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        + "<c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> &quot;a&apos; </t></is></c></row>")
    guard case .success(let sheets) = try Self.read(sheet: sheet, strings: strings) else {
      Issue.record("refused")
      return
    }
    #expect(sheets[0].rows == [[.text("A & B <Đạ>"), .text("<Xanh>"), .text(" \"a' ")]])
  }
}
