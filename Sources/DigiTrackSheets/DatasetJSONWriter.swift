import DigiTrackModel

/// Writes a dataset as DigiTrack JSON (docs/FORMAT.md), with some snapshots replaced.
///
/// The model has no public writer yet (the generator writes its own synthetic files), so `import`
/// and `merge` bring this one. It writes every field the loader reads, in the order FORMAT.md lists
/// them, so `load(write(d))` gives back `d`; the round-trip test holds it to that.
public enum DatasetJSONWriter {
  /// A snapshot to write: the dataset's own, or one with imported reports.
  public struct SnapshotDraft: Sendable {
    public var date: CalendarDate
    public var label: LocalizedText
    public var metrics: [Metric]
    /// Indexed like `Dataset.provinces`.
    public var reports: [ReportDraft?]

    public init(_ snapshot: Snapshot) {
      date = snapshot.date
      label = snapshot.label
      metrics = snapshot.metrics
      reports = snapshot.reports.map { $0.map(ReportDraft.existing) }
    }

    public init(date: CalendarDate, label: LocalizedText, provinces: Int) {
      self.date = date
      self.label = label
      metrics = []
      reports = Array(repeating: nil, count: provinces)
    }
  }

  public enum ReportDraft: Sendable {
    case existing(Report)
    /// An imported report and the `src` its figures cite.
    case imported(ImportedReport, source: Provenance)
  }

  public static func write(_ dataset: Dataset, snapshots: [SnapshotDraft]? = nil) -> String {
    let drafts = snapshots ?? dataset.snapshots.map(SnapshotDraft.init)
    let plan = dataset.plan
    func src(_ provenance: Provenance) -> JSON { .string(dataset.source(of: provenance)?.id ?? "illustrative") }
    func text(_ value: LocalizedText) -> JSON { .object([("vi", .string(value.vi)), ("en", .string(value.en))]) }
    func category(_ value: Category) -> JSON { .object([("id", .string(value.id)), ("name", text(value.name))]) }
    let sources: [JSON] = dataset.sources.map { source in
      var fields: [(String, JSON)] = [
        ("id", .string(source.id)), ("title", .string(source.title)), ("publisher", .string(source.publisher)),
        ("url", .string(source.url)),
      ]
      if let date = source.date { fields.append(("date", .string(date.description))) }
      return .object(fields)
    }
    let criteria: [JSON] = plan.criteria.map { criterion in
      var fields: [(String, JSON)] = [
        ("id", .string(criterion.id)), ("name", text(criterion.name)), ("level", .string(criterion.level.rawValue)),
        ("phase", .int(criterion.phase)), ("group", .string(plan.groups[criterion.group].id)),
        ("pillar", .string(plan.pillars[criterion.pillar].id)), ("block", .string(plan.blocks[criterion.block].id)),
      ]
      if let deadline = criterion.deadline { fields.append(("deadline", .string(deadline.description))) }
      return .object(fields)
    }
    let planJSON: JSON = .object([
      ("code", .string(plan.code)), ("name", text(plan.name)), ("issued", .string(plan.issued.description)),
      ("src", src(plan.provenance)),
      (
        "phases",
        .array(
          plan.phases.map {
            .object([
              ("number", .int($0.number)), ("name", text($0.name)), ("deadline", .string($0.deadline.description)),
            ])
          })
      ),
      ("groups", .array(plan.groups.map(category))), ("pillars", .array(plan.pillars.map(category))),
      ("blocks", .array(plan.blocks.map(category))), ("criteria", .array(criteria)),
    ])
    let regions: [JSON] = dataset.regions.map {
      .object([("id", .string($0.id)), ("name", text($0.name)), ("src", src($0.provenance))])
    }
    let provinces: [JSON] = dataset.provinces.map { province in
      var fields: [(String, JSON)] = [("code", .string(province.code)), ("name", .string(province.name))]
      if !province.aliases.isEmpty { fields.append(("aliases", .array(province.aliases.map(JSON.string)))) }
      fields += [
        ("type", .string(province.type.rawValue)), ("region", .string(dataset.regions[province.region].id)),
        (
          "units",
          .object([
            ("total", .int(province.units.total)), ("wards", .int(province.units.wards)),
            ("communes", .int(province.units.communes)), ("specialZones", .int(province.units.specialZones)),
            ("src", src(province.units.provenance)),
          ])
        ),
      ]
      return .object(fields)
    }
    let snapshotsJSON: [JSON] = drafts.map { draft in
      let metrics: [JSON] = draft.metrics.map { metric in
        var fields: [(String, JSON)] = [
          ("id", .string(metric.id)), ("label", text(metric.label)), ("value", .number(metric.value)),
        ]
        if let target = metric.target { fields.append(("target", .number(target))) }
        fields.append(("unit", text(metric.unit)))
        if let qualifier = metric.qualifier { fields.append(("qualifier", .string(qualifier.rawValue))) }
        fields.append(("src", src(metric.provenance)))
        return .object(fields)
      }
      var reports: [JSON] = []
      for (province, report) in draft.reports.enumerated() {
        guard let report else { continue }
        reports.append(ReportJSON(dataset: dataset, src: src).json(report, province: province))
      }
      return .object([
        ("date", .string(draft.date.description)), ("label", text(draft.label)), ("metrics", .array(metrics)),
        ("reports", .array(reports)),
      ])
    }
    let asOf = max(dataset.asOf, drafts.last?.date ?? dataset.asOf)
    let top: JSON = .object([
      ("format", .string(Dataset.formatVersion)), ("title", text(dataset.title)), ("asOf", .string(asOf.description)),
      ("sources", .array(sources)), ("plan", planJSON), ("regions", .array(regions)),
      ("provinces", .array(provinces)), ("snapshots", .array(snapshotsJSON)),
    ])
    var output: [UInt8] = []
    output.reserveCapacity(1 << 20)
    top.write(to: &output, indent: 0)
    output.append(UInt8(ascii: "\n"))
    return String(decoding: output, as: UTF8.self)
  }
}
