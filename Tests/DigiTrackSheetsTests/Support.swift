import DigiTrackModel
import Foundation
import TestSupport
import Testing

@testable import DigiTrackSheets

/// Running the built binary and Python's openpyxl, the independent reader and filler of forms.
enum Run {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `digitrack-tui` SwiftPM built next to this test bundle, found as every test suite finds it.
  static var binary: String { Binary.path }

  static func program(_ path: String, _ arguments: [String], directory: String, inherit: Bool = false) throws
    -> Output
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Python is found as .ci/run installs it (PATH, site packages); the binary runs pinned.
    process.environment =
      inherit
      ? ProcessInfo.processInfo.environment
      : ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": directory, "TERM": "dumb"]
    let errorPath = directory + "/.stderr-" + UUID().uuidString
    FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
      stderr: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self))
  }

  /// The command line; messages in English (`--lang en` last), which these tests' expected
  /// messages are written in, except for the commands that write a form or an export, whose language is the
  /// form's (Vietnamese by default, as the scripts that fill it in expect).
  static func tui(_ arguments: [String], in directory: String) throws -> Output {
    let english = !arguments.contains("--lang") && !["form", "template", "export"].contains(arguments.first ?? "")
    return try program(binary, english ? arguments + ["--lang", "en"] : arguments, directory: directory)
  }

  /// Runs a Python script (openpyxl, zlib) in `directory`; fails the test when it fails.
  @discardableResult
  static func python(_ script: String, in directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    let result = try program("/usr/bin/env", ["python3", "-c", script], directory: directory, inherit: true)
    #expect(result.status == 0, "python failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// How much this process's peak resident memory grew while `body` ran, in KiB.
  static func peakGrowth(_ body: () -> Void) -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let before = usage.ru_maxrss
    body()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss - before
  }

  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "digitrack-sheets-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

enum Demo {
  static let dataset: Dataset = {
    guard let loaded = try? DemoDataset.load() else { fatalError("the built-in demo does not load") }
    return loaded.dataset
  }()
  static let langSon = dataset.provinces.firstIndex { $0.code == "20" }!
  static let date = CalendarDate(iso: "2026-01-31")!

  /// Writes Lạng Sơn's form, prefilled from the demo at 2026-01-31.
  static func form(in folder: String, language: Language = .vi, name: String = "lang-son.xlsx") throws -> String {
    let path = folder + "/" + name
    try FormWriter.write(
      FormRequest(dataset: dataset, provinces: [langSon], date: date, language: language, prefill: true), to: path)
    return path
  }
}
