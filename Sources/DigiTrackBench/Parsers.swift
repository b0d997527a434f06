import FoundationEssentials
import Glibc

/// Foundation's JSONDecoder (FoundationEssentials) on the same files, into plain values only: how
/// far a general parser is from our validated load. (The simdjson floor is the comparison that
/// matters; it is in "End to end".)
enum Parsers {
  static func table(_ inputs: [BenchInput], stages: [StageResult], runs: Int) -> TextTable {
    var table = TextTable(["data", "DigiTrack load", "JSONDecoder"])
    for (input, stage) in zip(inputs, stages) {
      let bytes = (try? Data(contentsOf: URL(fileURLWithPath: input.path))) ?? Data()
      let serialization = Timing.median(runs: runs) {
        _ = try? JSONDecoder().decode(PlainJSON.self, from: bytes)
      }
      table.add([input.label, Format.duration(stage.times[0]), Format.duration(serialization)])
    }
    return table
  }
}

/// Any JSON value, as a general reader keeps it: what JSONSerialization's objects were.
enum PlainJSON: Decodable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([PlainJSON])
  case object([String: PlainJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([PlainJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: PlainJSON].self))
    }
  }
}
