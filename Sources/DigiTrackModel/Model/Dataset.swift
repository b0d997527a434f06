/// A validated DigiTrack dataset: the plan, the provinces and their reports at one or more dates.
///
/// Every cross-reference in the file (a criterion's group, a report's province, a `src`) has been
/// resolved to an index by the loader, so nothing here can dangle.
public struct Dataset: Sendable {
  public static let formatVersion = "digitrack/1"

  public var title: LocalizedText
  public var asOf: CalendarDate
  public var sources: [Source]
  public var plan: Plan
  public var regions: [Region]
  public var provinces: [Province]
  /// Oldest first; never empty.
  public var snapshots: [Snapshot]

  public init(
    title: LocalizedText, asOf: CalendarDate, sources: [Source], plan: Plan, regions: [Region],
    provinces: [Province], snapshots: [Snapshot]
  ) {
    self.title = title
    self.asOf = asOf
    self.sources = sources
    self.plan = plan
    self.regions = regions
    self.provinces = provinces
    self.snapshots = snapshots
  }

  public var latest: Snapshot { snapshots[snapshots.count - 1] }

  /// Whether any figure in the dataset is illustrative rather than sourced.
  public var hasIllustrativeFigures: Bool {
    regions.contains { $0.provenance.isIllustrative }
      || provinces.contains { $0.units.provenance.isIllustrative }
      || snapshots.contains { snapshot in
        snapshot.metrics.contains { $0.provenance.isIllustrative }
          || snapshot.reports.contains { $0?.hasIllustrativeFigures ?? false }
      }
  }

  public func source(of provenance: Provenance) -> Source? {
    if case .source(let index) = provenance { return sources[index] }
    return nil
  }
}

public struct Source: Sendable, Hashable {
  public var id: String
  public var title: String
  public var publisher: String
  public var url: String
  /// Publication date; nil when the source does not show one.
  public var date: CalendarDate?
}

public struct Region: Sendable {
  public var id: String
  public var name: LocalizedText
  public var provenance: Provenance
}

public enum ProvinceType: String, Sendable {
  case city
  case province
}

public struct Province: Sendable {
  public var code: String
  public var name: String
  public var aliases: [String]
  public var type: ProvinceType
  public var region: Int
  public var units: UnitCounts
}

/// How many commune-level units a province has, by kind.
public struct UnitCounts: Sendable {
  public var total: Int
  public var wards: Int
  public var communes: Int
  public var specialZones: Int
  public var provenance: Provenance
}

/// A national (central) figure such as "party-member records cleaned".
public struct Metric: Sendable {
  public enum Qualifier: String, Sendable {
    case over
    case about
  }

  public var id: String
  public var label: LocalizedText
  public var value: Double
  public var target: Double?
  public var unit: LocalizedText
  public var qualifier: Qualifier?
  public var provenance: Provenance
}

/// Everything reported at one date.
public struct Snapshot: Sendable {
  public var date: CalendarDate
  public var label: LocalizedText
  public var metrics: [Metric]
  /// Indexed like `Dataset.provinces`; nil where a province did not report.
  public var reports: [Report?]

  public init(date: CalendarDate, label: LocalizedText, metrics: [Metric], reports: [Report?]) {
    self.date = date
    self.label = label
    self.metrics = metrics
    self.reports = reports
  }
}
