import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// The acceptance audit of issues 11, 12 and 16 (F1–F10, D1–D3): each failure it found, as it
/// found it, at the size and in the language where it failed.
@Suite struct TruthAuditTests {
  static func export(_ language: Language) -> ViewExport {
    ViewExport(data: Fixtures.demo, options: DisplayOptions(language: language))
  }

  static func province(code: String) -> Int {
    Fixtures.demo.dataset.provinces.firstIndex { $0.code == code } ?? -1
  }

  static func lines(_ text: String, containing needle: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
  }

  /// F1: the commune part of the national change rests on illustrative counts, so it is marked.
  @Test(arguments: [
    (Language.en, "green communes 2,153/3,321 → 2,992/3,321 *"),
    (.vi, "xã xanh 2.153/3.321 → 2.992/3.321 *"),
  ])
  func theNationalCommuneChangeIsMarked(_ language: Language, _ expected: String) {
    for width in [100, 200] {
      let text = Self.export(language).text(view: .overview, province: nil, width: width)
      #expect(text.contains(expected), "width \(width)")
    }
    #expect(Fixtures.demo.change?.communesDerivation.isIllustrative == true)
  }

  /// F2: the province's overall status rests on illustrative statuses: `*` beside it, as its
  /// `status_source` says in CSV and JSON.
  @Test(arguments: Language.allCases)
  func theProvinceStatusCarriesItsMark(_ language: Language) {
    let export = Self.export(language)
    let province = Self.province(code: "44")
    let word = language == .vi ? "Trạng thái" : "Status"
    let green = language == .vi ? "✓ Xanh *" : "✓ Green *"
    let text = export.text(view: .province, province: province, width: 100)
    #expect(Self.lines(text, containing: word + " ").contains { $0.contains(green) })
    let markdown = export.render(view: .province, province: province, format: .markdown, width: 100)
    #expect(markdown.contains(green.replacingOccurrences(of: "*", with: "\\*")))
  }

  /// F3: the province's change line counts the communes at each date and never nets them, and a
  /// regression is drawn in the "bad" role.
  @Test func theProvinceChangeIsNeverNetted() throws {
    let province = Self.province(code: "44")
    let text = Self.export(.en).text(view: .province, province: province, width: 100)
    let line = try #require(Self.lines(text, containing: "Change since").first)
    #expect(line.contains("provincial 24/32 → 31/32 (↑8 ↓1) *"))
    #expect(line.contains("communes 36/78 → 66/78 *"))
    #expect(!line.contains("(+"))
    #expect(!text.contains("(±0)"))
    let state = Fixtures.state(100, 40, .en)
    let view = ProvinceView(context: state.context, width: 100, density: .full, province: province)
    let detail = ProvinceDetail(
      dataset: Fixtures.demo.dataset, aggregates: Fixtures.demo.aggregates, province: province)
    let change = try #require(detail.change)
    let spans = view.changeLines(change).flatMap(\.spans)
    #expect(spans.contains { $0.text == "↓1" && $0.role == .statusRed })
    #expect(spans.contains { $0.text == "↑8" && $0.role == .statusGreen })
  }
}

extension TruthAuditTests {
  /// F7: the overview's Markdown report and workbook say what the screen says between the metrics
  /// and the provinces, with the same marks.
  @Test(arguments: [
    (
      Language.en,
      ["34/34 · P1: 34/34 · P2: 5/34", "1,003/1,088 92.2%", "2,992/3,321 90.1%", "↑406 ↓18", "Institutions"]
    ),
    (.vi, ["34/34 · GĐ1: 34/34 · GĐ2: 5/34", "1.003/1.088 92,2%", "2.992/3.321 90,1%", "↑406 ↓18", "Thể chế"]),
  ])
  func theOverviewReportHasTheScreensHeadline(_ language: Language, _ figures: [String]) throws {
    let export = Self.export(language)
    let markdown = export.render(view: .overview, province: nil, format: .markdown, width: 100)
    for figure in figures {
      let row = try #require(Self.lines(markdown, containing: figure).first, "\(figure) in the Markdown")
      #expect(row.hasSuffix("| * |"), "\(row)")
    }
    let document = export.document(view: .overview, province: nil)
    let summary = try #require(document.tables.first { $0.title == Strings.for(language).nationalSummary })
    let values = summary.rows.map { row in row.map { value in if case .text(let text) = value { text } else { "" } } }
    for figure in figures {
      #expect(values.contains { $0.contains { $0.contains(figure) } }, "\(figure) in the workbook's table")
    }
    #expect(values.allSatisfy { $0.last == "illustrative" })
  }
}

