import DigiTrackModel

/// A view as a structured export holds it: the lines that say what it is, then its tables.
///
/// Markdown and the workbook (`export --format xlsx`, the `e` key) are both built from this, so a
/// view that adds its tables to `ViewExport.sections` is exported to every structured format.
public struct ExportDocument: Sendable {
  /// The dataset's title.
  public var title: String
  /// What the document is, one line each: the report date, the data's name (with the demo mark),
  /// the illustrative-figures legend and the modelled-plan note when they apply, the filter.
  public var heading: [String]
  /// The view's tables, the sources table last.
  public var tables: [ExportTable]
  /// The language the headings and status words are in.
  public var language: Language
  /// Whether any figure is illustrative, so a reader needs the `*` legend.
  public var hasIllustrativeFigures: Bool
}

extension ViewExport {
  /// The view's document for a structured format: what Markdown renders and the workbook writes.
  /// `filter` keeps the provinces it matches (overview and matrix), and the heading says so.
  public func document(
    view: ViewKind, province: Int?, filter: String = "", ordering: ProvinceOrdering = .standard
  ) -> ExportDocument {
    let (tables, note) = structured(view: view, filter: filter, ordering: ordering)
    let province = province ?? data.aggregates.rankOrder.first ?? 0
    return document(view: view, province: province, tables: tables, filterNote: note)
  }

  func document(view: ViewKind, province: Int, tables: ExportTables, filterNote: String?) -> ExportDocument {
    let context = tables.context
    let snapshot = data.snapshot
    var heading = [
      "\(context.ui(context.strings.report)): \(context.format.date(snapshot.date)) (\(context.text(snapshot.label)))",
      "\(context.ui(context.strings.data)): \(context.dataName)",
    ]
    if let next = NextDeadline(plan: data.dataset.plan, on: snapshot.date) {
      heading[1] += " · " + context.strings.nextDeadline(next, date: context.format.date(next.date))
    }
    if data.dataset.hasIllustrativeFigures { heading.append(context.ui(context.strings.illustrativeLegend)) }
    if view != .overview, data.dataset.plan.provenance.isIllustrative {
      heading.append(context.ui(context.strings.modelledPlan))
    }
    if let filterNote { heading.append(filterNote) }
    if view == .province { heading.append(context.text(data.dataset.provinces[province].name)) }
    return ExportDocument(
      title: context.text(data.dataset.title), heading: heading,
      tables: sections(view: view, province: province, tables: tables), language: options.language,
      hasIllustrativeFigures: data.dataset.hasIllustrativeFigures)
  }

  /// The tables of each view, in order, the sources last. A new view adds its case here and is
  /// exported to Markdown and to a workbook alike.
  func sections(view: ViewKind, province: Int, tables: ExportTables) -> [ExportTable] {
    var sections: [ExportTable]
    switch view {
    case .overview: sections = [tables.metrics(), tables.nationalFigures(), tables.provinces()]
    case .matrix: sections = [tables.matrix(), tables.criteriaLegend(words: true)]
    case .province: sections = [tables.criteria(province: province), tables.communeCriteria(province: province)]
    case .overdue: sections = [tables.overdue(), tables.overdueByCriterion()]
    case .trend: sections = [tables.trendByProvince()]
    }
    sections.append(tables.sources())
    return sections
  }
}
