import ChildProcess
import DigiTrackModel
import DigiTrackSystem
import FoundationEssentials
import Glibc

/// Medians and percentiles of timed runs.
enum Timing {
  static func seconds(_ body: () -> Void) -> Double {
    let start = monotonicSeconds()
    body()
    return monotonicSeconds() - start
  }

  static func median(runs: Int, _ body: () -> Void) -> Double {
    median((0..<runs).map { _ in seconds(body) })
  }

  static func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// The median and 99th percentile of a set of samples.
struct Percentiles {
  var median: Double
  var p99: Double

  init(_ samples: [Double]) {
    let sorted = samples.sorted()
    median = Timing.median(sorted)
    p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
  }
}

/// How figures are printed: durations with a unit that fits, sizes in KB or MB, ratios to two places.
enum Format {
  static func duration(_ seconds: Double) -> String {
    switch seconds {
    case ..<0.001: CFormat.string("%.1f µs", seconds * 1e6)
    case ..<1: CFormat.string("%.2f ms", seconds * 1e3)
    default: CFormat.string("%.3f s", seconds)
    }
  }

  static func bytes(_ count: Int) -> String {
    count >= 1 << 20
      ? CFormat.string("%.1f MB", Double(count) / 1_048_576) : CFormat.string("%.0f KB", Double(count) / 1024)
  }

  static func ratio(_ value: Double) -> String {
    value.isFinite ? CFormat.string("%.2f", value) : "-"
  }

  static func ratio(_ numerator: Double, _ denominator: Double?) -> String {
    guard let denominator, denominator > 0 else { return "-" }
    return ratio(numerator / denominator)
  }

  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }
}

/// Left-aligned columns of text.
struct TextTable {
  var rows: [[String]]

  init(_ header: [String]) { rows = [header] }

  mutating func add(_ row: [String]) { rows.append(row) }

  var text: String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}

/// Prints as it goes, so a long run shows progress.
struct BenchOutput {
  func line(_ text: String) {
    RunningProcess.write(text + "\n", to: STDOUT_FILENO)
  }

  func heading(_ title: String) {
    line("")
    line("== \(title) ==")
  }

  func table(_ table: TextTable) { line(table.text) }
}
