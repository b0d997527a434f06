import Foundation
import Testing

/// `digitrack-tui bench`: runs end to end and prints every section. Timings are never asserted: they
/// depend on the machine, and CI's is shared.
@Suite struct BenchCommandTests {
  @Test func quickRunPrintsEverySectionAndExitsZero() throws {
    let result = try Binary.run(["bench", "--quick"])
    #expect(result.status == 0, "\(result.stderr)")
    for heading in [
      "== Data ==", "== Stages (in process", "== End to end (child processes", "== Growth", "== Key to frame",
    ] {
      #expect(result.stdout.contains(heading), "missing \(heading)")
    }
    #expect(result.stdout.contains("machine: "))
    #expect(result.stdout.contains("tiny"))
    // The children ran: ours always, Python's when it is installed.
    #expect(!result.stdout.contains("child run(s) failed"))
  }

  @Test func quickRunOnAGivenFileAlsoComparesParsers() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/small.json"
    let generated = try Binary.run(["generate", "--provinces", "3", "--communes", "30", "--criteria", "10", "-o", file])
    #expect(generated.status == 0)
    let result = try Binary.run(["bench", "--quick", "--parsers", "--data", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("small.json"))
    #expect(result.stdout.contains("== Parsers"))
    #expect(result.stdout.contains("JSONDecoder+Codable"))
  }

  @Test func invalidDataFailsLikeTheOtherCommands() throws {
    let folder = try Binary.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/broken.json"
    try Data("{\"format\": 1}".utf8).write(to: URL(fileURLWithPath: file))
    let result = try Binary.run(["bench", "--quick", "--data", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("broken.json"))
  }

  @Test func helpHasExamplesAndRejectsBadScales() throws {
    let help = try Binary.run(["bench", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Examples:"))
    #expect(help.stdout.contains("--scales"))
    let bad = try Binary.run(["bench", "--scales", "1,x"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--scales"))
  }
}
