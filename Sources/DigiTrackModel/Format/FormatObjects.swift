/// The objects of the format, field by field (docs/FORMAT.md describes each in prose).
extension FormatSpec {
  public static let dataset = Object(
    name: "dataset", doc: "One DigiTrack dataset.",
    fields: [
      required("format", .constant(version), "format and version; required"),
      required("title", .text, "dataset title"),
      required("asOf", .date, "the date the dataset describes (normally the newest snapshot's date)"),
      required("sources", .array(of: "source"), "every source cited by a `src`"),
      required("plan", .object("plan"), "the plan that is tracked"),
      required("regions", .array(of: "region"), "regions used to group provinces"),
      required("provinces", .array(of: "province"), "the provincial-level units (34 nationally)"),
      required("snapshots", .array(of: "snapshot"), "report dates, oldest first"),
    ])

  public static let text = Object(
    name: "text", doc: "Localised text: Vietnamese and English, both required and non-empty.",
    fields: [required("vi", .plainString), required("en", .plainString)])

  public static let source = Object(
    name: "source", doc: "A cited source.",
    fields: [
      required("id", .identifier), required("title", .plainString), required("publisher", .plainString),
      required("url", .url), optional("date", .date, "the publication date; left out when the source shows none"),
    ])

  public static let plan = Object(
    name: "plan", doc: "The plan that is tracked.",
    fields: [
      required("code", .plainString, "e.g. `02-KH/BCĐTW`"),
      required("name", .text),
      required("issued", .date),
      required("src", .sourceRef, "where the plan's structure comes from"),
      required("phases", .array(of: "phase"), "`number` is 1, 2, … in order; deadlines strictly increase"),
      required("groups", .array(of: "namedItem"), "task groups (8 in Plan 02)"),
      required("pillars", .array(of: "namedItem"), "pillars (7 at the 2025 review)"),
      required("blocks", .array(of: "namedItem"), "blocks of the political system (4)"),
      required("criteria", .array(of: "criterion")),
    ])

  public static let phase = Object(
    name: "phase", doc: "One phase of the plan.",
    fields: [required("number", .phaseNumber), required("name", .text), required("deadline", .date)])

  /// A task group, pillar or block.
  public static let namedItem = Object(
    name: "namedItem", doc: "A task group, pillar or block.",
    fields: [required("id", .identifier), required("name", .text)])

  public static let criterion = Object(
    name: "criterion", doc: "One criterion of the plan.",
    fields: [
      required("id", .identifier), required("name", .text), required("level", .words(levels.map(\.word))),
      required("phase", .phaseNumber), required("group", .identifier), required("pillar", .identifier),
      required("block", .identifier),
      optional("deadline", .date, "the criterion's own deadline; its phase's deadline applies when left out"),
    ])

  public static let region = Object(
    name: "region", doc: "A region used to group provinces.",
    fields: [required("id", .identifier), required("name", .text), required("src", .sourceRef)])

  public static let province = Object(
    name: "province", doc: "A provincial-level unit.",
    fields: [
      required("code", .identifier, "official code (Decision 19/2025/QĐ-TTg), e.g. `\"20\"`"),
      required("name", .plainString, "Vietnamese name with diacritics, e.g. `\"Lạng Sơn\"`; unique"),
      optional("aliases", .strings, "optional other spellings that search also matches (`\"Thanh Hoá\"`)"),
      required("type", .words(provinceTypes.map(\.word)), "centrally-run city (thành phố) or province (tỉnh)"),
      required("region", .identifier),
      required("units", .object("provinceUnits"), "commune-level units; the three kinds add up to `total`"),
    ])

  public static let provinceUnits = Object(
    name: "provinceUnits", doc: "The commune-level units of a province.",
    fields: [
      required("total", .count), required("wards", .count), required("communes", .count),
      required("specialZones", .count), required("src", .sourceRef),
    ])

  public static let snapshot = Object(
    name: "snapshot", doc: "One report date.",
    fields: [
      required("date", .date, "report date; snapshots are in strictly increasing date order"),
      required("label", .text, "e.g. \"Sơ kết giai đoạn 1\""),
      required("metrics", .array(of: "metric"), "national (central) figures at this date"),
      required("reports", .array(of: "report"), "at most one per province"),
    ])

  public static let metric = Object(
    name: "metric", doc: "A national figure.",
    fields: [
      required("id", .identifier), required("label", .text), required("value", .amount),
      optional("target", .amount), required("unit", .text), optional("qualifier", .words(qualifiers.map(\.word))),
      required("src", .sourceRef),
    ])

  public static let report = Object(
    name: "report", doc: "One province at one snapshot.",
    fields: [
      required("province", .identifier), required("provincial", .object("provincialPart")),
      required("communes", .object("communesPart")), optional("phaseGreen", .object("phaseGreen")),
    ])

  public static let provincialPart = Object(
    name: "provincialPart", doc: "The provincial-level criteria of a report.",
    fields: [
      required("statuses", .statusMap), required("src", .sourceRef),
      optional("reported", .object("reportedCount")),
    ])

  public static let reportedCount = Object(
    name: "reportedCount", doc: "A published count, e.g. 31/32; must agree with the statuses.",
    fields: [required("done", .count), required("total", .count), required("src", .sourceRef)])

  public static let communesPart = Object(
    name: "communesPart", doc: "Commune-level completion of a report.",
    fields: [
      optional("green", .count), optional("total", .count), optional("byCriterion", .countMap),
      optional("units", .array(of: "unit")), required("src", .sourceRef),
    ])

  public static let unit = Object(
    name: "unit", doc: "One commune-level unit and its commune-level criterion statuses.",
    fields: [
      required("code", .identifier), required("name", .plainString), required("kind", .words(unitKinds.map(\.word))),
      required("statuses", .statusMap),
    ])

  /// A status in object form, beside the plain word: the status and the date the criterion was
  /// done. `doneOn` dates a green status for timeliness (else the first snapshot that shows it
  /// green is taken); it may not be after the snapshot's date, and only a green status takes it.
  public static let statusEntry = Object(
    name: "statusEntry", doc: "A status in object form: the status word and, for green, the date it was done.",
    fields: [
      required("status", .words(statuses.map(\.word))),
      optional("doneOn", .date, "the date the criterion was done; only on green, not after the snapshot's date"),
    ])

  /// Every object with a fixed key list (phaseGreen's keys are phase numbers).
  public static let objects: [Object] = [
    dataset, text, source, plan, phase, namedItem, criterion, region, province, provinceUnits, snapshot, metric,
    report, provincialPart, reportedCount, communesPart, unit, statusEntry,
  ]
}
