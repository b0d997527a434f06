import DigiTrackModel
import Testing

@testable import DigiTrackSheets

@Suite struct StatusWordsTests {
  @Test(arguments: [
    ("Xanh", Status.green), ("xanh", .green), ("XANH", .green), ("green", .green), ("Green", .green),
    ("Vàng", .yellow), ("vang", .yellow), ("yellow", .yellow), ("Đỏ", .red), ("do", .red), ("đỏ", .red),
    ("RED", .red), ("Chưa báo cáo", .notReported), ("chua bao cao", .notReported), ("not reported", .notReported),
    ("not_reported", .notReported), ("", .notReported), ("   ", .notReported), (" xanh ", .green),
  ])
  func readsBothLanguagesWithOrWithoutDiacritics(_ text: String, _ status: Status) {
    #expect(StatusWords.read(text, language: .vi) == .status(status))
  }

  @Test func suggestsTheNearestWordInTheFormsLanguage() {
    #expect(StatusWords.read("Xnah", language: .vi) == .unknown(suggestion: "Xanh"))
    #expect(StatusWords.read("gren", language: .en) == .unknown(suggestion: "Green"))
    #expect(StatusWords.read("gren", language: .vi) == .unknown(suggestion: "Xanh"))
    #expect(StatusWords.read("banana split", language: .vi) == .unknown(suggestion: nil))
  }

  @Test func editDistanceCountsASwapOnce() {
    #expect(StatusWords.editDistance(Array("xnah"), Array("xanh")) == 1)
    #expect(StatusWords.editDistance(Array(""), Array("abc")) == 3)
    #expect(StatusWords.editDistance(Array("kitten"), Array("sitting")) == 3)
  }

  @Test func readsDatesAsCellsHoldThem() {
    #expect(FormValues.date(.number(46_053)) == CalendarDate(iso: "2026-01-31"))
    #expect(FormValues.date(.number(45_869)) == CalendarDate(iso: "2025-07-31"))
    #expect(FormValues.date(.text("31/01/2026")) == CalendarDate(iso: "2026-01-31"))
    #expect(FormValues.date(.text("2026-01-31")) == CalendarDate(iso: "2026-01-31"))
    #expect(FormValues.date(.text("31/02/2026")) == nil)
  }

  @Test func readsCounts() {
    #expect(FormValues.count(.number(12)) == .value(12))
    #expect(FormValues.count(.text(" 12 ")) == .value(12))
    #expect(FormValues.count(nil) == .empty)
    #expect(FormValues.count(.text("mười hai")) == .invalid)
    #expect(FormValues.count(.number(1.5)) == .invalid)
    #expect(FormValues.count(.number(-1)) == .invalid)
  }

  @Test func namesCellsAsSpreadsheetsDo() {
    #expect(FormLayout.cellName(row: 23, column: 4) == "E24")
    #expect(FormLayout.columnName(25) == "Z")
    #expect(FormLayout.columnName(26) == "AA")
    #expect(SheetHandler.parse("AB12".utf8) ?? (0, 0) == (11, 27))
    #expect(SheetHandler.parse("XFE1".utf8) == nil)
  }

  @Test func csvQuotingAndSemicolons() {
    let cells = CSVReader().parse("a;\"b;c\";\"d \"\"e\"\"\"\r\n1;;3\n", separator: UInt8(ascii: ";"))
    #expect(cells.value(row: 0, column: 1) == .text("b;c"))
    #expect(cells.value(row: 0, column: 2) == .text("d \"e\""))
    #expect(cells.value(row: 1, column: 1) == nil)
    #expect(cells.value(row: 1, column: 2) == .text("3"))
    #expect(CSVReader.separator(of: Array("Mã;Tên,x;y\n".utf8)) == UInt8(ascii: ";"))
  }
}
