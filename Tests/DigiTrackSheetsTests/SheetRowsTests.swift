import DigiTrackModel
import Foundation
import TestSupport
import Testing

@testable import DigiTrackSheets

/// The rows of a worksheet read without libxml2 (CLibXML2's sheet_rows.c) give what libxml2 gives:
/// the same cells for every part it accepts, and for every other part the same outcome because
/// libxml2 reads it whole. Each part is read both ways and compared.
@Suite struct SheetRowsTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// What reading one part gives: the rows, or the parser's message.
  struct Outcome: Equatable, CustomStringConvertible {
    var rows: [[CellValue?]]
    var problem: String?
    var description: String { problem ?? "\(rows)" }
  }

  /// Reads `part` as a worksheet, its rows directly or not; and whether they were read directly.
  static func read(_ part: String, direct: Bool) -> (Outcome, Bool) {
    read(Array(part.utf8), direct: direct)
  }

  static func read(_ bytes: [UInt8], direct: Bool) -> (Outcome, Bool) {
    let handler = SheetHandler(name: "s", strings: ["Xanh", "Đỏ"])
    let parser = SAXParser(handler: handler, directly: direct)
    let problem = bytes.withUnsafeBytes { parser.feed($0, final: true) }
    return (Outcome(rows: problem == nil ? handler.cells.rows : [], problem: problem), parser.readDirectly)
  }

  /// Both ways, compared; whether the rows were read directly.
  @discardableResult
  static func same(_ part: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let (direct, wasDirect) = read(part, direct: true)
    let (libxml2, _) = read(part, direct: false)
    #expect(direct == libxml2, "\(part)", sourceLocation: sourceLocation)
    return wasDirect
  }

  static func sheet(_ rows: String, prolog: String = "", tail: String = "") -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\(prolog)<worksheet xmlns=\"\(main)\" "
      + "xmlns:r=\"r\"><dimension ref=\"A1:C3\"/><sheetData>\(rows)</sheetData>\(tail)</worksheet>"
  }

  /// Rows as libxlsxwriter writes them.
  static let regular =
    "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"2\"><v>46020</v></c></row>"
    + "<row r=\"2\" spans=\"1:3\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"4\"/><c r=\"C2\"><v>2.5</v></c></row>"
    + "<row r=\"3\"><c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\" t=\"e\"><v>#N/A</v></c><c r=\"E3\" t=\"str\"><v>x</v></c>"
    + "</row><row r=\"5\" spans=\"1:3\"/>"

  @Test func regularRowsAreReadDirectlyWithTheCellsLibxml2Reads() {
    let part = Self.sheet(Self.regular, tail: "<sheetProtection sheet=\"1\"/><pageMargins left=\"0.7\"/>")
    #expect(Self.same(part))
    let (outcome, _) = Self.read(part, direct: true)
    #expect(outcome.rows[0] == [.text("Xanh"), .number(46020)])
    #expect(outcome.rows[1] == [.text("Đỏ"), nil, .number(2.5)])
    #expect(outcome.rows[2] == [nil, nil, .boolean(true), .error("#N/A"), .text("x")])
    // White space between the tags, as a program that indents its XML writes it.
    #expect(Self.same(Self.sheet("\n  <row r=\"1\">\n    <c r=\"A1\" t=\"s\">\n <v>1</v> </c>\t</row>\n")))
  }

  /// Everything outside the narrow grammar goes to libxml2: the same cells, or the same message.
  @Test func anythingElseIsLibxml2sWithTheSameOutcome() {
    let irregular: [String] = [
      Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a &amp; b</t></is></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a &#65; &lt;</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>B1</f><v>vàng</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v/></c><c r=\"B1\"><v></v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\r\nb</v></c></row>"),
      Self.sheet("<row r=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A1\"><v>1</v></c></row>"),
      Self.sheet("<row r=\"1\" xmlns=\"other\"><c r=\"A1\"><v>1</v></c></row>"),
      Self.sheet("<row r='1'><c r='A1'><v>1</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><v><![CDATA[<x>]]></v></c></row>"),
      Self.sheet("<row r=\"1\"><!-- a note --><c r=\"A1\"><v>1</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", prolog: "<!-- <sheetData> -->"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", prolog: "<?pi <sheetData> ?>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", tail: "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", tail: "<sheetData><row r=\"3\"/></sheetData>"),
      Self.sheet("<row r=\"1\" ht=\"\u{1EA0}\"><c r=\"A1\"><v>1</v></c></row>"),
      "<worksheet><x><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></x></worksheet>",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row r=\"1\"/></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>7</v></c></row></sheetData></worksheet>",
      // Regular rows first, then something else: what was sent of them is forgotten (`reset`).
      Self.sheet(Self.regular + "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>x</t></is></c></row>"),
      // A row without `r` follows the last row read: read twice without a reset, it would move.
      Self.sheet("<row><c><v>1</v></c></row>" + Self.regular + "<row><c><f>A1</f><v>2</v></c></row>"),
      Self.sheet(Self.regular + "<row r=\"9\"><c r=\"A9\"><v>1</v></c></row><x/>"),
      Self.sheet(Self.regular, tail: "<x>"),
      // Broken: each gets libxml2's own message.
      Self.sheet("<row r=\"1\" r=\"2\"><c r=\"A1\"><v>1</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"s=\"1\"><v>1</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1<</v></c></row>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", prolog: "<!DOCTYPE worksheet [<!ENTITY a \"b\">]>"),
      Self.sheet("<row r=\"1\"><c r=\"A1\"><v>&a;</v></c></row>"),
      "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"/></sheetData>",
      "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"/></sheetData></worksheet><x/>",
      "<?xml version=\"1.0\"?><worksheet a=\"<sheetData>\"><sheetData><row r=\"1\"/></sheetData></worksheet>",
    ]
    for part in irregular { Self.same(part) }
  }

  /// A `SheetHandler` takes regular rows as records (a cell's r, t and value in one, sent in
  /// batches): cells in every order and shape of their attributes, the ones the records' own
  /// reading of r, s and t takes and the ones it leaves to the general reading of attributes, read
  /// what libxml2 reads, and so do rows that fill several batches.
  @Test func cellsReadAsRecordsAreTheCellsLibxml2Reads() {
    let accepted: [String] = [
      "<row r=\"1\"><c t=\"s\" s=\"1\" r=\"A1\"><v>1</v></c><c s=\"2\" r=\"C1\" t=\"s\"><v>0</v></c></row>",
      "<row r=\"1\"><c><v>1</v></c><c t=\"s\"><v>0</v></c><c s=\"3\"/><c><v>4</v></c></row>",
      "<row r=\"2\"><c r=\"B5\"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" cm=\"1\" t=\"s\"><v>1</v></c><c  r=\"B1\"\tt=\"str\" ><v>x</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" vm=\"1\"/><c r=\"B1\" /><c r=\"C1\" s=\"1\"></c><c r=\"D1\"><v></v></c></row>",
      "<row r=\"1\"><c r=\"\" t=\"\"><v>1</v></c><c r=\"a1\"><v>2</v></c><c r=\"A0\"><v>3</v></c></row>",
      "<row r=\"x\"><c r=\"XFE1\"><v>1</v></c><c r=\"A1048577\"><v>2</v></c><c t=\"b\"><v>0</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" foo=\"1\" t=\"e\"><v>#REF!</v></c><c t=\"inlineStr\"><v>i</v></c></row>",
      "<row r=\"3\"><c r=\"A1\"><v>1</v></c></row><row r=\"1\"><c r=\"B1\"><v>2</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c><c r=\"B1\" t=\"s\"><v>01</v></c></row>",
      (1...700).map { "<c><v>\($0)</v></c>" }.joined().wrapped("<row r=\"1\">", "</row>"),
      (1...300).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>\($0 % 2)</v></c><c><v>\($0)</v></c></row>" }
        .joined(),
    ]
    for rows in accepted { #expect(Self.same(Self.sheet(rows)), "\(rows)") }
    let refused: [String] = [
      "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\" t=\"n\"><v>1</v></c></row>",
      "<row r=\"1\"><c s=\"1\" s=\"1\"/></row>",
      "<row r=\"1\"><c r=\"A1\" s=\"1\"/ ></row>",
      "<row r=\"1\"><c r =\"A1\"><v>1</v></c></row>",
      "<row r=\"1\"><c rr=\"A1\" r=\"B1\" rr=\"C1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"t=\"s\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>" + String(repeating: "<c><v>2</v></c>", count: 300)
        + "<c r=\"A&amp;\"/></row>",
    ]
    for rows in refused { Self.same(Self.sheet(rows)) }
  }

  /// `original` with one to three bytes inserted, removed or replaced, from `alphabet`.
  static func damaged(_ original: [UInt8], _ alphabet: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
    var bytes = original
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
      case 1: bytes.remove(at: at)
      default: bytes[at] = alphabet.randomElement(using: &random)!
      }
    }
    return bytes
  }

  /// Random damage to a regular part, seeded: each damaged part reads the same both ways.
  @Test func damagedPartsReadTheSameBothWays() {
    var random = SeededRandom.fromEnvironment("SheetRowsTests.damagedPartsReadTheSameBothWays")
    let original = Array(Self.sheet(Self.regular).utf8)
    let alphabet = Array("<>/=\"' \t\r\n&;#rcvsxA19:!?-]".utf8) + [0xC3, 0xA0, 0x00]
    var direct = 0
    for _ in 0..<3000 {
      let bytes = Self.damaged(original, alphabet, &random)
      let (fast, wasDirect) = Self.read(bytes, direct: true)
      let (libxml2, _) = Self.read(bytes, direct: false)
      #expect(fast == libxml2, "seed \(random.seed): \(String(decoding: bytes, as: UTF8.self))")
      if wasDirect { direct += 1 }
    }
    // Most single slips still leave regular rows (a changed digit, a space): the direct path ran.
    #expect(direct > 100)
  }

  /// The program's own forms (libxlsxwriter) are what the direct reading is for: every sheet's
  /// rows and the shared strings of a national form are read directly, so the import's speed does
  /// not quietly fall back to libxml2 when the writer changes.
  @Test func theFormsWeWriteAreReadDirectly() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    #expect(try Run.tui(["form", "--data", "demo.json", "-o", "f.xlsx"], in: folder).status == 0)
    try Run.python(
      """
      import zipfile
      z = zipfile.ZipFile('f.xlsx')
      for name in z.namelist():
          if name.startswith('xl/worksheets/sheet') or name == 'xl/sharedStrings.xml':
              open(name.replace('/', '_'), 'wb').write(z.read(name))
      """, in: folder)
    let parts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("xl_") }
    #expect(parts.count >= 3)
    for part in parts {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + part)))
      let handler: XMLHandler =
        part.contains("sharedStrings") ? SharedStringsHandler() : SheetHandler(name: part, strings: [])
      let parser = SAXParser(handler: handler, directly: true)
      #expect(bytes.withUnsafeBytes { parser.feed($0, final: true) } == nil)
      #expect(parser.readDirectly, "\(part)")
    }
  }

  /// A workbook written by openpyxl (another writer than libxlsxwriter) reads the same both ways.
  @Test func anOpenpyxlWorkbookReadsTheSameBothWays() throws {
    let folder = try Run.folder()
    try Run.python(
      """
      import openpyxl, datetime
      wb = openpyxl.Workbook()
      ws = wb.active
      ws.title = 'Tiêu chí cấp tỉnh'
      ws.append(['Mã', 'Trạng thái', 3, 2.5, True, None, '01'])
      ws.append(['T22', 'Xanh', '=A1', datetime.date(2026, 1, 31), 'a & <b>', ' x ', 'dòng\\nhai'])
      for row in range(3, 60):
          ws.append([f'U{row}', 'Vàng', row, -row / 7, False])
      wb.create_sheet('Khác')['B2'] = 'chưa báo cáo'
      wb.save('o.xlsx')
      """, in: folder)
    var reader = XLSXReader()
    let direct = try reader.read(path: folder + "/o.xlsx", name: "o.xlsx")
    reader.readsPartsDirectly = false
    let libxml2 = try reader.read(path: folder + "/o.xlsx", name: "o.xlsx")
    #expect(direct.map(\.rows) == libxml2.map(\.rows))
    #expect(direct.map(\.name) == libxml2.map(\.name))
    #expect(direct.first?.rows[1].first == .text("T22"))
  }
}

extension String {
  fileprivate func wrapped(_ before: String, _ after: String) -> String { before + self + after }
}
