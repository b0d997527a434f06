// libFuzzer entry point for the data loader.
//
// Run it with `scripts/fuzz.sh SECONDS` (or `scripts/fuzz.sh SECONDS loader`; README: Fuzzing):
// scripts/fuzz.sh builds it from the model sources with AddressSanitizer, not SwiftPM. Its twin
// for the whole pipeline, views and exports included, is FuzzPipeline.swift.
//
// Every input must end in a dataset or a LoadError: a crash, a trap, a hang or an
// address-sanitizer report is a bug. Crashers found are kept in Tests/Fuzz/crashers and replayed
// by the unit tests.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
  do {
    let loaded = try DatasetLoader(maxBytes: 1 << 20).load(bytes: bytes, name: "fuzz.json")
    // A dataset that loads must also aggregate.
    _ = Aggregates(dataset: loaded.dataset)
  } catch {
    _ = error.description
  }
  return 0
}
