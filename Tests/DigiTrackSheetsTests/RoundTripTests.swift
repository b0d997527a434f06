import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

/// Forms written here, read and filled by openpyxl (an independent library), imported back.
@Suite struct RoundTripTests {
  /// Sets the status of criterion `id` (column C) on the provincial sheet, by openpyxl.
  static func setStatus(_ form: String, _ id: String, _ word: String, out: String, sheet: String = "Tiêu chí cấp tỉnh")
    -> String
  {
    """
    import openpyxl
    wb = openpyxl.load_workbook('\(form)')
    ws = wb['\(sheet)']
    hits = [row for row in ws.iter_rows(min_row=6) if row[2].value == '\(id)']
    assert len(hits) == 1, hits
    hits[0][8].value = '\(word)'
    wb.save('\(out)')
    print(hits[0][8].coordinate)
    """
  }

  /// Issue 13's round trip, through `template --format xlsx` as the issue names it and through `form`.
  @Test(arguments: [["template", "--format", "xlsx"], ["form"]])
  func theIssuesRoundTripThroughTheCommands(_ command: [String]) throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    let form = try Run.tui(
      command + ["--data", "demo.json", "--province", "Lạng Sơn", "--snapshot", "2026-01-31", "-o", "lang-son.xlsx"],
      in: folder)
    #expect(form.status == 0, "\(form.stderr)")
    let cell = try Run.python(Self.setStatus("lang-son.xlsx", "T22", "Xanh", out: "filled.xlsx"), in: folder)
    #expect(cell.hasPrefix("I"))
    let imported = try Run.tui(
      ["import", "filled.xlsx", "--into", "demo.json", "-o", "out.json", "--lang", "en"], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("1 report(s) of 1 province(s) at 2026-01-31 added to a copy of demo.json"))
    let validated = try Run.tui(["validate", "out.json"], in: folder)
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stdout.contains("3 snapshot(s)"))
    let export = try Run.tui(
      ["export", "--data", "out.json", "--view", "province", "--province", "Lạng Sơn", "--format", "json"], in: folder)
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("\"snapshot\": \"2026-01-31\""))
    #expect(export.stdout.contains("\"provincial_done\": 32, \"provincial_total\": 32"))
    // The input dataset is untouched, and an existing output is refused without --force.
    #expect(try Run.tui(["validate", "demo.json"], in: folder).stdout.contains("2 snapshot(s)"))
    let again = try Run.tui(["import", "filled.xlsx", "--into", "demo.json", "-o", "out.json"], in: folder)
    #expect(again.status == 2)
    #expect(again.stderr.contains("out.json: already exists; not replaced (add --force to replace it)"))
    #expect(
      try Run.tui(["import", "filled.xlsx", "--into", "demo.json", "-o", "out.json", "--force"], in: folder).status == 0
    )
  }

  @Test func inProcessTheProvinceBecomes32Of32AndOthersHaveNotReported() throws {
    let folder = try Run.folder()
    let form = try Demo.form(in: folder)
    try Run.python(Self.setStatus(form, "T22", "xanh", out: folder + "/filled.xlsx"), in: folder)
    let reports = try FormImporter(dataset: Demo.dataset).read(path: folder + "/filled.xlsx").get()
    #expect(reports.count == 1)
    #expect(reports[0].date == Demo.date)
    let output = try DatasetUpdate.apply(reports, to: Demo.dataset, source: .illustrative).get()
    let latest = output.dataset.latest
    #expect(latest.date == Demo.date)
    #expect(output.dataset.asOf == Demo.date)
    let report = try #require(latest.reports[Demo.langSon])
    #expect(report.provincialStatuses.allSatisfy { $0 == .green })
    #expect(report.communes.green == 65)
    #expect(latest.reports.compactMap { $0 }.count == 1)
    // The earlier snapshots are kept as they were.
    #expect(output.dataset.snapshots.count == 3)
    #expect(output.dataset.snapshots[1].reports[Demo.langSon]?.provincialStatuses.filter { $0 == .green }.count == 31)
  }

  @Test func openpyxlSeesTheFormAsTheIssueDescribesIt() throws {
    let folder = try Run.folder()
    for language in Language.allCases {
      let form = try Demo.form(in: folder, language: language, name: "form-\(language).xlsx")
      let vi = language == .vi
      let output = try Run.python(
        """
        import openpyxl, datetime
        wb = openpyxl.load_workbook('\(form)')
        print(wb.sheetnames)
        ws = wb['\(vi ? "Tiêu chí cấp tỉnh" : "Provincial criteria")']
        assert ws['B2'].value == datetime.datetime(2026, 1, 31), ws['B2'].value
        assert ws['B3'].value == '02-KH/BCĐTW'
        headers = [c.value for c in ws[5]]
        print(headers)
        assert ws.freeze_panes == 'E6', ws.freeze_panes
        assert ws.protection.sheet
        assert ws['C6'].protection.locked and not ws['I6'].protection.locked
        dv = ws.data_validations.dataValidation[0]
        print(dv.type, dv.formula1, dv.sqref)
        assert ws.max_row == 37
        assert ws['A6'].value == '20' and ws['A6'].data_type == 's'
        assert ws['H6'].value == datetime.datetime(2025, 6, 30)
        assert ws.column_dimensions['D'].width > 30
        counts = wb['\(vi ? "Số liệu cấp xã" : "Commune-level counts")']
        assert counts['C6'].value == 65 and counts['D6'].value == 65 and counts['C6'].data_type == 'n'
        """, in: folder)
      if vi {
        #expect(output.contains("['Tiêu chí cấp tỉnh', 'Số liệu cấp xã', 'Hướng dẫn']"))
        #expect(output.contains("'Mã', 'Tiêu chí, nhiệm vụ'"))
        #expect(output.contains("'Trạng thái'"))
        #expect(output.contains("list \"Xanh,Vàng,Đỏ,Chưa báo cáo\" I6:I37"))
      } else {
        #expect(output.contains("['Provincial criteria', 'Commune-level counts', 'Instructions']"))
        #expect(output.contains("'Id', 'Criterion'"))
        #expect(output.contains("list \"Green,Yellow,Red,Not reported\" I6:I37"))
      }
    }
  }

  @Test func englishFormsAndCSVWithSemicolonsImportToo() throws {
    let folder = try Run.folder()
    let form = try Demo.form(in: folder, language: .en)
    try Run.python(
      Self.setStatus(form, "T22", "GREEN", out: folder + "/en.xlsx", sheet: "Provincial criteria"), in: folder)
    let english = try FormImporter(dataset: Demo.dataset).read(path: folder + "/en.xlsx").get()
    #expect(english[0].statuses.allSatisfy { $0 == .green })
    // The provincial sheet saved as CSV the way a vi-VN Excel does: BOM, ';', words without diacritics.
    try Run.python(
      """
      import openpyxl, csv
      ws = openpyxl.load_workbook('\(form)')['Provincial criteria']
      with open('lang-son.csv', 'w', encoding='utf-8-sig', newline='') as f:
          w = csv.writer(f, delimiter=';')
          for row in ws.iter_rows(values_only=True):
              row = ['' if v is None else (v.strftime('%d/%m/%Y') if hasattr(v, 'strftime') else v) for v in row]
              if row[2] == 'T22': row[8] = 'xanh'
              if row[2] == 'T01': row[8] = 'Chua bao cao'
              w.writerow(row)
      """, in: folder)
    let csv = try FormImporter(dataset: Demo.dataset).read(path: folder + "/lang-son.csv").get()
    #expect(csv[0].date == Demo.date)
    #expect(csv[0].statuses[0] == .notReported)
    #expect(csv[0].statuses.dropFirst().allSatisfy { $0 == .green })
    #expect(csv[0].communes == nil)
  }

  @Test func unitsRoundTripOnAGeneratedDatasetWithUnits() throws {
    let folder = try Run.folder()
    #expect(
      try Run.tui(
        ["generate", "--provinces", "2", "--communes", "12", "--criteria", "10", "-o", "gen.json"], in: folder
      )
      .status == 0)
    #expect(try Run.tui(["form", "--data", "gen.json", "-o", "gen.xlsx"], in: folder).status == 0)
    try Run.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook('gen.xlsx')
      ws = wb['Đơn vị cấp xã']
      assert [c.value for c in ws[5]][:6] == ['Mã tỉnh', 'Tỉnh/thành phố', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'C001']
      ws['F6'].value = 'Đỏ'
      wb.save('filled.xlsx')
      """, in: folder)
    let result = try Run.tui(["import", "filled.xlsx", "--into", "gen.json", "-o", "out.json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let loaded = try DatasetLoader().load(path: folder + "/out.json").dataset
    let units = try #require(loaded.latest.reports[0]?.communes.units)
    #expect(units.count == 5)
    #expect(units.status(unit: 0, criterion: 0) == .red)
  }

  /// import and merge keep a criterion's own deadline (issue 11).
  @Test func theJSONWriterKeepsACriterionsOwnDeadline() throws {
    var dataset = Demo.dataset
    let index = dataset.plan.provincialCriteria[0]
    dataset.plan.criteria[index].deadline = CalendarDate(year: 2025, month: 9, day: 30)
    let written = String(decoding: DatasetWriter.json(dataset), as: UTF8.self)
    let reloaded = try DatasetLoader().load(bytes: Array(written.utf8), name: "written.json").dataset
    #expect(reloaded.plan.criteria[index].deadline?.description == "2025-09-30")
  }

  @Test func theJSONWriterGivesBackTheDatasetItRead() throws {
    let first = String(decoding: DatasetWriter.json(Demo.dataset), as: UTF8.self)
    let reloaded = try DatasetLoader().load(bytes: Array(first.utf8), name: "written.json").dataset
    #expect(String(decoding: DatasetWriter.json(reloaded), as: UTF8.self) == first)
    #expect(reloaded.snapshots.count == Demo.dataset.snapshots.count)
    #expect(reloaded.sources.count == Demo.dataset.sources.count)
    #expect(reloaded.latest.metrics.map(\.value) == Demo.dataset.latest.metrics.map(\.value))
    #expect(
      reloaded.latest.reports.map { $0?.reportedCount?.done }
        == Demo.dataset.latest.reports.map { $0?.reportedCount?.done })
  }

  @Test func anUnchangedFormKeepsTheSourcedReportAndABlankFormImportsNothing() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    #expect(try Run.tui(["form", "--demo", "-o", "all.xlsx"], in: folder).status == 0)
    #expect(try Run.tui(["import", "all.xlsx", "--into", "demo.json", "-o", "same.json"], in: folder).status == 0)
    let same = try DatasetLoader().load(path: folder + "/same.json").dataset
    #expect(same.snapshots.count == 2)
    let report = try #require(same.latest.reports[Demo.langSon])
    #expect(report.reportedCount?.done == 31)
    #expect(same.source(of: report.communes.provenance)?.id == "baolangson-2025-12-29")
    #expect(try Run.tui(["form", "-o", "blank.xlsx"], in: folder).status == 0)
    let blank = try Run.tui(
      ["import", "blank.xlsx", "--into", "demo.json", "-o", "blank.json", "--lang", "en"], in: folder)
    #expect(blank.status == 1)
    #expect(blank.stderr.contains("nothing to import: every status and count in the forms is empty"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/blank.json"))
  }
}
