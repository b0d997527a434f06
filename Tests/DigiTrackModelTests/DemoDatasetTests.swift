import Foundation
import Testing

@testable import DigiTrackModel

/// The embedded demo dataset: it loads cleanly, matches demo.json byte for byte, and states the
/// published facts it cites — with their sources — while marking everything else illustrative.
@Suite struct DemoDatasetTests {
  static let loaded: LoadedDataset? = try? DemoDataset.load()

  func demo() throws -> Dataset {
    try #require(Self.loaded, "the demo does not load: \(demoError())").dataset
  }

  func demoError() -> String {
    do {
      _ = try DemoDataset.load()
      return "(it loads now)"
    } catch { return error.description }
  }

  func province(_ dataset: Dataset, code: String) throws -> Int {
    try #require(dataset.provinces.firstIndex { $0.code == code }, "no province \(code)")
  }

  func snapshot(_ dataset: Dataset, _ date: String) throws -> Int {
    let wanted = try #require(CalendarDate(iso: date))
    return try #require(dataset.snapshots.firstIndex { $0.date == wanted }, "no snapshot \(date)")
  }

  @Test func loadsWithoutWarnings() throws {
    let loaded = try DemoDataset.load()
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    #expect(DemoDataset.name == "demo.json (built in)")
  }

