import DigiTrackModel

/// The parts of the Markdown report that are not tables: a province's headline figures and the
/// legends. Both come from what the screen draws, so the report cannot say something else.
extension ViewExport {
  /// The province view's headline lines (completion, communes, status and phase flags, what is
  /// still open, the change), as the screen writes them at full density, one bullet each; bars
  /// are left out, the figures and marks stay. Laid out unbounded, so "Còn thiếu" names every
  /// criterion still open rather than counting those that do not fit.
  func markdownHeadline(province: Int, context: RenderContext) -> String {
    let view = ProvinceView(context: context, width: 100_000, density: .full, province: province)
    let detail = ProvinceDetail(dataset: data.dataset, aggregates: data.aggregates, province: province)
    // Each figure line is a label span, then the figures: "label: figures".
    var out = view.summaryLines(detail).map { line -> String in
      let label = Self.plainText(Line(Array(line.spans.prefix(1))))
      let figures = Self.plainText(Line(Array(line.spans.dropFirst())))
      return "- **" + Markdown.escape(label) + "**: " + Markdown.escape(figures) + "\n"
    }.joined()
    var lines = view.stillOpenLines(detail)
    if let change = detail.change { lines.append(contentsOf: view.changeLines(change)) }
    out += lines.map { "- " + Markdown.escape(Self.plainText($0)) + "\n" }.joined()
    return out + "\n"
  }

  /// The legends a reader needs for the view's marks: statuses everywhere; commune-level bands and
  /// the criterion codes are the matrix's own table.
  func markdownLegend(view: ViewKind, context: RenderContext) -> String {
    let strings = context.strings
    let statuses = Status.allCases.map { Glyphs.unicode.status($0) + " " + context.ui(strings.statusNames[$0] ?? "") }
    var out = "**\(context.ui(strings.statusLegend))**: " + statuses.joined(separator: " · ") + "\n\n"
    let plan = data.dataset.plan
    guard view != .overview else { return out }
    if !plan.communeCriteria.isEmpty {
      out += "**" + Markdown.escape(Self.plainText(Line(context.communeLevelLegend()))) + "**\n\n"
    }
    // The matrix's criterion codes are its own table (`ExportTables.criteriaLegend`), as in the
    // workbook.
    return out
  }

  /// A line's text without its bars, runs of spaces made one.
  static func plainText(_ line: Line) -> String {
    let text = line.spans.filter { $0.role != .barFill && $0.role != .barEmpty }.map(\.text).joined()
    return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}
