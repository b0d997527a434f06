import DigiTrackModel

/// A criterion's timeliness as the screens draw it: a glyph and words, never colour alone. The
/// glyphs are the status glyphs (so they fall back to ASCII with them), with `!` for lateness and
/// a circle for work not started, which no status glyph says.
extension RenderContext {
  /// Two columns: `✓ ` on time, `✓!` done late, `◐ ` in progress, `✗!` overdue, `○ ` not
  /// started, `· ` not reported.
  func timelinessGlyph(_ value: Timeliness) -> String { value.glyph(glyphs, unicode: unicode) }

  func timelinessRole(_ value: Timeliness) -> Role {
    switch value {
    case .doneOnTime: .statusGreen
    case .doneUndated: .statusGreen
    case .doneLate, .inProgress: .statusYellow
    case .overdue: .statusRed
    case .notStarted: .normal
    case .notReported: .statusNotReported
    }
  }

  /// `✗! quá hạn 153 ngày` where it fits in `width`, else the compact `✗! 153`, else the words cut.
  func timelinessLabel(_ value: Timeliness, width: Int) -> Span {
    let text = timelinessGlyph(value) + " " + ui(strings.timeliness(value))
    let compact = timelinessCompact(value)
    let shown = text.displayWidth > width && compact.displayWidth <= width ? compact : text
    return Span(shown.fitted(to: width, ellipsis: glyphs.ellipsis), timelinessRole(value))
  }

  /// `✗! 153`, `◐ 2`, `✓`: the glyph and the days alone, for a narrow screen. The glyph says the
  /// class (`!` late, `?` undated), the number its days, and the legend under the table says both,
  /// so a cut word ("xong…") never stands for a class.
  func timelinessCompact(_ value: Timeliness) -> String {
    let glyph = timelinessGlyph(value).trimmingSpaces
    let days: Int? =
      switch value {
      case .doneLate(let days), .overdue(let days): days
      case .inProgress(let left), .notStarted(let left): left
      case .doneOnTime, .doneUndated, .notReported: nil
      }
    return days.map { glyph + " " + format.integer($0) } ?? glyph
  }

  /// The classes with their glyphs, for the legend under the criteria table (wrapped to `width`).
  func timelinessLegend(width: Int) -> [Line] {
    let samples: [Timeliness] = [
      .doneOnTime, .doneLate(days: 1), .doneUndated, .inProgress(daysLeft: 1), .overdue(days: 1),
      .notStarted(daysLeft: 1),
      .notReported,
    ]
    var lines: [Line] = []
    var line = Line(" " + ui(strings.timelinessLegend) + ":", .label)
    for sample in samples {
      let item = " " + timelinessGlyph(sample).trimmingSpaces + " " + ui(strings.timelinessName(sample.id))
      if line.width + item.displayWidth + 1 > width {
        lines.append(line)
        line = Line(" ", .label)
      }
      line.append(item + " ", timelinessRole(sample))
    }
    lines.append(line)
    return lines
  }
}

extension Timeliness {
  func glyph(_ glyphs: Glyphs, unicode: Bool) -> String {
    switch self {
    case .doneOnTime: glyphs.status(.green) + " "
    case .doneLate: glyphs.status(.green) + "!"
    case .doneUndated: glyphs.status(.green) + "?"
    case .inProgress: glyphs.status(.yellow) + " "
    case .overdue: glyphs.status(.red) + "!"
    case .notStarted: (unicode ? "○" : "o") + " "
    case .notReported: glyphs.status(.notReported) + " "
    }
  }

  /// The class back from an export's `timeliness` id and `timeliness_days` (for Markdown).
  init?(id: String, days: Int?) {
    switch id {
    case "done_on_time": self = .doneOnTime
    case "done_late": self = .doneLate(days: days ?? 0)
    case "done_undated": self = .doneUndated
    case "in_progress": self = .inProgress(daysLeft: days ?? 0)
    case "overdue": self = .overdue(days: days ?? 0)
    case "not_started": self = .notStarted(daysLeft: days ?? 0)
    case "not_reported": self = .notReported
    default: return nil
    }
  }
}
