/// Which report date to show: `--snapshot DATE|first|latest`.
public enum SnapshotChoice: Sendable, Equatable {
  case first
  case latest
  case date(CalendarDate)

  /// `first`, `latest`, `YYYY-MM-DD` or `dd/mm/yyyy`; nil for anything else.
  public init?(argument: String) {
    switch argument.lowercased() {
    case "first": self = .first
    case "latest": self = .latest
    default:
      guard let date = CalendarDate(iso: argument) ?? CalendarDate(dayMonthYear: argument) else { return nil }
      self = .date(date)
    }
  }

  /// The snapshot's index in `dataset.snapshots`, or nil when the file has no report at that date.
  public func index(in dataset: Dataset) -> Int? {
    switch self {
    case .first: 0
    case .latest: dataset.snapshots.count - 1
    case .date(let date): dataset.snapshots.firstIndex { $0.date == date }
    }
  }
}

extension CalendarDate {
  /// Parses `dd/mm/yyyy` (the Vietnamese way of writing a date), exactly.
  public init?(dayMonthYear text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4 else { return nil }
    self.init(iso: "\(parts[2])-\(parts[1])-\(parts[0])")
  }
}