extension TruthAuditTests {
  /// F6: on the last band at 80 columns the level headings are apart and whole ("Prov." over two
  /// columns, not "ProvinciCommunes").
  @Test(arguments: [(Language.en, "Prov.   Communes"), (.vi, "Tỉnh    Cấp xã")])
  func theMatrixLevelHeadingsNeverRunTogether(_ language: Language, _ expected: String) {
    var state = Fixtures.state(80, 24, language)
    Fixtures.press(&state, [.tab, .character("L"), .character("L"), .character("L")])
    let text = state.render().text
    #expect(text.contains(expected), "\(text)")
    #expect(!text.contains("ProvinciCommunes") && !text.contains("Cấp tỉnhCấp xã"))
  }

  /// F6: the matrix's JSON, CSV and workbook carry the legend of criterion names.
  @Test func everyMatrixExportHasTheCriteriaLegend() throws {
    let export = Self.export(.en)
    let json = export.render(view: .matrix, province: nil, format: .json, width: 100)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let criteria = try #require(object["criteria"] as? [[String: Any]])
    #expect(criteria.count == 40)
    #expect(criteria.first?["id"] as? String == "T01")
    #expect(criteria.first?["source"] as? String == "illustrative")
    #expect(criteria.last?["level"] as? String == "commune")
    let csv = export.render(view: .matrix, province: nil, format: .csv, width: 100)
    let rows = csv.split(separator: "\r\n").map(String.init)
    #expect(rows[1].hasPrefix("2025-12-29,#name,Criterion,Document-management"))
    #expect(rows.filter { $0.split(separator: ",").dropFirst().first?.hasPrefix("#") == true }.count == 8)
    let document = export.document(view: .matrix, province: nil)
    #expect(document.tables.contains { $0.title == Strings.for(.en).criteriaLegend && $0.rows.count == 40 })
  }

  /// F5: the "criteria list is modelled" note is whole, on the legend line or on its own.
  @Test(arguments: [(80, Language.vi), (80, .en), (100, .en), (120, .vi)])
  func theModelledNoteIsNeverCut(_ width: Int, _ language: Language) {
    let note = Strings.for(language).modelledPlanShort
    var state = Fixtures.state(width, 24, language)
    Fixtures.press(&state, [.tab])
    #expect(state.render().text.contains(note))
    let text = Self.export(language).text(view: .matrix, province: nil, width: width)
    #expect(text.contains(note))
  }

  /// F4: at 60×14 every national figure is whole: "90,1% *" is not cut to "90".
  @Test(arguments: Language.allCases)
  func aNarrowOverviewNeverCutsAFigure(_ language: Language) {
    let text = Fixtures.state(60, 14, language).render().text
    let percent = language == .vi ? "90,1% *" : "90.1% *"
    let provincial = language == .vi ? "92,2% *" : "92.2% *"
    #expect(text.contains(percent), "\(text)")
    #expect(text.contains(provincial), "\(text)")
  }
}

extension TruthAuditTests {
  /// F8: a phase's label gives up its name, never its deadline; commune-criterion names use the
  /// width there is; the trend's metric names wrap rather than stop.
  @Test(arguments: [(80, Language.en, "(2025-12-31)"), (70, .vi, "(31/12/2025)"), (60, .en, "(2025-06-30)")])
  func aPhaseLabelKeepsItsDeadline(_ width: Int, _ language: Language, _ date: String) {
    let text = Self.export(language).text(view: .province, province: Self.province(code: "20"), width: width)
    let phase = Strings.for(language).phase
    let labels = Self.lines(text, containing: phase + " ").filter { $0.contains("█") || $0.contains("░") }
    #expect(labels.count == 2, "\(labels)")
    #expect(labels.contains { $0.contains(date) }, "\(labels)")
    #expect(labels.allSatisfy { $0.contains(")") }, "\(labels)")
  }

  @Test func communeCriterionNamesUseTheWidth() {
    let text = Self.export(.vi).text(view: .province, province: Self.province(code: "20"), width: 200)
    #expect(text.contains("C01  ✓ 100% cán bộ, công chức cấp xã được cấp chữ ký số "))
    let narrow = Self.export(.vi).text(view: .province, province: Self.province(code: "20"), width: 80)
    #expect(Self.lines(narrow, containing: "C01  ✓").first?.hasSuffix("(suy ra)") == true)
  }

  @Test func trendHeadingsWrapAt120() {
    let text = Self.export(.en).text(view: .trend, province: nil, width: 120)
    #expect(!text.contains("green on all…"))
    #expect(text.contains(" criteria)"))
  }
}

extension TruthAuditTests {
  /// F9: the overdue view lists criteria of a modelled plan, and says so once, in every width.
  @Test(arguments: [(200, Language.en, "modelled"), (80, .en, "modelled"), (80, .vi, "mô hình minh họa")])
  func theOverdueViewSaysTheCriteriaAreModelled(_ width: Int, _ language: Language, _ word: String) {
    let export = ViewExport(data: OverdueViewTests.pastPhaseTwo, options: DisplayOptions(language: language))
    let text = export.text(view: .overdue, province: nil, width: width)
    #expect(Self.lines(text, containing: word).count == 1, "\(text)")
  }
}