  @Test func embeddedBytesEqualDemoJSONOnDisk() throws {
    let url = packageRoot.appendingPathComponent("Sources/DigiTrackModel/Demo/demo.json")
    let disk = [UInt8](try Data(contentsOf: url))
    let embedded = DemoDataset.bytes
    #expect(
      embedded.count == disk.count,
      "embedded \(embedded.count) bytes, demo.json \(disk.count): run scripts/embed-resources.py (the demo itself is made by scripts/make-demo.py)"
    )
    #expect(
      embedded == disk,
      "DemoJSON.swift is out of date: run scripts/embed-resources.py (the demo itself is made by scripts/make-demo.py)")
  }

  @Test func thirtyFourProvincesAndTheirUnits() throws {
    let dataset = try demo()
    #expect(dataset.provinces.count == 34)
    #expect(Set(dataset.provinces.map(\.code)).count == 34)
    let units = dataset.provinces.map(\.units)
    #expect(units.map(\.total).reduce(0, +) == 3321)
    #expect(units.map(\.communes).reduce(0, +) == 2621)
    #expect(units.map(\.wards).reduce(0, +) == 687)
    #expect(units.map(\.specialZones).reduce(0, +) == 13)
    // Unit counts are published (Decision 19/2025/QĐ-TTg lists), so every one has a source.
    #expect(units.allSatisfy { !$0.provenance.isIllustrative })
    #expect(dataset.provinces.filter { $0.type == .city }.count == 6)
  }

  @Test func langSonAtYearEnd() throws {
    let dataset = try demo()
    let langSon = try province(dataset, code: "20")
    #expect(dataset.provinces[langSon].name == "Lạng Sơn")
    #expect(dataset.provinces[langSon].units.total == 65)
    let latest = dataset.snapshots.count - 1
    #expect(dataset.snapshots[latest].date == CalendarDate(year: 2025, month: 12, day: 29))
    let summary = Aggregates(dataset: dataset).provinces[langSon]

    #expect(summary.provincial == Ratio(31, of: 32))
    let provincialSource = try #require(summary.provincialProvenance)
    #expect(dataset.source(of: provincialSource)?.id == "baolangson-2025-12-29")

    #expect(summary.commune == Ratio(65, of: 65))
    let communeSource = try #require(summary.communeProvenance)
    #expect(dataset.source(of: communeSource)?.id == "baolangson-2025-12-29")

    #expect(summary.phaseGreen == [true, true])
    let phaseSource = try #require(summary.phaseGreenProvenance)
    #expect(dataset.source(of: phaseSource)?.id == "baolangson-2025-12-29")

    // Green in both phases with 31 of 32 criteria: the published flag wins over the statuses.
    #expect(summary.overall == .green)
    #expect(summary.statusCounts[Int(Status.green.rawValue)] == 31)
  }

  @Test func yearEndMetrics() throws {
    let dataset = try demo()
    let metrics = dataset.latest.metrics
    func metric(_ id: String) throws -> Metric { try #require(metrics.first { $0.id == id }, "no metric \(id)") }

    let members = try metric("party-handbook-members")
    #expect(members.value == 5_300_000)
    #expect(members.target == nil)
    #expect(members.qualifier == nil)

    let records = try metric("party-records-cleaned")
    #expect(records.value == 4_450_000)
    #expect(records.target == 5_300_000)

    let accounts = try metric("ops-system-accounts")
    #expect(accounts.value == 176_000)
    #expect(accounts.qualifier == .over)

    #expect(metrics.count == 3)
    for item in metrics {
      #expect(dataset.source(of: item.provenance)?.id == "baolangson-2025-12-29", "\(item.id)")
    }
  }

  @Test func phaseOneReview() throws {
    let dataset = try demo()
    let index = try snapshot(dataset, "2025-07-31")
    let aggregates = Aggregates(dataset: dataset, snapshotIndex: index)

    #expect(aggregates.national.phaseGreen.first == 34)
    for summary in aggregates.provinces {
      #expect(summary.phaseGreen.first == true, "\(dataset.provinces[summary.province].name)")
      let source = summary.phaseGreenProvenance.flatMap { dataset.source(of: $0) }
      #expect(source?.id == "vietnamvn-dong-bo-du-lieu", "\(dataset.provinces[summary.province].name)")
    }

    let metric = try #require(dataset.snapshots[index].metrics.first)
    #expect(dataset.snapshots[index].metrics.count == 1)
    #expect(metric.value == 1981)
    #expect(metric.target == 3321)
    #expect(dataset.source(of: metric.provenance)?.id == "vietnamvn-dong-bo-du-lieu")

    let fullySourced = aggregates.provinces.filter { summary in
      summary.commune?.isComplete == true && summary.communeProvenance.map { !$0.isIllustrative } == true
    }
    #expect(
      Set(fullySourced.map { dataset.provinces[$0.province].name })
        == ["Sơn La", "Lạng Sơn", "Phú Thọ", "Lào Cai", "Cà Mau", "Hà Nội", "Huế", "Hưng Yên"])
  }

  /// Only the figures a public source gives carry a source; every other figure is illustrative.
  @Test func everyUnsourcedFigureIsIllustrative() throws {
    let dataset = try demo()
    #expect(dataset.hasIllustrativeFigures)
    // The plan's criteria, phase split and block names are modelled (issue 16): the plan is marked.
    #expect(dataset.plan.provenance.isIllustrative)
    #expect(dataset.regions.allSatisfy { $0.provenance.isIllustrative })

    var sourced: [String] = []
    for snapshot in dataset.snapshots {
      for (provinceIndex, report) in snapshot.reports.enumerated() {
        let report = try #require(report, "every province reports in the demo")
        let name = "\(snapshot.date) \(dataset.provinces[provinceIndex].code)"
        // Per-criterion statuses are never published: always illustrative.
        #expect(report.provincialProvenance.isIllustrative, "\(name) statuses")
        if let count = report.reportedCount, !count.provenance.isIllustrative { sourced.append("\(name) reported") }
        if !report.communes.provenance.isIllustrative { sourced.append("\(name) communes") }
        if let flags = report.phaseGreen, !flags.provenance.isIllustrative { sourced.append("\(name) phaseGreen") }
      }
    }
    let review = ["01", "46", "20", "14", "15", "25", "33", "96"].map { "2025-07-31 \($0) communes" }
    let phaseOne = dataset.provinces.map { "2025-07-31 \($0.code) phaseGreen" }
    let yearEnd = [
      "2025-12-29 20 reported", "2025-12-29 20 communes", "2025-12-29 20 phaseGreen",
      "2025-12-29 40 communes",
    ]
    #expect(Set(sourced) == Set(review + phaseOne + yearEnd))
    #expect(sourced.count == review.count + phaseOne.count + yearEnd.count)

    // Every listed source is cited somewhere, has an http(s) address, and a date only where known.
    var provenances = [dataset.plan.provenance] + dataset.provinces.map(\.units.provenance)
    for snapshot in dataset.snapshots {
      provenances += snapshot.metrics.map(\.provenance)
      for case let report? in snapshot.reports {
        provenances += [report.provincialProvenance, report.communes.provenance]
        provenances += [report.reportedCount?.provenance, report.phaseGreen?.provenance].compactMap { $0 }
      }
    }
    let cited = Set(provenances.compactMap { dataset.source(of: $0)?.id })
    #expect(cited == Set(dataset.sources.map(\.id)))
    #expect(dataset.sources.allSatisfy { $0.url.hasPrefix("https://") || $0.url.hasPrefix("http://") })
    #expect(dataset.sources.first { $0.id == "laodong-1535055" }?.date == nil)
  }

  @Test func nghệAnHasAllCommunesAtYearEnd() throws {
    let dataset = try demo()
    let nghean = try province(dataset, code: "40")
    let summary = Aggregates(dataset: dataset).provinces[nghean]
    #expect(dataset.provinces[nghean].name == "Nghệ An")
    #expect(summary.commune == Ratio(130, of: 130))
    #expect(summary.communeProvenance.flatMap { dataset.source(of: $0) }?.id == "baonghean-130-xa")
  }

  @Test func searchAliases() throws {
    let dataset = try demo()
    let thanhHoa = try province(dataset, code: "38")
    #expect(dataset.provinces[thanhHoa].aliases == ["Thanh Hoá"])
    #expect(
      SafeText.searchKey(dataset.provinces[thanhHoa].aliases[0]) == SafeText.searchKey(dataset.provinces[thanhHoa].name)
    )
  }

  /// Issue 16: Lạng Sơn is published "among the leading provinces" (31/32, 100 % of communes,
  /// green in both phases); the illustrative year-end values must keep it in the top 5.
  @Test func langSonLeadsAtYearEnd() throws {
    let dataset = try demo()
    let aggregates = Aggregates(dataset: dataset)
    let langSon = try #require(dataset.provinces.firstIndex { $0.name == "Lạng Sơn" })
    #expect(aggregates.ranks[langSon] <= 5, "rank \(aggregates.ranks[langSon])")
  }

  /// Issue 16: the published bands at 31/07/2025 are 8 provinces with 100 % of communes green, 13
  /// above 70 % and 19 above 50 %. They overlap (8 + 13 + 19 = 40 > 34), so they are read
  /// cumulatively: the 13 include the 8 and the 19 include the 13 (scripts/make-demo.py says so too).
  @Test func julyBandsFitThePublishedOnes() throws {
    let dataset = try demo()
    let july = try #require(dataset.snapshots.first { $0.date == CalendarDate(year: 2025, month: 7, day: 31) })
    let shares = july.reports.compactMap { report -> Double? in
      guard let report, let green = report.communes.green, report.communes.total > 0 else { return nil }
      return Double(green) / Double(report.communes.total)
    }
    #expect(shares.count == 34)
    #expect(shares.count { $0 == 1 } == 8)
    #expect(shares.count { $0 > 0.7 } == 13)
    #expect(shares.count { $0 > 0.5 } == 19)
  }
}
