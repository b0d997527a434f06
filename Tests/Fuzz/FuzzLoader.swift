// libFuzzer entry point for the data loader.
//
// Run it with `scripts/fuzz.sh SECONDS` (or `scripts/fuzz.sh SECONDS loader`; README: Fuzzing):
// scripts/fuzz.sh builds it from the model sources with AddressSanitizer, not SwiftPM. Its twin
// for the whole pipeline, views and exports included, is FuzzPipeline.swift.
//
// Every input must end in a dataset or a LoadError: a crash, a trap, a hang or an
// address-sanitizer report is a bug. Crashers found are kept in Tests/Fuzz/crashers and replayed
// by the unit tests.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  // The bulk path (On-Demand) and the precise path must agree on every input: the same dataset,
  // or the same messages.
  func outcome(bulk: Bool, threads: Int = 0) -> String {
    do {
      let loaded = try DatasetLoader(maxBytes: 1 << 20, readsInBulk: bulk, bulkThreads: threads).load(
        bytes: bytes, name: "fuzz.json")
      // A dataset that loads must also aggregate.
      _ = Aggregates(dataset: loaded.dataset)
      let warnings = loaded.warnings.map { $0.formatted(file: "fuzz.json", language: .en) }
      return String(decoding: DatasetWriter.json(loaded.dataset), as: UTF8.self) + warnings.joined(separator: "\n")
    } catch {
      return error.description
    }
  }
  let precise = outcome(bulk: false)
  if outcome(bulk: true) != precise { fatalError("the bulk and precise paths disagree") }
  // Two threads (bulk_units.cpp's side reader and merge, the blocks read on two) give the same.
  if outcome(bulk: true, threads: 2) != precise { fatalError("the bulk path on two threads disagrees") }
  // A file is read in bulk a window at a time (dj_bulk_read): the same input from a file.
  if FileManager.default.createFile(atPath: fuzzFile, contents: Data(bytes)) {
    let fromFile: String
    do {
      let loaded = try DatasetLoader(maxBytes: 1 << 20).load(path: fuzzFile, displayName: "fuzz.json")
      let warnings = loaded.warnings.map { $0.formatted(file: "fuzz.json", language: .en) }
      fromFile = String(decoding: DatasetWriter.json(loaded.dataset), as: UTF8.self) + warnings.joined(separator: "\n")
    } catch {
      fromFile = error.description
    }
    if fromFile != precise { fatalError("the bulk path from a file and the precise path disagree") }
  }
  return 0
}

/// The file each input is written to for the bulk path from a file, one per fuzzing process.
let fuzzFile = FileManager.default.temporaryDirectory.appendingPathComponent("digitrack-fuzz-\(getpid()).json").path
