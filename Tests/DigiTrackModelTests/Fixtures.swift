import Foundation
import Testing

@testable import DigiTrackModel

/// A small dataset described in code. It is written out as format-v1 JSON and read back by the
/// real loader, so every fixture is also a valid data file and the tests see exactly what the
/// dashboard would see.
///
/// Defaults: two phases (deadlines 2025-06-30 and 2025-12-31), provincial criteria T01 (phase 1,
/// pillar P1), T02 (phase 1, P2) and T03 (phase 2, P2), commune criteria C01 (phase 1) and C02
/// (phase 2), three provinces with 4, 3 and 5 communes, one source `src` and no snapshots.
struct Fixture {
  var provincial: [(id: String, phase: Int, pillar: String)] = [
    ("T01", 1, "P1"), ("T02", 1, "P2"), ("T03", 2, "P2"),
  ]
  var commune: [(id: String, phase: Int)] = [("C01", 1), ("C02", 2)]
  var pillars = ["P1", "P2"]
  var provinces: [(code: String, name: String, units: Int)] = [
    ("01", "Hà Nội", 4), ("20", "Lạng Sơn", 3), ("38", "Thanh Hóa", 5),
  ]
  var regionSource = "src"
  var unitsSource = "src"
  var snapshots: [(date: String, reports: [[String: Any]])] = []

  /// Appends a snapshot with these reports (see `report`).
  mutating func snapshot(_ date: String, _ reports: [[String: Any]]) {
    snapshots.append((date, reports))
  }

  func json() -> [UInt8] {
    func text(_ words: String) -> [String: Any] { ["vi": words, "en": words] }
    let criteria: [[String: Any]] =
      provincial.map {
        [
          "id": $0.id, "name": text("Tiêu chí \($0.id)"), "level": "provincial", "phase": $0.phase,
          "group": "G1", "pillar": $0.pillar, "block": "B1",
        ]
      }
      + commune.map {
        [
          "id": $0.id, "name": text("Tiêu chí xã \($0.id)"), "level": "commune", "phase": $0.phase,
          "group": "G1", "pillar": pillars[0], "block": "B1",
        ]
      }
    let root: [String: Any] = [
      "format": "digitrack/1",
      "title": text("Fixture"),
      "asOf": snapshots.last?.date ?? "2025-12-29",
      "sources": [
        ["id": "src", "title": "Nguồn", "publisher": "Báo", "url": "https://example.org/src"]
      ],
      "plan": [
        "code": "02-KH/BCĐTW", "name": text("Kế hoạch"), "issued": "2025-06-19", "src": "src",
        "phases": [
          ["number": 1, "name": text("Giai đoạn 1"), "deadline": "2025-06-30"],
          ["number": 2, "name": text("Giai đoạn 2"), "deadline": "2025-12-31"],
        ],
        "groups": [["id": "G1", "name": text("Nhóm 1")]],
        "pillars": pillars.map { ["id": $0, "name": text("Trụ cột \($0)")] },
        "blocks": [["id": "B1", "name": text("Khối 1")]],
        "criteria": criteria,
      ],
      "regions": [["id": "R1", "name": text("Vùng"), "src": regionSource]],
      "provinces": provinces.map {
        [
          "code": $0.code, "name": $0.name, "type": "province", "region": "R1",
          "units": [
            "total": $0.units, "wards": 0, "communes": $0.units, "specialZones": 0, "src": unitsSource,
          ],
        ]
      },
      "snapshots": snapshots.map {
        ["date": $0.date, "label": text("Kỳ \($0.date)"), "metrics": [], "reports": $0.reports]
      },
    ]
    // Plain strings, numbers, arrays and dictionaries always serialise; an empty result would make
    // the fixture's load fail loudly anyway.
    let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    return [UInt8](data)
  }

  /// Loads the fixture; a fixture that does not load is a mistake in the test, reported as such.
  func load(sourceLocation: SourceLocation = #_sourceLocation) throws -> Dataset {
    do {
      let loaded = try DatasetLoader().load(bytes: json(), name: "fixture.json")
      #expect(loaded.warnings.isEmpty, "fixture has warnings: \(loaded.warnings)", sourceLocation: sourceLocation)
      return loaded.dataset
    } catch {
      Issue.record("fixture does not load:\n\(error.description)", sourceLocation: sourceLocation)
      throw error
    }
  }
}

/// One province's report as JSON. `statuses` lists the provincial statuses in plan order as
/// JSON words separated by spaces ("green yellow red"); `-` leaves a criterion out.
func report(
  _ province: String, _ statuses: String, src: String = "illustrative",
  communes: [String: Any] = ["src": "illustrative"], phaseGreen: [String: Any]? = nil,
  reported: [String: Any]? = nil, criteria: [String] = ["T01", "T02", "T03"]
) -> [String: Any] {
  let words = statuses.split(separator: " ").map(String.init)
  precondition(words.count == criteria.count, "one status per criterion")
  var map: [String: Any] = [:]
  for (id, word) in zip(criteria, words) where word != "-" { map[id] = word }
  var provincial: [String: Any] = ["statuses": map, "src": src]
  if let reported { provincial["reported"] = reported }
  var result: [String: Any] = ["province": province, "provincial": provincial, "communes": communes]
  if let phaseGreen { result["phaseGreen"] = phaseGreen }
  return result
}

/// A commune-level unit as JSON, with its statuses for C01, C02 in order.
func unit(_ code: String, _ c01: String, _ c02: String, kind: String = "commune") -> [String: Any] {
  ["code": code, "name": "Xã \(code)", "kind": kind, "statuses": ["C01": c01, "C02": c02]]
}

/// Loads bytes and returns what a user would see: the diagnostics as `formatted(file:)` lines
/// (warnings of a file that loaded, or the errors of one that did not), plus the outcome.
func diagnose(
  _ bytes: [UInt8], name: String = "input.json", maxBytes: Int = DatasetLoader.defaultMaxBytes
) -> (lines: [String], result: Result<LoadedDataset, LoadError>) {
  let result = Result { () throws(LoadError) in try DatasetLoader(maxBytes: maxBytes).load(bytes: bytes, name: name) }
  return (lines(of: result, name: name), result)
}

func diagnose(path: String, name: String, maxBytes: Int = DatasetLoader.defaultMaxBytes)
  -> (lines: [String], result: Result<LoadedDataset, LoadError>)
{
  let result = Result { () throws(LoadError) in
    try DatasetLoader(maxBytes: maxBytes).load(path: path, displayName: name)
  }
  return (lines(of: result, name: name), result)
}

private func lines(of result: Result<LoadedDataset, LoadError>, name: String) -> [String] {
  switch result {
  case .success(let loaded): loaded.warnings.map { $0.formatted(file: name) }
  case .failure(let error): error.diagnostics.map { $0.formatted(file: name) }
  }
}

extension Result where Failure == LoadError {
  /// The error of a load that was expected to fail, or nil (after recording an issue).
  func failure(sourceLocation: SourceLocation = #_sourceLocation) -> LoadError? {
    switch self {
    case .success:
      Issue.record("expected the load to fail, but it succeeded", sourceLocation: sourceLocation)
      return nil
    case .failure(let error): return error
    }
  }
}

/// The directory of this test target's sources, found from this file's own path.
let testSourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// The package root (two levels above the test target).
let packageRoot = testSourceDirectory.deletingLastPathComponent().deletingLastPathComponent()
