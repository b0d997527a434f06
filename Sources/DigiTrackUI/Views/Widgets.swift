import DigiTrackModel

/// Small pieces every view draws the same way.
extension RenderContext {
  /// A progress bar of `width` cells. Anything above 0 shows at least one filled cell and
  /// anything short of complete leaves one empty, so "almost" never looks like "done".
  func bar(_ fraction: Double?, width: Int) -> [Span] {
    guard width > 0 else { return [] }
    guard let raw = fraction, !raw.isNaN else {
      return [Span(String.repeated(glyphs.barEmpty, count: width), .dim)]
    }
    // value / target of huge or tiny figures can be ∞: clamp before converting to Int.
    let fraction = min(1, max(0, raw))
    var filled = Int((fraction * Double(width)).rounded())
    if fraction > 0 { filled = max(1, filled) }
    if fraction < 1 { filled = min(width - 1, filled) }
    filled = min(width, max(0, filled))
    return [
      Span(String.repeated(glyphs.barFill, count: filled), .barFill),
      Span(String.repeated(glyphs.barEmpty, count: width - filled), .barEmpty),
    ]
  }

  func statusRole(_ status: Status) -> Role {
    switch status {
    case .green: .statusGreen
    case .yellow: .statusYellow
    case .red: .statusRed
    case .notReported: .statusNotReported
    }
  }

  /// The widest glyph-and-word label, so a status column never cuts one ("· Chưa báo c…").
  var statusLabelWidth: Int {
    Status.allCases.map { (glyphs.status($0) + " " + text(strings.statusNames[$0] ?? "")).displayWidth }.max() ?? 0
  }

  /// Glyph and word: colour is never the only carrier of a status.
  func statusLabel(_ status: Status, width: Int) -> Span {
    let word = text(strings.statusNames[status] ?? "")
    return Span((glyphs.status(status) + " " + word).fitted(to: width, ellipsis: glyphs.ellipsis), statusRole(status))
  }

  /// A phase flag for a province at the snapshot's date (`Plan.phaseStatus`).
  func phaseStatus(_ flag: Bool?, phase: Int) -> Status {
    dataset.plan.phaseStatus(flag, phase: phase, on: data.snapshot.date)
  }

  /// A commune-level cell: its level's glyph, in the role of the status it is closest to.
  func communeLevelSpan(_ level: CommuneLevel?) -> Span {
    guard let level else { return Span(glyphs.status(.notReported), .statusNotReported) }
    let role: Role =
      switch level {
      case .all: .statusGreen
      case .most, .half, .few: .statusYellow
      case .none: .statusRed
      }
    return Span(glyphs.communeLevel(level), role)
  }

  /// "✓ 100%  ▓ ≥90%  ▒ ≥50%  ░ <50%  ✗ 0%  · chưa có": what a commune-level cell means.
  /// The heading is the short "Cấp xã" where the long one would not leave room within `width`.
  /// Narrower still, the items are one space apart, so no band is cut.
  func communeLevelLegend(width: Int = .max) -> [Span] {
    func items(gap: String) -> [Span] {
      var items: [Span] = []
      for level in CommuneLevel.allCases {
        var item = communeLevelSpan(level)
        item.text += " " + communeLevelWords(level) + gap
        items.append(item)
      }
      items.append(Span(glyphs.status(.notReported) + " " + ui(strings.noData), .statusNotReported))
      return items
    }
    let heads = [ui(strings.communeLevelsLegend), ui(strings.communes)].map { Span($0 + ": ", .label) }
    for gap in ["  ", " "] {
      for head in heads {
        let spans = [head] + items(gap: gap)
        if spans.reduce(0, { $0 + $1.text.displayWidth }) < width { return spans }
      }
    }
    return [heads[1]] + items(gap: " ")
  }

  /// The band a level stands for, as the legend writes it.
  func communeLevelWords(_ level: CommuneLevel) -> String {
    let dash = unicode ? "–" : "-"
    return switch level {
    case .all: "100%"
    case .most: "90\(dash)99%"
    case .half: "50\(dash)89%"
    case .few: "1\(dash)49%"
    case .none: "0%"
    }
  }

  /// "── Title ──────" across the width.
  func rule(_ title: String, width: Int, extra: String = "") -> Line {
    var line = Line()
    let head = glyphs.rule + glyphs.rule + " "
    line.append(head, .border)
    line.append(ui(title), .header)
    if !extra.isEmpty { line.append(" " + extra, .label) }
    let used = line.width
    if used < width - 1 {
      line.append(" " + String.repeated(glyphs.rule, count: width - used - 1), .border)
    }
    return line
  }

  /// A figure's ratio with a bar, e.g. "████░░ 31/32  96,9% [1]".
  func ratioSpans(_ ratio: Ratio?, barWidth: Int, provenance: Provenance?) -> [Span] {
    var spans = bar(ratio?.fraction, width: barWidth)
    guard let ratio else {
      spans.append(Span(" " + ui(strings.noData), .dim))
      return spans
    }
    spans.append(Span(" " + format.ratio(ratio), .normal))
    spans.append(Span(" " + format.percent(ratio, strings: strings).fitted(to: 6, alignRight: true), .label))
    let mark = marker(provenance)
    if !mark.isEmpty { spans.append(Span(" " + mark, markerRole(provenance))) }
    return spans
  }

  /// Text wrapped to lines of at most `width` columns, breaking at spaces where it can.
  ///
  /// The line being filled keeps its width while all its words stand alone
  /// (`DisplayWidth.standaloneWidth`, whose widths add up), instead of measuring it again for
  /// every word: the province's "still open" line wraps up to one text per criterion.
  func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
    guard width > indent + 4 else { return [text] }
    var lines: [String] = []
    var current = ""
    // The width of `current` when every word in it stands alone; nil to measure it.
    var currentWidth: Int? = 0
    let pad = String.repeated(" ", count: indent)
    for word in text.spaceSeparatedWords {
      var word = String(word)
      let wordWidth = DisplayWidth.standaloneWidth(word)
      let room = width - (lines.isEmpty ? 0 : indent)
      if current.isEmpty {
        current = word
        currentWidth = wordWidth
      } else if (currentWidth ?? current.displayWidth) + 1 + (wordWidth ?? word.displayWidth) <= room {
        current += " " + word
        currentWidth = currentWidth.flatMap { width in wordWidth.map { width + 1 + $0 } }
        continue
      } else {
        lines.append(current)
        current = word
        currentWidth = wordWidth
      }
      // A single word longer than the line (a URL) is cut into pieces.
      let limit = width - indent
      while current.displayWidth > limit {
        var head = ""
        var rest = ""
        var used = 0
        for character in current {
          if used + DisplayWidth.of(character) > limit || !rest.isEmpty {
            rest.append(character)
          } else {
            head.append(character)
            used += DisplayWidth.of(character)
          }
        }
        lines.append(head)
        current = rest
        currentWidth = nil
        word = rest
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }
  }

  /// The list of sources cited by `indices`, numbered as their markers are.
  func sourceLines(_ indices: [Int], width: Int) -> [Line] {
    var lines: [Line] = []
    for index in indices {
      let source = dataset.sources[index]
      let date = source.date.map { format.date($0) } ?? ui(strings.undated)
      let entry = "[\(index + 1)] \(text(source.publisher)): \(text(source.title)) (\(date)) \(source.url)"
      for (position, piece) in wrap(entry, width: width, indent: 4).enumerated() {
        lines.append(Line(piece, position == 0 ? .label : .dim))
      }
    }
    return lines
  }
}
