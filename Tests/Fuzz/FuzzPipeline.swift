// libFuzzer entry point for the whole pipeline: load → aggregate → every view → every export.
//
// Run it with `scripts/fuzz.sh SECONDS pipeline` (README: Fuzzing); scripts/fuzz.sh builds it from
// the model and UI sources with AddressSanitizer, not SwiftPM. For every input the loader accepts,
// `EveryView.exercise` (Tests/DigiTrackUITests/EveryView.swift, shared with the unit tests) draws
// every view at several sizes into a Canvas and writes every export format of every view, in both
// languages. A crash, a trap, a hang or a sanitizer report is a file `validate` accepts and the
// program cannot show; libFuzzer writes it to Tests/Fuzz/crashers, where the tests replay it.

import DigiTrackModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  // Smaller than the loader fuzzer's limit: every accepted input is drawn a few thousand times.
  guard let loaded = try? DatasetLoader(maxBytes: 1 << 18).load(bytes: bytes, name: "fuzz.json") else { return 0 }
  _ = EveryView.exercise(loaded.dataset)
  return 0
}
