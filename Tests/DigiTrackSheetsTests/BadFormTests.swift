import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// Each bad form gets its message, placed at its cell, and `import` writes nothing.
@Suite struct BadFormTests {
  /// Runs `import` on `file` and returns its stderr, after checking that nothing was written.
  static func refused(
    _ file: String, in folder: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation
  )
    throws -> String
  {
    let result = try Run.tui(["import", file, "--into", "demo.json", "-o", "out.json", "--lang", "en"], in: folder)
    #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains("nothing written"), sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"), sourceLocation: sourceLocation)
    return result.stderr
  }

  /// A folder with demo.json and Lạng Sơn's form, edited by an openpyxl script (`ws` is the
  /// provincial sheet, `counts` the commune-level counts sheet) and saved as bad.xlsx.
  static func edited(_ edit: String) throws -> String {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    _ = try Demo.form(in: folder)
    let script =
      "import openpyxl\nwb = openpyxl.load_workbook('lang-son.xlsx')\nws = wb['Tiêu chí cấp tỉnh']\n"
      + "counts = wb['Số liệu cấp xã']\nrow = {r[2].value: r[2].row for r in ws.iter_rows(min_row=6)}\n" + edit
      + "\nwb.save('bad.xlsx')\n"
    try Run.python(script, in: folder)
    return folder
  }

