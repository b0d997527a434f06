import Foundation
import TestSupport
import Testing

/// Every file `validate` accepts — the accepted corpus files, the fuzz seeds and crashers, and the
/// demo — through the real binary: `export` of every view, in every format and both languages,
/// must exit 0 with output (a trap in number formatting once killed it with SIGILL, issue 10).
/// Each file is one case; the in-process `EveryViewTests` adds the screens at every size.
@Suite struct EveryExportTests {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  /// Candidate files (nil: the built-in demo); those `validate` refuses are skipped per case.
  static let files: [String?] =
    [nil]
    + ["DigiTrackModelTests/Corpus", "Fuzz/seeds", "Fuzz/crashers"].flatMap { folder -> [String?] in
      let url = testsFolder.appendingPathComponent(folder)
      return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".expected") && !$0.hasSuffix(".md") }
        .map { url.appendingPathComponent($0).path }
    }

  /// Province codes to export: the first and the last (the in-process test draws every one).
  static func provinceCodes(_ data: [String]) throws -> [String] {
    let json = try Binary.run(["export"] + data + ["--format", "json", "--view", "overview"])
    let object = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
    let rows = object?["provinces"] as? [[String: Any]] ?? []
    let codes = rows.compactMap { $0["code"] as? String }
    return Array(Set([codes.first, codes.last].compactMap { $0 })).sorted()
  }

  @Test(arguments: files)
  func everyExportOfAnAcceptedFile(_ file: String?) throws {
    let data = file.map { ["--data", $0] } ?? []
    if let file {
      guard try Binary.run(["validate", file]).status == 0 else { return }
    }
    let name = file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "the demo"
    let codes = try Self.provinceCodes(data)
    #expect(!codes.isEmpty, "\(name): no province in the JSON export")
    let views =
      [["--view", "overview"], ["--view", "matrix"], ["--view", "overdue"], ["--view", "trend"]]
      + codes.map { ["--view", "province", "--province", $0] }
    for view in views {
      for format in ["text", "markdown", "csv", "json", "xlsx"] {
        for language in ["vi", "en"] {
          let arguments = ["export"] + data + view + ["--format", format, "--lang", language, "--width", "80"]
          let result = try Binary.run(arguments)
          let ending = result.killedBySignal ? "killed by signal \(result.status)" : "exit status \(result.status)"
          #expect(
            result.status == 0 && !result.killedBySignal,
            "\(name): \(arguments.joined(separator: " ")): \(ending)\n\(result.stderr.prefix(300))")
          #expect(!result.stdout.isEmpty, "\(name): \(arguments.joined(separator: " ")) printed nothing")
        }
      }
    }
  }
}
