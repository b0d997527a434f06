import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// A national snapshot's reports are most of the file (every commune's line): `import` writes them
/// after the last form is read, with nothing else running, so they are written in two halves side
/// by side, each into its own buffer, and joined in order. Each report's text depends on the
/// dataset and the report only, so the bytes are the same as one pass's.
extension Writer {
  /// About a third of the national data's units (a large province has 168): below it the second
  /// thread would cost about what it saves.
  static let unitsToSplit = 1_000

  /// The reports of a snapshot (with their provinces' indices), separated as `list` separates them.
  mutating func reports(_ reports: [(province: Int, report: Report)]) {
    let units = reports.map { $0.report.communes.units?.count ?? 0 }
    let total = units.reduce(0, +)
    guard reports.count > 1, total >= unitsToSplit, ProcessInfo.processInfo.activeProcessorCount > 1 else {
      write(reports[...])
      return
    }
    // The second half starts where half of the units are written.
    var middle = 0
    var written = 0
    while middle < reports.count - 1, written * 2 < total {
      written += units[middle]
      middle += 1
    }
    middle = max(middle, 1)
    let halves = [reports[..<middle], reports[middle...]]
    let base = Writer(dataset: dataset, unitsToSplit: unitsToSplit, reserving: 0)
    let capacity = max(bytes.capacity - bytes.count, 0) / 2 + 4096
    let results = Mutex<[[UInt8]]>([[], []])
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      var out = base
      out.bytes.reserveCapacity(capacity)
      out.write(halves[half])
      let bytes = out.bytes
      results.withLock { $0[half] = bytes }
    }
    let parts = results.withLock { $0 }
    bytes.append(contentsOf: parts[0])
    raw(",\n")
    bytes.append(contentsOf: parts[1])
  }

  private mutating func write(_ reports: ArraySlice<(province: Int, report: Report)>) {
    list(reports, separator: ",\n") { out, entry in
      out.report(entry.report, province: out.dataset.provinces[entry.province].code)
    }
  }
}
