import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// Issue 16, item 1: a figure derived from anything illustrative is illustrative in every view and
/// every format, and one whose inputs are all sourced cites them. The expected provenance is
/// worked out here from the raw reports, independently of `Derivation`.
@Suite struct ProvenanceMarkTests {
  /// The demo at each of its dates: the dataset cut after that snapshot.
  static let dates: [DashboardData] = {
    let dataset = Fixtures.demo.dataset
    return dataset.snapshots.indices.map { index in
      var cut = dataset
      cut.snapshots = Array(dataset.snapshots[...index])
      return DashboardData(dataset: cut, sourceName: DemoDataset.name)
    }
  }()

  /// "illustrative" as soon as one input is, else the sorted ids of every source cited.
  static func expected(_ data: DashboardData, _ inputs: [Provenance?]) -> String? {
    if inputs.contains(.illustrative) { return "illustrative" }
    let ids = Set(inputs.compactMap { input -> Int? in if case .source(let i)? = input { i } else { nil } })
    return ids.isEmpty ? nil : ids.sorted().map { data.dataset.sources[$0].id }.joined(separator: " ")
  }

  /// The inputs of each derived figure of a province, from its report alone.
  static func statusInputs(_ report: Report?, phases: Int) -> [Provenance?] {
    guard let report else { return [] }
    return [report.provincialProvenance] + phaseInputs(report, phases: phases)
  }

  static func phaseInputs(_ report: Report?, phases: Int) -> [Provenance?] {
    guard let report else { return [] }
    return (0..<phases).map {
      report.phaseGreen?.flags[$0] != nil ? report.phaseGreen?.provenance : report.provincialProvenance
    }
  }

