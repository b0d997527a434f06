import DigiTrackModel

/// The words of change and trends (issue 11, items 4 and 5), in both languages. Kept apart from
/// `Strings` so these features add no field to its long initialiser.
extension Strings {
  /// The overview's change column header.
  var changeColumn: String { language == .vi ? "Thay đổi" : "Change" }

  /// "So với ngày 31/07/2025" / "Compared with 2025-07-31": which date the changes are against.
  func comparedWith(_ date: String) -> String {
    language == .vi ? "So với ngày \(date)" : "Compared with \(date)"
  }

  /// Shown where changes would be when `c` has turned the comparison off.
  var noComparison: String { language == .vi ? "Không so sánh" : "No comparison" }

  var criteriaWord: String { language == .vi ? "tiêu chí" : "criteria" }
  var greenProvincesWord: String { language == .vi ? "tỉnh xanh" : "green provinces" }
  var greenCommunesWord: String { language == .vi ? "xã xanh" : "green communes" }
  var partialWord: String { language == .vi ? "chưa đủ tỉnh" : "not every province" }
  var noChangeWord: String { language == .vi ? "không đổi" : "no change" }
  /// Before the province view's list of changed criteria.
  var changedCriteria: String { language == .vi ? "Tiêu chí thay đổi" : "Criteria changed" }

  // MARK: trend view

  var trendTitle: String { language == .vi ? "Xu hướng toàn quốc" : "National trend" }
  func trendSingleDate(_ date: String) -> String {
    language == .vi
      ? "Dữ liệu chỉ có một kỳ báo cáo (\(date)): chưa có xu hướng để vẽ."
      : "The data has a single report date (\(date)): there is no trend to draw yet."
  }
  var targetWord: String { language == .vi ? "mục tiêu" : "target" }
  var trendLegend: String {
    language == .vi
      ? "Mỗi cột là một kỳ báo cáo; ┄ là mục tiêu; * số liệu minh họa"
      : "Each column is a report date; ┄ marks the target; * illustrative figure"
  }
}

extension Strings {
  /// The overview's sparkline column header.
  var trendColumn: String { language == .vi ? "Xu hướng" : "Trend" }
}

extension Strings {
  /// "52 kỳ báo cáo"
  func reportDates(_ count: String) -> String { language == .vi ? "\(count) kỳ báo cáo" : "\(count) report dates" }
}

extension Strings {
  /// The export's change columns, in Markdown.
  var upArrowWord: String { language == .vi ? "↑ tiến lên" : "↑ improved" }
  var downArrowWord: String { language == .vi ? "↓ đi xuống" : "↓ went back" }

  // MARK: truth (issues 11, 12, 16: every figure whole in every format)

  /// The overview's headline figures as a table in the Markdown report and the workbook.
  var nationalSummary: String { language == .vi ? "Tổng hợp toàn quốc" : "National summary" }

  /// The matrix's level headings over too few columns for "Cấp tỉnh" / "Provincial".
  var provincialLevelShort: String { language == .vi ? "Tỉnh" : "Prov." }
  var communeLevelShort: String { language == .vi ? "Xã" : "Comm." }
  /// The heading of a criterion's level (provincial or commune) in the criteria legend.
  var levelWord: String { language == .vi ? "Cấp" : "Level" }
  /// A view's name in a sentence ("màn hình tổng quan"), never the English `--view` value in
  /// Vietnamese (audit F10).
  func viewName(_ view: ViewKind) -> String {
    guard language == .vi else { return view.rawValue }
    switch view {
    case .overview: return "tổng quan"
    case .matrix: return "ma trận"
    case .province: return "tỉnh, thành phố"
    case .overdue: return "tiêu chí quá hạn"
    case .trend: return "xu hướng"
    }
  }
}
