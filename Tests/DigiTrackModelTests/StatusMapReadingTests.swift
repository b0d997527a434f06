import Foundation
import Testing

@testable import DigiTrackModel

/// A status map is read by one reader that reports (`DatasetDecoder.readStatuses`), with
/// `StatusMatcher` in front of it for maps with nothing to say. Whichever of the two reads a map,
/// the statuses must be the ones the map gives, and a late red must be warned about exactly once.
/// Random maps (seeded; the seed is printed) send some maps to each: a red on a phase-2 criterion
/// before the phase-2 deadline makes the matcher give up.
@Suite struct StatusMapReadingTests {
  static let base: String = {
    let url = testSourceDirectory.appendingPathComponent("Corpus/valid-minimal.json")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// Phase of each criterion in valid-minimal.json; its second snapshot (2025-12-29) is before the
  /// phase-2 deadline (2025-12-31), so a red on a phase-2 criterion there is late-red.
  static let provincial = [("T01", 1), ("T02", 1), ("T03", 2)]
  static let commune = [("C01", 1), ("C02", 2)]

  /// A map of a random subset of `criteria`, in random order, and the statuses it means.
  static func randomMap(_ criteria: [(String, Int)], _ random: inout SplitMix64) -> (
    json: String, statuses: [Status], lateReds: Int
  ) {
    var statuses = Array(repeating: Status.notReported, count: criteria.count)
    var members: [String] = []
    var lateReds = 0
    var order = Array(criteria.indices)
    for index in order.indices.reversed() { order.swapAt(index, Int(random.next() % UInt64(index + 1))) }
    for index in order where random.next() % 4 != 0 {
      let status = Status.allCases[Int(random.next() % 4)]
      statuses[index] = status
      if status == .red && criteria[index].1 == 2 { lateReds += 1 }
      members.append("\"\(criteria[index].0)\": \"\(status.jsonName)\"")
    }
    return ("{" + members.joined(separator: ", ") + "}", statuses, lateReds)
  }

  @Test func bothReadersGiveTheStatusesOfTheMap() throws {
    let seed = UInt64(20_251_229)
    print("StatusMapReadingTests seed: \(seed)")
    var random = SplitMix64(seed: seed)
    let provincialMap = "{\"T01\": \"green\", \"T02\": \"red\", \"T03\": \"not_reported\"}"
    let unitMaps = [
      "{\"C01\": \"green\", \"C02\": \"green\"}", "{\"C01\": \"green\", \"C02\": \"yellow\"}",
      "{\"C01\": \"green\", \"C02\": \"green\"}",
    ]
    #expect(Self.base.contains(provincialMap))
    var matcherPaths = 0
    var reporterPaths = 0
    for round in 0..<200 {
      let province = Self.randomMap(Self.provincial, &random)
      let units = (0..<3).map { _ in Self.randomMap(Self.commune, &random) }
      var text = Self.base.replacingOccurrences(of: provincialMap, with: province.json)
      // The units in order: each search starts after the unit replaced before it.
      var from = try #require(text.range(of: "\"code\": \"U1\"")).lowerBound
      for (old, new) in zip(unitMaps, units) {
        let range = try #require(text.range(of: "\"statuses\": " + old, range: from..<text.endIndex))
        text.replaceSubrange(range, with: "\"statuses\": " + new.json)
        from = text.index(range.lowerBound, offsetBy: new.json.count)
      }
      let loaded = try DatasetLoader().load(bytes: Array(text.utf8), name: "round\(round).json")
      let reports = loaded.dataset.snapshots[1].reports
      #expect(reports[1]?.provincialStatuses == province.statuses, "round \(round): \(province.json)")
      let read = try #require(reports[0]?.communes.units)
      for (unit, map) in units.enumerated() {
        let got = (0..<Self.commune.count).map { read.status(unit: unit, criterion: $0) }
        #expect(got == map.statuses, "round \(round), unit \(unit): \(map.json)")
      }
      let lateReds = province.lateReds + units.map(\.lateReds).reduce(0, +)
      let warned = loaded.warnings.filter { $0.message.en.hasPrefix("red (late)") }.count
      #expect(warned == lateReds, "round \(round)")
      if lateReds == 0 { matcherPaths += 1 } else { reporterPaths += 1 }
    }
    // Both readers were exercised.
    #expect(matcherPaths > 20 && reporterPaths > 20, "\(matcherPaths) / \(reporterPaths)")
  }

  /// The reporting reader names each problem of a provincial map at its key, as the matcher
  /// cannot: an unknown key, a commune-level key, a repeated key, a word that is not a status.
  @Test func problemsOfAProvincialMapAreReportedAtTheirKey() throws {
    let provincialMap = "{\"T01\": \"green\", \"T02\": \"red\", \"T03\": \"not_reported\"}"
    let broken = "{\"T01\": \"green\", \"X9\": \"green\", \"C01\": \"green\", \"T01\": \"red\", \"T03\": \"done\"}"
    let text = Self.base.replacingOccurrences(of: provincialMap, with: broken)
    let (lines, _) = diagnose(Array(text.utf8), name: "p.json")
    // Each at the line and column of its value, with the province's name (issue 16, item 7).
    let path = "error: snapshots[1].reports[1].provincial.statuses"
    #expect(
      lines == [
        "p.json:79:61: \(path).X9 (Thanh Hóa): unknown criterion id \"X9\"",
        "p.json:79:77: \(path).C01 (Thanh Hóa): C01 is a commune-level criterion, not provincial-level",
        "p.json:79:93: \(path).T01 (Thanh Hóa): duplicate key \"T01\"",
        "p.json:79:107: \(path).T03 (Thanh Hóa): \"done\" is not one of \"green\", \"yellow\", \"red\", \"not_reported\"",
      ], "\(lines)")
  }
}
