import Testing

@testable import DigiTrackModel

/// Synthetic datasets: deterministic, valid, exactly the size asked for, never passing as real.
@Suite struct GeneratorTests {
  func load(_ generator: SyntheticDataset) throws -> LoadedDataset {
    try DatasetLoader().load(bytes: generator.json(), name: "generated.json")
  }

  @Test func sameSeedGivesTheSameBytes() throws {
    let generator = SyntheticDataset(provinces: 5, communes: 60, criteria: 12, snapshots: 3, seed: 42)
    let first = try generator.json()
    let second = try generator.json()
    #expect(first == second)
    let copy = SyntheticDataset(provinces: 5, communes: 60, criteria: 12, snapshots: 3, seed: 42)
    #expect(try copy.json() == first)
  }

  @Test func differentSeedGivesDifferentBytes() throws {
    let a = try SyntheticDataset(provinces: 5, communes: 60, criteria: 12, seed: 1).json()
    let b = try SyntheticDataset(provinces: 5, communes: 60, criteria: 12, seed: 2).json()
    #expect(a != b)
    #expect(a.count > 1000 && b.count > 1000)
  }

  static let sizes: [(provinces: Int, communes: Int, criteria: Int, snapshots: Int)] = [
    (1, 1, 1, 1), (1, 5, 2, 1), (3, 3, 5, 2), (7, 100, 10, 3), (34, 200, 40, 13), (10, 11, 9, 1),
  ]

  @Test(arguments: 0..<sizes.count)
  func outputHasExactlyTheRequestedSize(_ index: Int) throws {
    let size = Self.sizes[index]
    let generator = SyntheticDataset(
      provinces: size.provinces, communes: size.communes, criteria: size.criteria, snapshots: size.snapshots, seed: 7)
    let loaded = try load(generator)
    #expect(loaded.warnings.isEmpty)
    let dataset = loaded.dataset
    #expect(dataset.provinces.count == size.provinces)
    #expect(dataset.provinces.map(\.units.total).reduce(0, +) == size.communes)
    #expect(dataset.provinces.allSatisfy { $0.units.total >= 1 })
    #expect(dataset.plan.criteria.count == size.criteria)
    #expect(dataset.snapshots.count == size.snapshots)
    #expect(dataset.snapshots.map(\.date).sorted() == dataset.snapshots.map(\.date))
    #expect(dataset.asOf == dataset.latest.date)
    // Every commune is listed, so the counts come from the units themselves.
    for snapshot in dataset.snapshots {
      #expect(snapshot.reports.allSatisfy { $0 != nil })
      let listed = snapshot.reports.compactMap { $0?.communes.units?.count }.reduce(0, +)
      #expect(listed == size.communes)
    }
  }

  @Test func nationalScale() throws {
    let loaded = try load(SyntheticDataset())
    let dataset = loaded.dataset
    #expect(loaded.warnings.isEmpty)
    #expect(dataset.provinces.count == 34)
    #expect(dataset.provinces.map(\.units.total).reduce(0, +) == 3321)
    #expect(dataset.plan.criteria.count == 40)
    #expect(dataset.plan.provincialCriteria.count == 32)
    #expect(dataset.plan.communeCriteria.count == 8)
    #expect(dataset.latest.date == CalendarDate(year: 2025, month: 12, day: 29))
  }

  @Test func generatedDataIsMarkedAsSuch() throws {
    let dataset = try load(SyntheticDataset(provinces: 3, communes: 9, criteria: 5, seed: 3)).dataset
    #expect(dataset.sources.isEmpty)
    #expect(dataset.hasIllustrativeFigures)
    #expect(dataset.title.en.contains("not real"))
    #expect(dataset.provinces.allSatisfy { $0.name.contains("Mẫu") })
  }

  static let invalid: [(String, SyntheticDataset, String)] = [
    ("no provinces", SyntheticDataset(provinces: 0, communes: 10), "provinces must be between 1 and 10000"),
    (
      "too many provinces", SyntheticDataset(provinces: 10_001, communes: 20_000),
      "provinces must be between 1 and 10000"
    ),
    (
      "fewer communes than provinces", SyntheticDataset(provinces: 34, communes: 33),
      "communes must be at least provinces (one per province) and at most 10000000"
    ),
    (
      "too many communes", SyntheticDataset(provinces: 34, communes: 10_000_001),
      "communes must be at least provinces (one per province) and at most 10000000"
    ),
    ("no criteria", SyntheticDataset(criteria: 0), "criteria must be between 1 and 999"),
    ("no snapshots", SyntheticDataset(snapshots: 0), "snapshots must be between 1 and 520"),
    ("too many snapshots", SyntheticDataset(snapshots: 521), "snapshots must be between 1 and 520"),
  ]

  @Test(arguments: 0..<invalid.count)
  func invalidParametersThrow(_ index: Int) {
    let (label, generator, message) = Self.invalid[index]
    #expect(throws: SyntheticDataset.Invalid.self, "\(label)") { try generator.validate() }
    do {
      _ = try generator.json()
      Issue.record("\(label): json() did not throw")
    } catch {
      #expect(error.description == message, "\(label)")
      #expect(error.message { "--" + $0.rawValue }.hasPrefix("--"), "the command line names its flags")
    }
  }
}