extension TruthAuditTests {
  /// F10: a Vietnamese message names the view in Vietnamese, never by its English `--view` value.
  @Test(arguments: ViewKind.allCases)
  func aVietnameseWidthRefusalNamesTheViewInVietnamese(_ view: ViewKind) throws {
    let message = try #require(ViewExport.widthRefusal(59, view: view, language: .vi))
    #expect(!message.contains(" \(view.rawValue)"), "\(message)")
    #expect(message.contains("màn hình " + Strings.for(.vi).viewName(view)))
    let english = try #require(ViewExport.widthRefusal(59, view: view, language: .en))
    #expect(english.contains("the \(view.rawValue) view"))
  }
}

extension TruthAuditTests {
  /// D1: the matrix's counts (its `✓/32` and `✓/8` columns, its totals row) and the overview's
  /// region column rest on illustrative figures and carry the mark.
  @Test(arguments: Language.allCases)
  func derivedColumnsCarryTheMark(_ language: Language) throws {
    let strings = Strings.for(language)
    let matrix = Self.export(language).text(view: .matrix, province: nil, width: 80)
    #expect(matrix.contains("✓/32* ✓/8* │"))
    let totals = try #require(Self.lines(matrix, containing: strings.provincesGreenRow).first)
    #expect(totals.contains(strings.provincesGreenRow + " *"), "\(totals)")
    let overview = Self.export(language).text(view: .overview, province: nil, width: 200)
    #expect(overview.contains(" " + strings.region + " * "), "the region column's header")
  }
}

extension TruthAuditTests {
  /// D2: one rule for a province's status in every format: the screen's mark beside the status
  /// is the CSV's `status_source`, and the published phase flags' source is its `phase_source`.
  @Test(arguments: 0..<2)
  func theStatusSaysTheSameInEveryFormat(_ date: Int) throws {
    let data = ProvenanceMarkTests.dates[date]
    let export = ViewExport(data: data, options: DisplayOptions(language: .en))
    let csv = export.render(view: .overview, province: nil, format: .csv, width: 100).split(separator: "\r\n")
    let keys = csv[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let status = try #require(keys.firstIndex(of: "status_source"))
    let phase = try #require(keys.firstIndex(of: "phase_source"))
    let code = try #require(keys.firstIndex(of: "code"))
    for row in csv.dropFirst() {
      // The names in these rows have no comma, so a plain split finds the columns.
      let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let province = try #require(data.dataset.provinces.firstIndex { $0.code == fields[code] })
      let text = export.text(view: .province, province: province, width: 120)
      let line = try #require(Self.lines(text, containing: " Status ").first)
      let name = data.dataset.provinces[province].name
      let marked = line.contains(" *  ") || line.contains(" * ·")
      #expect(marked == (fields[status] == "illustrative"), "\(name): \(line)")
      if let source = data.dataset.sources.firstIndex(where: { $0.id == fields[phase] }) {
        #expect(line.contains("[\(source + 1)])"), "\(name): \(line)")
      }
    }
  }
}

extension TruthAuditTests {
  /// D4: at 31/07/2025 the published "34/34" of phase 1 rests on published flags alone and cites
  /// them where the screen shows it, while the overall count keeps its `*`.
  @Test(arguments: Language.allCases)
  func thePublishedPhaseCountCitesItsSource(_ language: Language) throws {
    let data = ProvenanceMarkTests.dates[0]
    let export = ViewExport(data: data, options: DisplayOptions(language: language))
    let text = export.text(view: .overview, province: nil, width: 120)
    let strings = Strings.for(language)
    let line = try #require(Self.lines(text, containing: strings.provincesFullyGreen + " ").first)
    #expect(line.contains(strings.phaseShort + "1: 34/34 [1]"), "\(line)")
    #expect(line.contains(" *"), "\(line)")
    let json = export.render(view: .overview, province: nil, format: .json, width: 120)
    #expect(json.contains("\"phaseGreenSources\": [\"" + data.dataset.sources[0].id + "\", \"illustrative\"]"))
  }
}

extension TruthAuditTests {
  /// F4 again: the provinces-green figures move a phase to the next line rather than lose it.
  @Test(arguments: [(60, Language.vi, "GĐ2: 0/34 *"), (60, .en, "P2: 0/34 *")])
  func theProvincesGreenFiguresAreWholeWhenNarrow(_ width: Int, _ language: Language, _ figure: String) {
    let export = ViewExport(data: ProvenanceMarkTests.dates[0], options: DisplayOptions(language: language))
    #expect(export.text(view: .overview, province: nil, width: width).contains(figure))
    var state = AppState(
      data: ProvenanceMarkTests.dates[0], options: DisplayOptions(language: language), width: width, height: 14)
    state.reorder()
    #expect(state.render().text.contains(figure))
  }
}
