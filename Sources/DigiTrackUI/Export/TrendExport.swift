import DigiTrackModel

/// The trend view's data in long form, for `export --view trend --format csv|json`: one row per
/// report date × province × figure, national rows with the province code "national".
extension ExportTables {
  func trendRows() -> ExportTable {
    let strings = context.strings
    let columns = [
      ("date", strings.report), ("provinceCode", strings.code), ("provinceName", strings.province),
      ("figure", strings.criterionID), ("value", strings.value), ("total", strings.target),
      ("illustrative", strings.illustrativeMark), ("source", strings.sources),
    ].map { ExportTable.Column(key: $0.0, title: context.ui($0.1)) }
    let trend = data.trend
    var rows: [[ExportValue]] = []
    func add(_ point: Trend.Point?, code: String, name: String, figure: String) {
      guard let point else { return }
      rows.append([
        .date(point.date), .text(code), .text(name), .text(figure), .number(point.value),
        point.total.map { .number($0) } ?? .none, .flag(point.derivation.isIllustrative),
        derivedSource(point.derivation),
      ])
    }
    for index in trend.dates.indices {
      for series in trend.national {
        add(series.points[index], code: "national", name: "", figure: series.id)
      }
      for (province, seriesList) in trend.provinces.enumerated() {
        let place = dataset.provinces[province]
        for series in seriesList {
          add(series.points[index], code: place.code, name: place.name, figure: series.id)
        }
      }
    }
    return ExportTable(title: context.ui(strings.trendTitle), columns: columns, rows: rows)
  }

  /// The Markdown trend's table: each province's provincial criteria at each report date (the
  /// latest twelve), with the source mark of each value.
  func trendByProvince() -> ExportTable {
    let strings = context.strings
    let trend = data.trend
    let dates = trend.dates.indices.suffix(12)
    let columns =
      [
        ExportTable.Column(key: "code", title: context.ui(strings.code)),
        .init(key: "name", title: context.ui(strings.province)),
      ]
      + dates.map { ExportTable.Column(key: trend.dates[$0].description, title: context.format.date(trend.dates[$0])) }
    let rows: [[ExportValue]] = dataset.provinces.indices.map { province in
      let series = trend.provinces[province][0]
      return [.text(dataset.provinces[province].code), .text(dataset.provinces[province].name)]
        + dates.map { index -> ExportValue in
          guard let point = series.points[index] else { return .none }
          let ratio = Ratio(Int(point.value), of: Int(point.total ?? 0))
          return .text(context.format.ratio(ratio) + context.marked(point.derivation.marker))
        }
    }
    return ExportTable(
      title: context.ui(strings.provincialCriteria) + " · " + context.ui(strings.trendTitle), columns: columns,
      rows: rows)
  }
}
