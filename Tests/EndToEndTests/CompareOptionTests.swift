import Foundation
import TestSupport
import Testing

/// `export --compare DATE` (issue 11 item 4): the date changes are measured against, taken as
/// `--snapshot` takes it, on every view; an unknown date lists the file's dates.
@Suite struct CompareOptionTests {
  @Test(arguments: ["2025-07-31", "31/07/2025", "first"])
  func compareTakesADateAsSnapshotDoes(_ argument: String) throws {
    let result = try Binary.run(["export", "--compare", argument, "--width", "120"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("So với ngày 31/07/2025: tiêu chí ↑"))
    let json = try Binary.run(["export", "--compare", argument, "--format", "json"])
    #expect(json.stdout.contains("\"compareWith\": \"2025-07-31\""))
  }

  @Test func comparingTheDateShownWithItselfChangesNothing() throws {
    let result = try Binary.run(["export", "--compare", "latest", "--lang", "en", "--width", "120"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Compared with 2025-12-29: criteria no change"))
  }

  @Test(arguments: ["overview", "matrix", "trend"])
  func everyViewTakesIt(_ view: String) throws {
    let result = try Binary.run(["export", "--view", view, "--compare", "first", "--snapshot", "latest"])
    #expect(result.status == 0, "\(result.stderr)")
    let province = try Binary.run(["export", "--view", "province", "--province", "20", "--compare", "first"])
    #expect(province.stdout.contains("So với ngày 31/07/2025"))
  }

  /// The dashboard takes it too (printed as text when its output is not a terminal).
  @Test func theDashboardTakesIt() throws {
    let result = try Binary.run(["dashboard", "--compare", "latest", "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Compared with 2025-12-29"), "\(result.stdout.prefix(600))")
  }

  @Test func anUnknownDateListsTheDatesTheFileHas() throws {
    let result = try Binary.run(["export", "--compare", "2024-01-01"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--compare 2024-01-01"), "\(result.stderr)")
    #expect(result.stderr.contains("2025-07-31, 2025-12-29"), "\(result.stderr)")
    let malformed = try Binary.run(["export", "--compare", "yesterday"])
    #expect(malformed.status == 64)
  }
}
