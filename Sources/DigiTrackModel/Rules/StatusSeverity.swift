extension Status {
  /// Which status dominates a row of statuses: red over yellow over not reported over green.
  public var severity: Int {
    switch self {
    case .green: 0
    case .notReported: 1
    case .yellow: 2
    case .red: 3
    }
  }

  /// The status a row of statuses shows: the most severe one, or not reported when none was
  /// reported (an empty row included).
  public static func dominant<S: Sequence>(of statuses: S) -> Status where S.Element == Status {
    var worst = Status.green
    var allMissing = true
    for status in statuses {
      if status != .notReported { allMissing = false }
      if status.severity > worst.severity { worst = status }
    }
    return allMissing ? .notReported : worst
  }
}