  static func rankInputs(_ data: DashboardData) -> [Provenance?] {
    data.snapshot.reports.flatMap { report -> [Provenance?] in
      guard let report else { return [] }
      return [
        report.reportedCount?.provenance ?? report.provincialProvenance,
        report.communes.green == nil ? nil : report.communes.provenance,
      ]
    }
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test(arguments: 0..<2, Language.allCases)
  func jsonAndCSVRowsCarryTheProvenanceOfEveryDerivedFigure(_ date: Int, _ language: Language) throws {
    let data = Self.dates[date]
    let export = ViewExport(data: data, options: DisplayOptions(language: language))
    let phases = data.dataset.plan.phases.count
    let overview = try json(export.render(view: .overview, province: nil, format: .json, width: 100))
    let allStatus = data.snapshot.reports.flatMap { Self.statusInputs($0, phases: phases) }
    #expect(overview["provincesFullyGreenSource"] as? String == Self.expected(data, allStatus))
    let allPhases = data.snapshot.reports.flatMap { Self.phaseInputs($0, phases: phases) }
    #expect(overview["phaseGreenSource"] as? String == Self.expected(data, allPhases))
    #expect(overview["rankSource"] as? String == Self.expected(data, Self.rankInputs(data)))
    let rows = try #require(overview["provinces"] as? [[String: Any]])
    #expect(rows.count == data.dataset.provinces.count)
    let csv = export.render(view: .overview, province: nil, format: .csv, width: 100)
    let csvLines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = csvLines[0].map(String.init)
    for key in ["rank_source", "region_source", "phase_source", "status_source", "provincial_source"] {
      #expect(header.contains(key), "CSV lacks \(key)")
    }
    for (position, row) in rows.enumerated() {
      let code = try #require(row["code"] as? String)
      let index = try #require(data.dataset.provinces.firstIndex { $0.code == code })
      let report = data.snapshot.reports[index]
      let region = data.dataset.regions[data.dataset.provinces[index].region]
      let want: [String: String?] = [
        "rank_source": Self.expected(data, Self.rankInputs(data)),
        "region_source": Self.expected(data, [region.provenance]),
        "phase_source": Self.expected(data, Self.phaseInputs(report, phases: phases)),
        "status_source": Self.expected(data, Self.statusInputs(report, phases: phases)),
      ]
      for (key, value) in want {
        #expect(row[key] as? String == value, "\(code) \(key) at \(data.snapshot.date)")
        let cell = String(csvLines[position + 1][try #require(header.firstIndex(of: key))])
        #expect(cell == (value ?? ""), "CSV \(code) \(key)")
      }
    }
    // The demo ranks every province on illustrative statuses: each rank is illustrative.
    #expect(overview["rankSource"] as? String == "illustrative")

    let matrix = try json(export.render(view: .matrix, province: nil, format: .json, width: 100))
    for row in try #require(matrix["provinces"] as? [[String: Any]]) {
      #expect(row["provincial_source"] as? String != nil)
    }
    for province in data.dataset.provinces.indices {
      let detail = try json(export.render(view: .province, province: province, format: .json, width: 100))
      let report = data.snapshot.reports[province]
      #expect(detail["breakdownSource"] as? String == Self.expected(data, [report?.provincialProvenance]))
      if date > 0 {
        #expect(detail["changeSource"] as? String == "illustrative")
      } else {
        #expect(detail["changeSource"] == nil)
      }
      let communes = try #require(detail["communeCriteria"] as? [[String: Any]])
      for row in communes where !(row["green"] is NSNull) {
        #expect(row["source"] as? String != nil)
      }
    }
  }

  @Test(arguments: 0..<2, Language.allCases)
  func textAndMarkdownMarkEveryIllustrativeDerivedFigure(_ date: Int, _ language: Language) throws {
    let data = Self.dates[date]
    let export = ViewExport(data: data, options: DisplayOptions(language: language))
    let strings = Strings.for(language)
    let overview = export.render(view: .overview, province: nil, format: .text, width: 120)
    #expect(overview.contains("#*"), "the rank column carries the mark")
    #expect(overview.contains(strings.status + " *"), "the status column carries the mark")
    for province in [Fixtures.index(of: "Lạng Sơn"), Fixtures.index(of: "Hà Nội"), 0] {
      let text = export.render(view: .province, province: province, format: .text, width: 120)
      for title in [strings.byPhase, strings.byBlock, strings.byGroup, strings.byPillar] {
        let rule = try #require(text.split(separator: "\n").first { $0.contains(title) })
        #expect(rule.contains("*"), "\(title) rule: \(rule)")
      }
      let region = try #require(text.split(separator: "\n").first { $0.contains(strings.region + ":") })
      #expect(region.contains(strings.region + ": ") && region.contains(" *"), "region: \(region)")
      if date > 0 {
        let change = try #require(text.split(separator: "\n").first { $0.contains(strings.changeSince) })
        // Each part carries its own mark; the provincial part rests on illustrative statuses.
        #expect(change.contains(") *"), "change line: \(change)")
      }
    }
    // Markdown: every illustrative source cell is the mark, and no heading is an English key.
    let markdown = export.render(view: .overview, province: nil, format: .markdown, width: 120)
    let header = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| #") })
    #expect(!header.contains("rank_source") && !header.contains(" / "))
    for line in markdown.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| #") {
      #expect(!line.contains("illustrative"))
    }
  }

  /// The illustrative "green on all criteria" count and the published "basic conditions" count
  /// sit side by side at 31/07/2025: their labels say which is which.
  @Test(arguments: Language.allCases)
  func publishedAndIllustrativeCommuneFiguresAreLabelledApart(_ language: Language) throws {
    let data = Self.dates[0]
    let strings = Strings.for(language)
    let metric = try #require(data.snapshot.metrics.first { $0.id == "communes-basic-conditions" })
    let published = metric.label[language]
    #expect(published.contains(language == .vi ? "công bố" : "published"))
    #expect(published.contains(language == .vi ? "không phải số đạt xanh" : "not the count green"))
    #expect(strings.communesGreen.contains(language == .vi ? "đủ tiêu chí" : "all criteria"))
    let text = ViewExport(data: data, options: DisplayOptions(language: language))
      .render(view: .overview, province: nil, format: .text, width: 200)
    #expect(text.contains(strings.communesGreen))
  }

  /// The plan's criteria are modelled: each view listing them says so once, and the data marks it.
  @Test(arguments: Language.allCases)
  func screensListingTheCriteriaSayTheyAreModelled(_ language: Language) throws {
    let data = Fixtures.demo
    #expect(data.dataset.plan.provenance.isIllustrative)
    let export = ViewExport(data: data, options: DisplayOptions(language: language))
    let strings = Strings.for(language)
    let province = export.render(view: .province, province: nil, format: .text, width: 200)
    #expect(province.components(separatedBy: strings.modelledPlan).count == 2)
    let matrix = export.render(view: .matrix, province: nil, format: .text, width: 200)
    #expect(matrix.contains(strings.modelledPlanShort))
    for view in [ViewKind.province, .matrix] {
      let markdown = export.render(view: view, province: nil, format: .markdown, width: 100)
      #expect(markdown.components(separatedBy: strings.modelledPlan).count == 2)
      let json = try json(export.render(view: view, province: nil, format: .json, width: 100))
      #expect(json["planSource"] as? String == "illustrative")
    }
  }
}
