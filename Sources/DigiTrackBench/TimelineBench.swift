import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// Many report dates (issue 11 item 6): 52 weekly national snapshots with every commune listed,
/// against the same data with one snapshot. Opening must grow linearly with the snapshots, and
/// switching report date (`[`, `]`), opening the trend view (`t`) and moving the selection must
/// take the same key-to-frame time as with a single snapshot (through `KeyResult.session`).
struct TimelineResult {
  var label: String
  var snapshots: Int
  var open: Double
  var move: Percentiles
  var date: Percentiles
  var freshDate: Percentiles
  var trend: Percentiles
  var trendMove: Percentiles

  /// Generates the file (34 provinces, `communes` communes, 40 criteria, weekly, seed 1).
  static func input(snapshots: Int, communes: Int, folder: String) throws -> BenchInput {
    let generator = SyntheticDataset(provinces: 34, communes: communes, criteria: 40, snapshots: snapshots, seed: 1)
    let label = "\(snapshots) date\(snapshots == 1 ? "" : "s")"
    return try BenchInput.generated(generator, label: label, path: folder + "/weekly-\(snapshots).json")
  }

  static func measure(_ input: BenchInput, snapshots: Int, runs: Int, keys: Int) throws -> TimelineResult {
    var data: DashboardData?
    var failure: Error?
    // Open = load (read, parse, decode, validate) and every snapshot's figures, trend included.
    let open = Timing.median(runs: runs) {
      do { data = try input.load() } catch { failure = error }
    }
    if let failure { throw failure }
    guard let data else { throw BenchError.invalidData(input.path) }
    let (presser, _) = try KeyResult.session(data) { presser in
      for index in 0..<keys {
        try presser.move(down: index % 20 < 10)
        if index % 4 == 0 {
          // Back a date and forward again (a no-op with one date: the frame is still timed).
          try presser.press("date", sequence: "[")
          try presser.press("date", sequence: "]")
          try presser.press("trend", sequence: "t")
          try presser.press("trend move", sequence: "j")
          try presser.press("trend", sequence: "t")
        }
      }
      // Fresh switches: back to the first date and forward to the last, one date at a time, so that
      // each is a date not seen just before (its figures, change and layout made anew). The first
      // step each way returns to the date just left, which is kept: it is timed with "[ ]".
      let steps = max(snapshots - 1, 1)
      for (sequence, name) in [("[", "date"), ("]", "date")] {
        try presser.press(name, sequence: sequence)
        for _ in 1..<max(steps, 2) { try presser.press("fresh date", sequence: sequence) }
      }
    }
    let samples = presser.samples
    return TimelineResult(
      label: input.label, snapshots: snapshots, open: open, move: Percentiles(samples["move"] ?? []),
      date: Percentiles(samples["date"] ?? []), freshDate: Percentiles(samples["fresh date"] ?? []),
      trend: Percentiles(samples["trend"] ?? []),
      trendMove: Percentiles(samples["trend move"] ?? []))
  }

  static func table(_ results: [TimelineResult]) -> TextTable {
    var table = TextTable([
      "data", "open", "open/date", "move", "[ ]", "[ ] p99", "fresh [ ]", "fresh p99", "t", "t p99", "move in trend",
    ])
    for result in results {
      table.add([
        result.label, Format.duration(result.open), Format.duration(result.open / Double(result.snapshots)),
        Format.duration(result.move.median), Format.duration(result.date.median), Format.duration(result.date.p99),
        Format.duration(result.freshDate.median), Format.duration(result.freshDate.p99),
        Format.duration(result.trend.median), Format.duration(result.trend.p99),
        Format.duration(result.trendMove.median),
      ])
    }
    return table
  }

  /// The bench's "Many report dates" section.
  static func section(_ settings: BenchSettings, folder: String, out: BenchOutput) throws {
    let communes = settings.quick ? 332 : 3321
    let counts = [1, 52]
    out.heading("Many report dates (\(communes) communes listed, weekly, median of \(settings.runs) run(s))")
    var results: [TimelineResult] = []
    for count in counts {
      let input = try input(snapshots: count, communes: communes, folder: folder)
      results.append(try measure(input, snapshots: count, runs: settings.runs, keys: settings.keys))
    }
    out.table(table(results))
    out.line("open = load and every date's figures (the trend too); open/date flat means linear in the dates;")
    out.line("[ ] = back and forward a report date, t = trend view in and out, keys as in \"Key to frame\"")
    out.line("fresh [ ] = every date once, back to the first and forward to the last, none the date just left")
    if let one = results.first, let many = results.last, one.open > 0, many.snapshots > one.snapshots {
      let ratio = (many.open / Double(many.snapshots)) / (one.open / Double(one.snapshots))
      out.line(
        "open/date at \(many.snapshots) dates against \(one.snapshots): " + Format.ratio(ratio)
          + " (linear keeps it near 1; above 1 by more than the noise would be growth)")
    }
    out.line(
      "targets (issue 14 target 5): open linear in the dates; switching date keeps target 1 ([ ], fresh [ ] and t"
        + " within 1.5 ms as Enter, move within 1 ms)")
  }
}
