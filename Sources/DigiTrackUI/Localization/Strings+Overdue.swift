import DigiTrackModel

// MARK: overdue view

/// The words of timeliness and of the overdue view, in both languages. An extension, so the
/// overdue work adds no field to `Strings`' long initialiser (and merges beside the others').
extension Strings {
  private func say(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  private func days(_ count: Int) -> String { say("\(count) ngày", count == 1 ? "1 day" : "\(count) days") }

  /// A timeliness class in words, short enough for a table column: "quá hạn 153 ngày",
  /// "còn 2 ngày", "done 3 days late".
  public func timeliness(_ value: Timeliness) -> String {
    switch value {
    case .doneOnTime: say("xong đúng hạn", "done on time")
    case .doneLate(let late): say("xong trễ \(days(late))", "done \(days(late)) late")
    case .doneUndated: say("xong, không rõ ngày", "done, undated")
    case .inProgress(let left):
      left == 0 ? say("hạn hôm nay", "due today") : say("còn \(days(left))", "\(days(left)) left")
    case .overdue(let late): say("quá hạn \(days(late))", "overdue \(days(late))")
    case .notStarted: say("chưa triển khai", "not started")
    case .notReported: say("chưa báo cáo", "not reported")
    }
  }

  /// The class's name without its days, for the legend and export headings.
  public func timelinessName(_ id: String) -> String {
    switch id {
    case "done_on_time": say("xong đúng hạn", "done on time")
    case "done_late": say("xong trễ hạn", "done late")
    case "done_undated": say("xong, không rõ ngày", "done, undated")
    case "in_progress": say("đang làm, còn N ngày", "in progress, N days left")
    case "overdue": say("quá hạn N ngày", "overdue N days")
    case "not_started": say("chưa triển khai", "not started")
    default: say("chưa báo cáo", "not reported")
    }
  }

  public var timelinessHeading: String { say("Tiến độ", "Timeliness") }
  /// The heading over the compact labels (`✗! 15`) of a narrow screen.
  public var timelinessHeadingShort: String { say("Tiến độ", "Timing") }
  public var timelinessDays: String { say("Số ngày", "Days") }
  public var timelinessLegend: String { say("Tiến độ so với hạn", "Against the deadline") }

  public var overdueTitle: String { say("Tiêu chí quá hạn", "Overdue criteria") }
  public var overdueByProvince: String {
    say("Theo tỉnh, quá hạn lâu nhất trước", "By province, longest overdue first")
  }
  public var overdueNational: String {
    say("Toàn quốc: số tỉnh quá hạn theo tiêu chí", "National: provinces overdue per criterion")
  }
  public var overdueNone: String {
    say(
      "Không có tiêu chí nào quá hạn ở ngày báo cáo này.", "No criterion is overdue at this report date.")
  }
  public var daysLate: String { say("Quá hạn", "Days late") }
  public var deadline: String { say("Hạn", "Deadline") }
  public var provinceCountHeading: String { say("Số tỉnh", "Provinces") }

  /// "12 tiêu chí quá hạn ở 5/34 tỉnh, thành phố" — the view's summary line.
  public func overdueSummary(entries: Int, criteria: Int, provinces: String) -> String {
    say(
      "\(entries) lượt quá hạn: \(criteria) tiêu chí ở \(provinces) tỉnh, thành phố",
      "\(entries) overdue: \(criteria) criteria in \(provinces) provinces and cities")
  }

  /// "quá hạn ở 3 tỉnh"
  public func overdueIn(_ count: String) -> String { say("\(count) tỉnh", "\(count) provinces") }
}
