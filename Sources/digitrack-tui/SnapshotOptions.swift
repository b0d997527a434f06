import ArgumentParser
import DigiTrackModel
import DigiTrackUI

/// `--snapshot DATE|first|latest`, shared by the dashboard and `export`.
struct SnapshotOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      tr("The report date to show: YYYY-MM-DD, dd/mm/yyyy, first or latest (default latest)."), valueName: "date"))
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      tr(
        "The report date changes are measured against: YYYY-MM-DD, dd/mm/yyyy, first or latest (default the previous one)."
      ),
      valueName: "date"))
  var compare: String?

  func validate() throws { try choice.validate() }

  var choice: DateChoice { DateChoice(snapshot: snapshot, compare: compare) }
}

/// What `--snapshot` and `--compare` chose, as plain values.
struct DateChoice: Equatable {
  var snapshot: String?
  var compare: String?

  /// Exit status of a date the file has no report for (EX_USAGE).
  static let unknownDate: Int32 = 64

  func validate() throws {
    if let snapshot, SnapshotChoice(argument: snapshot) == nil {
      throw ValidationError(CommandText.badSnapshot(snapshot))
    }
    if let compare, SnapshotChoice(argument: compare) == nil {
      throw ValidationError(CommandText.badSnapshot(compare, flag: "--compare"))
    }
  }

  /// The data at the chosen report date; a date the file has no report for is an error that
  /// lists the dates it has.
  func apply(to data: DashboardData) throws -> DashboardData {
    var data = data
    if let snapshot {
      data = data.atSnapshot(try index(of: snapshot, flag: "--snapshot", in: data.dataset))
    }
    if let compare {
      let index = try index(of: compare, flag: "--compare", in: data.dataset)
      data = data.comparing(.date(data.dataset.snapshots[index].date))
    }
    return data
  }

  /// The snapshot a date argument names; a date the file has no report for is an error that
  /// lists the dates it has.
  private func index(of argument: String, flag: String, in dataset: Dataset) throws -> Int {
    guard let choice = SnapshotChoice(argument: argument), let index = choice.index(in: dataset) else {
      let dates = dataset.snapshots.map(\.date.description).joined(separator: ", ")
      Console.error(CommandText.noReportAt(SafeText.printable(argument), flag: flag, dates: dates))
      throw ExitCode(Self.unknownDate)
    }
    return index
  }
}
