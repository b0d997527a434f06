import Foundation

/// Foundation's JSONSerialization on the same files, parse only: how far a general parser is
/// from our validated load. (The simdjson floor is the comparison that matters; it is in "End
/// to end".)
enum Parsers {
  static func table(_ inputs: [BenchInput], stages: [StageResult], runs: Int) -> TextTable {
    var table = TextTable(["data", "DigiTrack load", "JSONSerialization"])
    for (input, stage) in zip(inputs, stages) {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: input.path))) ?? Data()
      let serialization = Timing.median(runs: runs) {
        _ = try? JSONSerialization.jsonObject(with: bytes)
      }
      table.add([input.label, Format.duration(stage.times[0]), Format.duration(serialization)])
    }
    return table
  }
}
