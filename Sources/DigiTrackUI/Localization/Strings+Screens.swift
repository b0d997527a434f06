import DigiTrackModel

// MARK: screens (issue 12: commune levels, legends, headline figures)

/// Words of the matrix and province screens added for issue 12, in both languages. Kept apart from
/// `Strings` so they add no field to its long initialiser.
extension Strings {
  /// The group column's heading where it shows codes (`G4`) and room is short; the legend under
  /// the table gives the full word and every name.
  var groupShort: String {
    switch language {
    case .vi: "Nhóm"
    case .en: "Group"
    }
  }

  /// Heading of the legend of commune-level cells.
  var communeLevelsLegend: String {
    switch language {
    case .vi: "Cấp xã (tỷ lệ đơn vị đạt)"
    case .en: "Communes (share meeting it)"
    }
  }

  /// Beside a commune count that `green = total` implies rather than the data gives.
  var impliedByAllGreen: String {
    switch language {
    case .vi: "mọi đơn vị cấp xã đều xanh, nên đạt từng tiêu chí"
    case .en: "every commune is green, so each criterion is met"
    }
  }

  /// Short form of the same, where room is short.
  var impliedShort: String {
    switch language {
    case .vi: "suy ra"
    case .en: "implied"
    }
  }

  /// Heading of the legend of criterion codes in exports.
  var criteriaLegend: String {
    switch language {
    case .vi: "Chú giải mã tiêu chí"
    case .en: "Criterion codes"
    }
  }

  /// Heading of the legend of statuses in exports.
  var statusLegend: String {
    switch language {
    case .vi: "Chú giải trạng thái"
    case .en: "Statuses"
    }
  }

  /// The matrix's totals row: provinces green on each criterion.
  var provincesGreenRow: String {
    switch language {
    case .vi: "Số tỉnh xanh"
    case .en: "Provinces green"
    }
  }

  /// After "29/34" in the matrix's cursor line.
  var provincesGreenShort: String {
    switch language {
    case .vi: "tỉnh xanh"
    case .en: "provinces green"
    }
  }

  /// Before a deadline date.
  var deadlineWord: String {
    switch language {
    case .vi: "hạn"
    case .en: "due"
    }
  }
}

// MARK: overview columns and compact header (issue 12, items 8 and 20)

extension Strings {
  /// The overview's column of provincial criteria past their deadline and not green.
  var overdueColumn: String {
    switch language {
    case .vi: "Quá hạn"
    case .en: "Overdue"
    }
  }

  /// The overview's column of each province's next deadline.
  var nextDeadlineColumn: String {
    switch language {
    case .vi: "Hạn tới"
    case .en: "Next deadline"
    }
  }

  /// "3 tiêu chí, còn 2 ngày" (a comma: "·" beside a status means "not reported"): a province's criteria not green that fall due at its next
  /// deadline, and the days left to it.
  func nextDeadlineCell(open: Int, daysLeft: Int, format: NumberFormat) -> String {
    let count = format.integer(open)
    let days = format.integer(daysLeft)
    switch language {
    case .vi: return "\(count) tiêu chí, " + (daysLeft == 0 ? "hạn hôm nay" : "còn \(days) ngày")
    case .en:
      let criteria = open == 1 ? "criterion" : "criteria"
      return "\(count) \(criteria), "
        + (daysLeft == 0 ? "due today" : daysLeft == 1 ? "1 day left" : "\(days) days left")
    }
  }

  /// The compact header's short labels of the national provincial and commune figures.
  var provincialShort: String {
    switch language {
    case .vi: "Cấp tỉnh"
    case .en: "Provincial"
    }
  }

  var communesGreenShort: String {
    switch language {
    case .vi: "Cấp xã xanh"
    case .en: "Communes green"
    }
  }

  /// Export headings of the next deadline's days left and criteria not green due then.
  var daysLeftColumn: String {
    switch language {
    case .vi: "Số ngày còn lại"
    case .en: "Days left"
    }
  }

  var openAtNextDeadline: String {
    switch language {
    case .vi: "Chưa xanh đến hạn"
    case .en: "Open at next deadline"
    }
  }
}
