import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackSheets

@Suite struct MergeTests {
  /// demo.json, and two imports of Lạng Sơn's 2026-01-31 form: T22 green (green.json) and red (red.json).
  static func parts() throws -> String {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    _ = try Demo.form(in: folder)
    for (name, word) in [("green", "Xanh"), ("red", "Đỏ")] {
      try Run.python(RoundTripTests.setStatus("lang-son.xlsx", "T22", word, out: "\(name).xlsx"), in: folder)
      let result = try Run.tui(["import", "\(name).xlsx", "--into", "demo.json", "-o", "\(name).json"], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
    }
    return folder
  }

  @Test func mergesByDateAndListsConflictsWithBothFiles() throws {
    let folder = try Self.parts()
    let same = try Run.tui(["merge", "demo.json", "green.json", "-o", "merged.json"], in: folder)
    #expect(same.status == 0, "\(same.stderr)")
    let merged = try DatasetLoader().load(path: folder + "/merged.json").dataset
    #expect(merged.snapshots.map(\.date.description) == ["2025-07-31", "2025-12-29", "2026-01-31"])
    #expect(merged.latest.reports[Demo.langSon]?.provincialStatuses.allSatisfy { $0 == .green } == true)
    // Sources cited by either part survive, and the demo's published counts keep their source.
    #expect(merged.sources.count == Demo.dataset.sources.count)
    #expect(merged.snapshots[1].reports[Demo.langSon]?.reportedCount?.done == 31)

    let conflict = try Run.tui(["merge", "green.json", "red.json", "-o", "out.json"], in: folder)
    #expect(conflict.status == 1)
    #expect(
      conflict.stderr.contains(
        "red.json: snapshots[2] (2026-01-31), Lạng Sơn: conflicts with green.json: T22 is green there, red here"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out.json"))

    let preferred = try Run.tui(
      ["merge", "green.json", "red.json", "--prefer", "green.json", "-o", "out.json"], in: folder)
    #expect(preferred.status == 0, "\(preferred.stderr)")
    let kept = try DatasetLoader().load(path: folder + "/out.json").dataset
    #expect(kept.latest.reports[Demo.langSon]?.provincialStatuses.allSatisfy { $0 == .green } == true)
  }

  @Test func preferNewerTakesTheFileModifiedLast() throws {
    let folder = try Self.parts()
    let old = Date(timeIntervalSince1970: 1_700_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/green.json")
    let result = try Run.tui(["merge", "green.json", "red.json", "--prefer", "newer", "-o", "out.json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let merged = try DatasetLoader().load(path: folder + "/out.json").dataset
    let t22 = Demo.dataset.plan.provincialCriteria.firstIndex { Demo.dataset.plan.criteria[$0].id == "T22" }!
    #expect(merged.latest.reports[Demo.langSon]?.provincialStatuses[t22] == .red)
  }

  @Test func refusesAnotherPlan() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    #expect(
      try Run.tui(
        ["generate", "--provinces", "2", "--communes", "12", "--criteria", "10", "-o", "gen.json"], in: folder
      )
      .status == 0)
    let result = try Run.tui(["merge", "demo.json", "gen.json", "-o", "out.json"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("gen.json: tracks plan 02-KH/BCĐTW with other criteria than demo.json"))
  }
}
