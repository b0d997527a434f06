/// Figures over every report date, for the trend view, the overview's sparklines and the trend
/// export. Built once per dataset from one `Aggregates` per snapshot (provinces × criteria each;
/// the loader counted the communes), so it grows linearly with the number of snapshots.
public struct Trend: Sendable {
  /// One value of a figure at one report date: `value` out of `total` (a target, or the number
  /// counted), and what it rests on.
  public struct Point: Sendable, Hashable {
    public let date: CalendarDate
    public let value: Double
    /// The whole the value is a part of; nil for a metric without a target.
    public let total: Double?
    public let derivation: Derivation

    /// The value as a share of its total, for charts; nil without a total.
    public var fraction: Double? {
      guard let total, total > 0 else { return nil }
      return min(1, max(0, value / total))
    }
  }

  /// A figure's id and label, and its value at each report date (nil where it has none).
  public struct Series: Sendable {
    /// `provinces_green`, `provincial_criteria`, `communes_green`, or `metric:<id>`.
    public let id: String
    public let label: LocalizedText?
    /// Whether the figure has a target (a metric's), which the chart marks.
    public let hasTarget: Bool
    /// Indexed like `Dataset.snapshots`.
    public let points: [Point?]

    /// Whether any value shown rests on an illustrative input.
    public var isIllustrative: Bool { points.contains { $0?.derivation.isIllustrative ?? false } }
  }

  public static let provincesGreen = "provinces_green"
  public static let provincialCriteria = "provincial_criteria"
  public static let communesGreen = "communes_green"

  public let dates: [CalendarDate]
  /// Provinces fully green, provincial criteria, communes green, then each metric with a target.
  public let national: [Series]
  /// Per province (indexed like `Dataset.provinces`): provincial criteria, then communes green.
  public let provinces: [[Series]]

  public init(dataset: Dataset) {
    let all = dataset.snapshots.indices.map { Aggregates(dataset: dataset, snapshotIndex: $0) }
    self.init(dataset: dataset, aggregates: all)
  }

  /// `aggregates` holds one `Aggregates` per snapshot, in order.
  public init(dataset: Dataset, aggregates all: [Aggregates]) {
    dates = dataset.snapshots.map(\.date)
    let dates = self.dates
    func ratio(_ ratio: Ratio, _ index: Int, _ derivation: Derivation) -> Point? {
      ratio.total > 0
        ? Point(date: dates[index], value: Double(ratio.done), total: Double(ratio.total), derivation: derivation) : nil
    }
    var national: [Series] = [
      Series(
        id: Self.provincesGreen, label: nil, hasTarget: false,
        points: all.enumerated().map { index, aggregates in
          let summary = aggregates.national
          return ratio(
            Ratio(summary.fullyGreen, of: summary.provinceCount), index,
            summary.fullyGreenDerivation + summary.phaseGreenDerivation)
        }),
      Series(
        id: Self.provincialCriteria, label: nil, hasTarget: false,
        points: all.enumerated().map { ratio($1.national.provincial, $0, $1.national.provincialDerivation) }),
      Series(
        id: Self.communesGreen, label: nil, hasTarget: false,
        points: all.enumerated().map { ratio($1.national.communes, $0, $1.national.communesDerivation) }),
    ]
    // Each metric that has a target at some date, in the order it first appears.
    var metricIDs: [String] = []
    var labels: [String: LocalizedText] = [:]
    for snapshot in dataset.snapshots {
      for metric in snapshot.metrics where metric.target != nil && labels[metric.id] == nil {
        metricIDs.append(metric.id)
        labels[metric.id] = metric.label
      }
    }
    for id in metricIDs {
      let points = dataset.snapshots.enumerated().map { index, snapshot -> Point? in
        guard let metric = snapshot.metrics.first(where: { $0.id == id }) else { return nil }
        return Point(
          date: dates[index], value: metric.value, total: metric.target, derivation: Derivation([metric.provenance]))
      }
      national.append(Series(id: "metric:" + id, label: labels[id], hasTarget: true, points: points))
    }
    self.national = national
    provinces = dataset.provinces.indices.map { province in
      [
        Series(
          id: Self.provincialCriteria, label: nil, hasTarget: false,
          points: all.enumerated().map { index, aggregates in
            let summary = aggregates.provinces[province]
            return summary.reported ? ratio(summary.provincial, index, summary.provincialDerivation) : nil
          }),
        Series(
          id: Self.communesGreen, label: nil, hasTarget: false,
          points: all.enumerated().map { index, aggregates in
            let summary = aggregates.provinces[province]
            return summary.commune.flatMap { ratio($0, index, summary.communeDerivation) }
          }),
      ]
    }
  }
}
