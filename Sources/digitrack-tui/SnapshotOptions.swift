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

  /// Exit status of a date the file has no report for (EX_USAGE).
  static let unknownDate: Int32 = 64

  func validate() throws {
    if let snapshot, SnapshotChoice(argument: snapshot) == nil {
      throw ValidationError(CommandText.badSnapshot(snapshot))
    }
  }

  /// The data at the chosen report date; a date the file has no report for is an error that
  /// lists the dates it has.
  func apply(to data: DashboardData) throws -> DashboardData {
    guard let snapshot, let choice = SnapshotChoice(argument: snapshot) else { return data }
    guard let index = choice.index(in: data.dataset) else {
      let dates = data.dataset.snapshots.map(\.date.description).joined(separator: ", ")
      Console.error(CommandText.noReportAt(SafeText.printable(snapshot), dates: dates))
      throw ExitCode(Self.unknownDate)
    }
    return data.atSnapshot(index)
  }
}
