import DigiTrackModel

/// The words of report dates, deadlines and lateness, in both languages. Kept apart from
/// `Strings` so the time features add no field to its long initialiser.
extension Strings {
  /// "còn 2 ngày đến hạn GĐ2 (31/12/2025)"
  func nextDeadline(_ next: NextDeadline, date: String) -> String {
    switch language {
    case .vi:
      next.daysLeft == 0
        ? "hôm nay là hạn GĐ\(next.phase) (\(date))" : "còn \(next.daysLeft) ngày đến hạn GĐ\(next.phase) (\(date))"
    case .en:
      next.daysLeft == 0
        ? "phase \(next.phase) due today (\(date))"
        : "\(next.daysLeft) day\(next.daysLeft == 1 ? "" : "s") to the phase \(next.phase) deadline (\(date))"
    }
  }

  /// "GĐ2 còn 2 ngày": the same, where room is short.
  func nextDeadlineShort(_ next: NextDeadline) -> String {
    switch language {
    case .vi: next.daysLeft == 0 ? "hạn GĐ\(next.phase) hôm nay" : "GĐ\(next.phase) còn \(next.daysLeft) ngày"
    case .en: next.daysLeft == 0 ? "P\(next.phase) due today" : "P\(next.phase) due in \(next.daysLeft)d"
    }
  }
}
