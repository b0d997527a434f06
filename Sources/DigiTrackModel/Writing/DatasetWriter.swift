/// Writes a `Dataset` back as a `digitrack/1` file (docs/FORMAT.md): the one writer, so `template`
/// and anything else that saves data produce files the loader reads back to the same dataset.
/// Keys come in the order the format lists them; the output is deterministic.
public enum DatasetWriter {
  public static func json(_ dataset: Dataset) -> [UInt8] {
    var out = Writer(dataset: dataset)
    out.writeDataset()
    return Array(out.text.utf8)
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
  public static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

private struct Writer {
  let dataset: Dataset
  var text = ""
  /// Every criterion's id and every status word, quoted once: a national dataset writes them
  /// for each of its thousands of units.
  let quotedIDs: [String]
  let quotedStatuses: [Status: String]

  init(dataset: Dataset) {
    self.dataset = dataset
    quotedIDs = dataset.plan.criteria.map { DatasetWriter.quoted($0.id) }
    quotedStatuses = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, DatasetWriter.quoted($0.jsonName)) })
  }

  func q(_ value: String) -> String { DatasetWriter.quoted(value) }
  func localized(_ value: LocalizedText) -> String { "{\"vi\": \(q(value.vi)), \"en\": \(q(value.en))}" }
  func src(_ provenance: Provenance) -> String {
    switch provenance {
    case .illustrative: q("illustrative")
    case .source(let index): q(dataset.sources[index].id)
    }
  }
  func number(_ value: Double) -> String {
    value.rounded() == value && value.magnitude < 9e15 ? String(Int(value)) : String(value)
  }

  mutating func writeDataset() {
    text += "{\n  \"format\": \(q(Dataset.formatVersion)),\n  \"title\": \(localized(dataset.title)),\n"
    text += "  \"asOf\": \(q(dataset.asOf.description)),\n  \"sources\": ["
    text += dataset.sources.map { source in
      var fields = [
        "\"id\": \(q(source.id))", "\"title\": \(q(source.title))", "\"publisher\": \(q(source.publisher))",
      ]
      fields.append("\"url\": \(q(source.url))")
      if let date = source.date { fields.append("\"date\": \(q(date.description))") }
      return "\n    {" + fields.joined(separator: ", ") + "}"
    }.joined(separator: ",")
    text += dataset.sources.isEmpty ? "],\n" : "\n  ],\n"
    plan()
    text += "  \"regions\": [\n"
    text += dataset.regions.map {
      "    {\"id\": \(q($0.id)), \"name\": \(localized($0.name)), \"src\": \(src($0.provenance))}"
    }
    .joined(separator: ",\n")
    text += "\n  ],\n  \"provinces\": [\n"
    text += dataset.provinces.map(province).joined(separator: ",\n")
    text += "\n  ],\n  \"snapshots\": [\n"
    text += dataset.snapshots.map(snapshot).joined(separator: ",\n")
    text += "\n  ]\n}\n"
  }

  mutating func plan() {
    let plan = dataset.plan
    text += "  \"plan\": {\n    \"code\": \(q(plan.code)),\n    \"name\": \(localized(plan.name)),\n"
    text += "    \"issued\": \(q(plan.issued.description)),\n    \"src\": \(src(plan.provenance)),\n"
    text +=
      "    \"phases\": [\n"
      + plan.phases.map {
        "      {\"number\": \($0.number), \"name\": \(localized($0.name)), \"deadline\": \(q($0.deadline.description))}"
      }.joined(separator: ",\n") + "\n    ],\n"
    for (key, categories) in [("groups", plan.groups), ("pillars", plan.pillars), ("blocks", plan.blocks)] {
      text +=
        "    \(q(key)): [\n"
        + categories.map { "      {\"id\": \(q($0.id)), \"name\": \(localized($0.name))}" }
        .joined(separator: ",\n") + "\n    ],\n"
    }
    text +=
      "    \"criteria\": [\n"
      + plan.criteria.map { criterion in
        "      {\"id\": \(q(criterion.id)), \"name\": \(localized(criterion.name)), \"level\": \(q(criterion.level.rawValue)), "
          + "\"phase\": \(criterion.phase), \"group\": \(q(plan.groups[criterion.group].id)), "
          + "\"pillar\": \(q(plan.pillars[criterion.pillar].id)), \"block\": \(q(plan.blocks[criterion.block].id))"
          + (criterion.deadline.map { ", \"deadline\": \(q($0.description))" } ?? "") + "}"
      }.joined(separator: ",\n") + "\n    ]\n  },\n"
  }

  func province(_ province: Province) -> String {
    var out = "    {\"code\": \(q(province.code)), \"name\": \(q(province.name)), "
    if !province.aliases.isEmpty { out += "\"aliases\": [" + province.aliases.map(q).joined(separator: ", ") + "], " }
    out += "\"type\": \(q(province.type.rawValue)), \"region\": \(q(dataset.regions[province.region].id)),\n"
    let units = province.units
    out += "     \"units\": {\"total\": \(units.total), \"wards\": \(units.wards), \"communes\": \(units.communes), "
    out += "\"specialZones\": \(units.specialZones), \"src\": \(src(units.provenance))}}"
    return out
  }

  func snapshot(_ snapshot: Snapshot) -> String {
    var out = "    {\"date\": \(q(snapshot.date.description)), \"label\": \(localized(snapshot.label)),\n"
    out += "     \"metrics\": [" + snapshot.metrics.map(metric).joined(separator: ",") + "],\n"
    let reports = snapshot.reports.enumerated().compactMap { index, report in
      report.map { self.report($0, province: dataset.provinces[index].code) }
    }
    out += "     \"reports\": [\n" + reports.joined(separator: ",\n") + "\n     ]}"
    return out
  }

  func metric(_ metric: Metric) -> String {
    var fields = [
      "\"id\": \(q(metric.id))", "\"label\": \(localized(metric.label))", "\"value\": \(number(metric.value))",
    ]
    if let target = metric.target { fields.append("\"target\": \(number(target))") }
    fields.append("\"unit\": \(localized(metric.unit))")
    if let qualifier = metric.qualifier { fields.append("\"qualifier\": \(q(qualifier.rawValue))") }
    fields.append("\"src\": \(src(metric.provenance))")
    return "\n      {" + fields.joined(separator: ", ") + "}"
  }

  /// A status map; a status with a `doneOn` date is written in object form, the others as words
  /// (each id and word quoted once per file, not once per status).
  func statuses(_ ids: [Int], doneOn: (Int) -> CalendarDate? = { _ in nil }, _ status: (Int) -> Status) -> String {
    var out = "{"
    for (position, id) in ids.enumerated() {
      if position > 0 { out += ", " }
      out += quotedIDs[id]
      out += ": "
      let word = quotedStatuses[status(position)] ?? "\"\""
      if let date = doneOn(position) {
        out += "{\"status\": \(word), \"doneOn\": \"\(date)\"}"
      } else {
        out += word
      }
    }
    return out + "}"
  }

  func report(_ report: Report, province code: String) -> String {
    let plan = dataset.plan
    var out = "      {\"province\": \(q(code)),\n       \"provincial\": {\"statuses\": "
    out += statuses(plan.provincialCriteria, doneOn: { report.provincialDoneOn[$0] }) { report.provincialStatuses[$0] }
    out += ", \"src\": \(src(report.provincialProvenance))"
    if let count = report.reportedCount {
      out += ", \"reported\": {\"done\": \(count.done), \"total\": \(count.total), \"src\": \(src(count.provenance))}"
    }
    let communes = report.communes
    out += "},\n       \"communes\": {"
    if let green = communes.green { out += "\"green\": \(green), " }
    out += "\"total\": \(communes.total), "
    let counted = zip(plan.communeCriteria, communes.byCriterion).compactMap { id, count in
      count.map { "\(q(plan.criteria[id].id)): \($0)" }
    }
    if !counted.isEmpty { out += "\"byCriterion\": {" + counted.joined(separator: ", ") + "}, " }
    if let units = communes.units {
      out +=
        "\"units\": ["
        + (0..<units.count).map { unit in
          "\n        {\"code\": \(q(units.codes[unit])), \"name\": \(q(units.names[unit])), \"kind\": \(q(units.kinds[unit].rawValue)), "
            + "\"statuses\": "
            + statuses(plan.communeCriteria, doneOn: { units.doneOn[unit * units.criteriaCount + $0] }) {
              units.status(unit: unit, criterion: $0)
            } + "}"
        }.joined(separator: ",") + "], "
    }
    out += "\"src\": \(src(communes.provenance))}"
    if let flags = report.phaseGreen {
      let known = flags.flags.enumerated().compactMap { index, flag in flag.map { "\"\(index + 1)\": \($0)" } }
      out +=
        ",\n       \"phaseGreen\": {" + (known + ["\"src\": \(src(flags.provenance))"]).joined(separator: ", ") + "}"
    }
    return out + "}"
  }
}
