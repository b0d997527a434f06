import Foundation
import TestSupport
import Testing

/// `--snapshot DATE|first|latest` on `export` and the dashboard.
@Suite struct SnapshotOptionTests {
  @Test(arguments: ["2025-07-31", "31/07/2025", "first"])
  func phaseOneReviewIsExportedWithItsPublishedFacts(_ argument: String) throws {
    let vi = try Binary.run(["export", "--snapshot", argument])
    #expect(vi.status == 0, "\(vi.stderr)")
    #expect(vi.stdout.contains("Số liệu đến ngày 31/07/2025"))
    #expect(vi.stdout.contains("34/34"))
    let en = try Binary.run(["export", "--snapshot", argument, "--lang", "en"])
    #expect(en.stdout.contains("Report 2025-07-31"))
    #expect(en.stdout.contains("34/34"))
  }

  @Test func everyFormatIsDated() throws {
    let csv = try Binary.run(["export", "--snapshot", "first", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("snapshot,rank,"))
    #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("2025-07-31,") })
    let json = try Binary.run(["export", "--snapshot", "first", "--format", "json"])
    #expect(json.stdout.contains("\"snapshot\": \"2025-07-31\""))
    let markdown = try Binary.run(["export", "--snapshot", "latest", "--format", "markdown"])
    #expect(markdown.stdout.contains("29/12/2025"))
    let narrow = try Binary.run(["export", "--snapshot", "first", "--width", "60", "--view", "matrix"])
    #expect(narrow.stdout.split(separator: "\n").first?.contains("31/07/2025") == true)
  }

  @Test(arguments: [["export"], ["dashboard"]])
  func anUnknownDateListsTheDatesTheFileHas(_ command: [String]) throws {
    let result = try Binary.run(command + ["--snapshot", "2025-07-30"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("2025-07-31, 2025-12-29"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aMalformedDateIsAUsageError() throws {
    let result = try Binary.run(["export", "--snapshot", "31-07-2025", "--lang", "en"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("YYYY-MM-DD, dd/mm/yyyy, first or latest"))
  }
}