  @Test func aMisspeltStatusSuggestsTheWordAndEveryErrorComesAtOnce() throws {
    let folder = try Self.edited("ws.cell(row['T22'], 9).value = 'Xnah'\nws.cell(row['T23'], 9).value = 'banana'")
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(stderr.contains("bad.xlsx: Tiêu chí cấp tỉnh!I27: \"Xnah\" is not a status (did you mean \"Xanh\"?)"))
    #expect(
      stderr.contains(
        "bad.xlsx: Tiêu chí cấp tỉnh!I28: \"banana\" is not a status (use \"Xanh\", \"Vàng\", \"Đỏ\", \"Chưa báo cáo\", or leave it empty)"
      ))
    #expect(stderr.contains("2 error(s); nothing written"))
  }

  @Test func anUnknownCriterionIDAndTheRowItLeftEmpty() throws {
    let folder = try Self.edited("ws.cell(row['T05'], 3).value = 'T99'\nws.cell(row['T06'], 3).value = 'C01'")
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(
      stderr.contains("bad.xlsx: Tiêu chí cấp tỉnh!C10: \"T99\" is not a provincial criterion of plan 02-KH/BCĐTW"))
    #expect(stderr.contains("Tiêu chí cấp tỉnh!C11: \"C01\" is a commune-level criterion"))
    #expect(stderr.contains("bad.xlsx: Tiêu chí cấp tỉnh!C: Lạng Sơn has no row for T05, T06 (a deleted row?"))
  }

  @Test func aDeletedRowAndADuplicatedRow() throws {
    let folder = try Self.edited("ws.delete_rows(row['T22'])\nws.cell(row['T30'] - 1, 3).value = 'T01'")
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(stderr.contains("Lạng Sơn has no row for T22, T30"))
    #expect(stderr.contains("Tiêu chí cấp tỉnh!C34: T01 of Lạng Sơn appears twice (also in row 6)"))
  }

  @Test func textOrTooMuchInACountCellAndAProvinceTwice() throws {
    let folder = try Self.edited(
      "counts['E6'].value = 'mười hai'\ncounts['F6'].value = 70\ncounts['G6'].value = 10\n"
        + "for c in range(1, 13): counts.cell(7, c).value = counts.cell(6, c).value\ncounts['E7'].value = 3")
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(stderr.contains("bad.xlsx: Số liệu cấp xã!E6: \"mười hai\" is not a count (a whole number from 0 to 65)"))
    #expect(stderr.contains("Số liệu cấp xã!F6: 70 is more than the 65 commune-level units of Lạng Sơn"))
    #expect(stderr.contains("Số liệu cấp xã!D6: 65 units green on every criterion, but only 10 on one of them"))
    #expect(stderr.contains("Số liệu cấp xã!A7: Lạng Sơn appears twice (also in row 6)"))
  }

  @Test func aProvinceOrAPlanThatIsNotTheDatasets() throws {
    let folder = try Self.edited("ws['A6'].value = '99'\nws['B3'].value = '01-KH/XYZ'")
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(stderr.contains("Tiêu chí cấp tỉnh!A6: \"99\" is not the code of a province in the dataset"))
    #expect(stderr.contains("Tiêu chí cấp tỉnh!B3: the form is for plan 01-KH/XYZ, but the dataset tracks 02-KH/BCĐTW"))
  }

  @Test func aUnitNotInTheProvinceAndTheSameUnitTwice() throws {
    let folder = try Run.folder()
    #expect(
      try Run.tui(
        ["generate", "--provinces", "2", "--communes", "12", "--criteria", "10", "-o", "demo.json"], in: folder
      )
      .status == 0)
    #expect(try Run.tui(["form", "--data", "demo.json", "-o", "gen.xlsx"], in: folder).status == 0)
    try Run.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook('gen.xlsx')
      ws = wb['Đơn vị cấp xã']
      ws['C7'].value = ws['C6'].value
      ws['C8'].value = 'U9999999'
      ws['C9'].value = ws['C12'].value
      wb.save('bad.xlsx')
      """, in: folder)
    let stderr = try Self.refused("bad.xlsx", in: folder)
    #expect(stderr.contains("bad.xlsx: Đơn vị cấp xã!C7: unit U0000001 appears twice (also in row 6)"))
    #expect(stderr.contains("bad.xlsx: Đơn vị cấp xã!C8: unit U9999999 is not a unit of Tỉnh Mẫu 01"))
    #expect(stderr.contains("bad.xlsx: Đơn vị cấp xã!C9: unit U0000007 is not a unit of Tỉnh Mẫu 01"))
    #expect(stderr.contains("Đơn vị cấp xã!C: Tỉnh Mẫu 01 has no row for units U0000002, U0000003, U0000004"))
  }

  @Test func anEmptyWorkbookAndOneWithoutDigiTrackSheets() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    try Run.python(
      """
      import openpyxl
      openpyxl.Workbook().save('empty.xlsx')
      wb = openpyxl.Workbook()
      wb.active['A1'] = 'hello'
      wb.save('other.xlsx')
      """, in: folder)
    #expect(
      try Self.refused("empty.xlsx", in: folder).contains("empty.xlsx: the workbook is empty: no sheet holds any cell"))
    #expect(try Self.refused("other.xlsx", in: folder).contains("other.xlsx: no DigiTrack sheet in this workbook"))
  }

  @Test func aPasswordProtectedWorkbook() throws {
    let folder = try Self.edited("")
    // msoffcrypto-tool (PyPI) encrypts the form as Excel does: an OLE file holding EncryptionInfo.
    try Run.python(
      """
      from msoffcrypto.format.ooxml import OOXMLFile
      with open('bad.xlsx', 'rb') as f, open('locked.xlsx', 'wb') as out:
          OOXMLFile(f).encrypt('mat-khau', out)
      assert open('locked.xlsx', 'rb').read(4) == bytes.fromhex('d0cf11e0')
      """, in: folder)
    let stderr = try Self.refused("locked.xlsx", in: folder)
    #expect(stderr.contains("locked.xlsx: the workbook is password-protected (an encrypted OLE file)"))
  }

  static let bombScript: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ZipBomb.py.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "raise SystemExit('ZipBomb.py.txt is missing')"
  }()

  @Test(arguments: [("honest", 1 << 31), ("lying", 1000)])
  func aZipBombIsRefusedWhileInflatingWithBoundedMemory(_ kind: String, _ declared: Int) throws {
    let folder = try Run.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    // 2 GiB of XML whitespace in about 2 MB; "lying" claims 1000 bytes in its headers.
    try Run.python(
      "import sys\nsys.argv = ['bomb', 'bomb.xlsx', '2', '\(declared)']\n" + Self.bombScript, in: folder)
    let size = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/bomb.xlsx")[.size] as? Int)
    #expect(size < 3 << 20)
    let stderr = try Self.refused("bomb.xlsx", in: folder)
    #expect(stderr.contains("bomb.xlsx: xl/worksheets/sheet1.xml inflates to more than 64 MiB (a ZIP bomb"))
    // In process, with the peak memory measured: the inflated bytes are never held.
    let growth = Run.peakGrowth {
      #expect(throws: FormProblem.self) { try XLSXReader().read(path: folder + "/bomb.xlsx", name: "bomb.xlsx") }
    }
    #expect(growth < 200_000, "peak RSS grew by \(growth) KiB")
  }

  @Test func filesThatAreNotSpreadsheets() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.xlsx"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).write(to: URL(fileURLWithPath: folder + "/picture.png"))
    try Run.python("import zipfile\nzipfile.ZipFile('archive.xlsx', 'w').writestr('readme.txt', 'hi')", in: folder)
    #expect(
      try Self.refused("notes.xlsx", in: folder).contains(
        "notes.xlsx: not a spreadsheet: an .xlsx file is a ZIP archive"))
    #expect(
      try Self.refused("picture.png", in: folder).contains(
        "picture.png: not a spreadsheet: give an .xlsx, an .ods or a .csv file"))
    #expect(
      try Self.refused("archive.xlsx", in: folder).contains(
        "archive.xlsx: not a spreadsheet: a ZIP archive without xl/workbook.xml"))
    #expect(try Self.refused("missing.xlsx", in: folder, status: 2).contains("missing.xlsx: cannot open the file"))
  }

  @Test func oneBadFileOfManyStillWritesNothingAndNamesEachFile() throws {
    let folder = try Self.edited("ws.cell(row['T22'], 9).value = 'Xnah'")
    let result = try Run.tui(
      ["import", "lang-son.xlsx", "bad.xlsx", "--into", "demo.json", "-o", "out.json"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.xlsx: Tiêu chí cấp tỉnh!I27"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"))
    // Two good forms for the same province and date are a conflict, named with both files.
    try FileManager.default.copyItem(atPath: folder + "/lang-son.xlsx", toPath: folder + "/copy.xlsx")
    let twice = try Run.tui(
      ["import", "lang-son.xlsx", "copy.xlsx", "--into", "demo.json", "-o", "out.json"], in: folder)
    #expect(twice.status == 1)
    #expect(twice.stderr.contains("copy.xlsx: Lạng Sơn at 2026-01-31 is also in lang-son.xlsx"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"))
  }
}
