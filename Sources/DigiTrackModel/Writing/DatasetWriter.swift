/// Writes a `Dataset` back as a `digitrack/1` file (docs/FORMAT.md): the one writer, so `template`
/// and anything else that saves data produce files the loader reads back to the same dataset.
/// Keys come in the order the format lists them; the output is deterministic.
///
/// The JSON is written as bytes into one buffer, reserved once from the dataset's size: `import`
/// writes a national file with every commune after reading the forms, and appending to a `String`
/// piece by piece cost a quarter of its time.
public enum DatasetWriter {
  public static func json(_ dataset: Dataset) -> [UInt8] {
    json(dataset, unitsToSplit: Writer.unitsToSplit)
  }

  /// The same bytes, a snapshot's reports written in two halves side by side from `unitsToSplit`
  /// units (`Writer.reports`); tests pass a small number to compare the halves with one pass.
  static func json(_ dataset: Dataset, unitsToSplit: Int) -> [UInt8] {
    var out = Writer(dataset: dataset, unitsToSplit: unitsToSplit)
    out.writeDataset()
    return out.bytes
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
  public static func quoted(_ value: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count + 2)
    appendQuoted(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same, appended to `out`. Every byte below 0x20 is a control character (UTF-8 never uses
  /// one inside a longer sequence), so escaping the bytes escapes the characters.
  static func appendQuoted(_ value: String, to out: inout [UInt8]) {
    out.append(0x22)
    var value = value
    value.withUTF8 { bytes in
      var start = 0
      for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    out.append(0x22)
  }
}

struct Writer {
  let dataset: Dataset
  /// From how many units in a snapshot its reports are written in two halves side by side.
  let unitsToSplit: Int
  var bytes: [UInt8] = []
  /// Every criterion's id and every status word, quoted once: a national dataset writes them
  /// for each of its thousands of units.
  let quotedIDs: [[UInt8]]
  /// By the status's raw value: an array index, not a hash, per status written.
  let quotedStatuses: [[UInt8]]

  init(dataset: Dataset, unitsToSplit: Int, reserving capacity: Int? = nil) {
    self.dataset = dataset
    self.unitsToSplit = unitsToSplit
    quotedIDs = dataset.plan.criteria.map { Self.quotedBytes($0.id) }
    var words = [[UInt8]](repeating: [], count: Status.allCases.count)
    for status in Status.allCases { words[Int(status.rawValue)] = Self.quotedBytes(status.jsonName) }
    quotedStatuses = words
    bytes.reserveCapacity(capacity ?? Self.estimate(dataset))
  }

  static func quotedBytes(_ value: String) -> [UInt8] {
    var out: [UInt8] = []
    DatasetWriter.appendQuoted(value, to: &out)
    return out
  }

  /// Bytes enough for the whole file, near enough that the buffer grows at most once: the plan
  /// and provinces, and per report its statuses and every unit's line.
  static func estimate(_ dataset: Dataset) -> Int {
    let plan = dataset.plan
    var size = 16_384 + plan.criteria.count * 400 + dataset.provinces.count * 300
    for snapshot in dataset.snapshots {
      size += 512 + snapshot.metrics.count * 300
      for report in snapshot.reports {
        guard let report else { continue }
        size += 400 + plan.provincialCriteria.count * 16
        if let units = report.communes.units {
          size += units.count * (100 + plan.communeCriteria.count * 16)
          for name in units.names { size += name.utf8.count }
        }
      }
    }
    return size
  }

  // MARK: Pieces

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func q(_ value: String) { DatasetWriter.appendQuoted(value, to: &bytes) }

  mutating func int(_ value: Int) {
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(magnitude % 10) + 0x30)
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  mutating func localized(_ value: LocalizedText) {
    raw("{\"vi\": ")
    q(value.vi)
    raw(", \"en\": ")
    q(value.en)
    raw("}")
  }

  mutating func src(_ provenance: Provenance) {
    switch provenance {
    case .illustrative: raw("\"illustrative\"")
    case .source(let index): q(dataset.sources[index].id)
    }
  }

  mutating func number(_ value: Double) {
    if value.rounded() == value && value.magnitude < 9e15 {
      int(Int(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
  }

  /// `separator` between the items of `items`, each written by `write`.
  mutating func list<Items: Collection>(
    _ items: Items, separator: StaticString, _ write: (inout Writer, Items.Element) -> Void
  ) {
    var first = true
    for item in items {
      if !first { raw(separator) }
      first = false
      write(&self, item)
    }
  }

  // MARK: The file

  mutating func writeDataset() {
    raw("{\n  \"format\": ")
    q(Dataset.formatVersion)
    raw(",\n  \"title\": ")
    localized(dataset.title)
    raw(",\n  \"asOf\": ")
    q(dataset.asOf.description)
    raw(",\n  \"sources\": [")
    list(dataset.sources, separator: ",") { out, source in
      out.raw("\n    {\"id\": ")
      out.q(source.id)
      out.raw(", \"title\": ")
      out.q(source.title)
      out.raw(", \"publisher\": ")
      out.q(source.publisher)
      out.raw(", \"url\": ")
      out.q(source.url)
      if let date = source.date {
        out.raw(", \"date\": ")
        out.q(date.description)
      }
      out.raw("}")
    }
    if dataset.sources.isEmpty { raw("],\n") } else { raw("\n  ],\n") }
    plan()
    raw("  \"regions\": [\n")
    list(dataset.regions, separator: ",\n") { out, region in
      out.raw("    {\"id\": ")
      out.q(region.id)
      out.raw(", \"name\": ")
      out.localized(region.name)
      out.raw(", \"src\": ")
      out.src(region.provenance)
      out.raw("}")
    }
    raw("\n  ],\n  \"provinces\": [\n")
    list(dataset.provinces, separator: ",\n") { out, province in out.province(province) }
    raw("\n  ],\n  \"snapshots\": [\n")
    list(dataset.snapshots, separator: ",\n") { out, snapshot in out.snapshot(snapshot) }
    raw("\n  ]\n}\n")
  }

  mutating func plan() {
    let plan = dataset.plan
    raw("  \"plan\": {\n    \"code\": ")
    q(plan.code)
    raw(",\n    \"name\": ")
    localized(plan.name)
    raw(",\n    \"issued\": ")
    q(plan.issued.description)
    raw(",\n    \"src\": ")
    src(plan.provenance)
    raw(",\n    \"phases\": [\n")
    list(plan.phases, separator: ",\n") { out, phase in
      out.raw("      {\"number\": ")
      out.int(phase.number)
      out.raw(", \"name\": ")
      out.localized(phase.name)
      out.raw(", \"deadline\": ")
      out.q(phase.deadline.description)
      out.raw("}")
    }
    raw("\n    ],\n")
    for (key, categories) in [("groups", plan.groups), ("pillars", plan.pillars), ("blocks", plan.blocks)] {
      raw("    ")
      q(key)
      raw(": [\n")
      list(categories, separator: ",\n") { out, category in
        out.raw("      {\"id\": ")
        out.q(category.id)
        out.raw(", \"name\": ")
        out.localized(category.name)
        out.raw("}")
      }
      raw("\n    ],\n")
    }
    raw("    \"criteria\": [\n")
    list(plan.criteria, separator: ",\n") { out, criterion in
      out.raw("      {\"id\": ")
      out.q(criterion.id)
      out.raw(", \"name\": ")
      out.localized(criterion.name)
      out.raw(", \"level\": ")
      out.q(criterion.level.rawValue)
      out.raw(", \"phase\": ")
      out.int(criterion.phase)
      out.raw(", \"group\": ")
      out.q(plan.groups[criterion.group].id)
      out.raw(", \"pillar\": ")
      out.q(plan.pillars[criterion.pillar].id)
      out.raw(", \"block\": ")
      out.q(plan.blocks[criterion.block].id)
      if let deadline = criterion.deadline {
        out.raw(", \"deadline\": ")
        out.q(deadline.description)
      }
      out.raw("}")
    }
    raw("\n    ]\n  },\n")
  }

  mutating func province(_ province: Province) {
    raw("    {\"code\": ")
    q(province.code)
    raw(", \"name\": ")
    q(province.name)
    raw(", ")
    if !province.aliases.isEmpty {
      raw("\"aliases\": [")
      list(province.aliases, separator: ", ") { out, alias in out.q(alias) }
      raw("], ")
    }
    raw("\"type\": ")
    q(province.type.rawValue)
    raw(", \"region\": ")
    q(dataset.regions[province.region].id)
    raw(",\n")
    let units = province.units
    raw("     \"units\": {\"total\": ")
    int(units.total)
    raw(", \"wards\": ")
    int(units.wards)
    raw(", \"communes\": ")
    int(units.communes)
    raw(", \"specialZones\": ")
    int(units.specialZones)
    raw(", \"src\": ")
    src(units.provenance)
    raw("}}")
  }

  mutating func snapshot(_ snapshot: Snapshot) {
    raw("    {\"date\": ")
    q(snapshot.date.description)
    raw(", \"label\": ")
    localized(snapshot.label)
    raw(",\n     \"metrics\": [")
    list(snapshot.metrics, separator: ",") { out, metric in out.metric(metric) }
    raw("],\n     \"reports\": [\n")
    reports(snapshot.reports.indices.compactMap { index in snapshot.reports[index].map { (index, $0) } })
    raw("\n     ]}")
  }

  mutating func metric(_ metric: Metric) {
    raw("\n      {\"id\": ")
    q(metric.id)
    raw(", \"label\": ")
    localized(metric.label)
    raw(", \"value\": ")
    number(metric.value)
    if let target = metric.target {
      raw(", \"target\": ")
      number(target)
    }
    raw(", \"unit\": ")
    localized(metric.unit)
    if let qualifier = metric.qualifier {
      raw(", \"qualifier\": ")
      q(qualifier.rawValue)
    }
    raw(", \"src\": ")
    src(metric.provenance)
    raw("}")
  }

  /// A status map; a status with a `doneOn` date is written in object form, the others as words
  /// (each id and word quoted once per file, not once per status).
  mutating func statuses(_ ids: [Int], doneOn: [Int: CalendarDate], offset: Int = 0, _ status: (Int) -> Status) {
    raw("{")
    for (position, id) in ids.enumerated() {
      if position > 0 { raw(", ") }
      bytes.append(contentsOf: quotedIDs[id])
      raw(": ")
      let word = quotedStatuses[Int(status(position).rawValue)]
      if !doneOn.isEmpty, let date = doneOn[offset + position] {
        raw("{\"status\": ")
        bytes.append(contentsOf: word)
        raw(", \"doneOn\": ")
        q(date.description)
        raw("}")
      } else {
        bytes.append(contentsOf: word)
      }
    }
    raw("}")
  }

  mutating func report(_ report: Report, province code: String) {
    let plan = dataset.plan
    raw("      {\"province\": ")
    q(code)
    raw(",\n       \"provincial\": {\"statuses\": ")
    statuses(plan.provincialCriteria, doneOn: report.provincialDoneOn) { report.provincialStatuses[$0] }
    raw(", \"src\": ")
    src(report.provincialProvenance)
    if let count = report.reportedCount {
      raw(", \"reported\": {\"done\": ")
      int(count.done)
      raw(", \"total\": ")
      int(count.total)
      raw(", \"src\": ")
      src(count.provenance)
      raw("}")
    }
    let communes = report.communes
    raw("},\n       \"communes\": {")
    if let green = communes.green {
      raw("\"green\": ")
      int(green)
      raw(", ")
    }
    raw("\"total\": ")
    int(communes.total)
    raw(", ")
    let counted = zip(plan.communeCriteria, communes.byCriterion).filter { $0.1 != nil }
    if !counted.isEmpty {
      raw("\"byCriterion\": {")
      list(counted, separator: ", ") { out, entry in
        out.q(out.dataset.plan.criteria[entry.0].id)
        out.raw(": ")
        out.int(entry.1!)
      }
      raw("}, ")
    }
    if let units = communes.units {
      raw("\"units\": [")
      list(0..<units.count, separator: ",") { out, unit in
        out.raw("\n        {\"code\": ")
        out.q(units.codes[unit])
        out.raw(", \"name\": ")
        out.q(units.names[unit])
        out.raw(", \"kind\": ")
        out.q(units.kinds[unit].rawValue)
        out.raw(", \"statuses\": ")
        out.statuses(plan.communeCriteria, doneOn: units.doneOn, offset: unit * units.criteriaCount) {
          units.status(unit: unit, criterion: $0)
        }
        out.raw("}")
      }
      raw("], ")
    }
    raw("\"src\": ")
    src(communes.provenance)
    raw("}")
    if let flags = report.phaseGreen {
      raw(",\n       \"phaseGreen\": {")
      for (index, flag) in flags.flags.enumerated() {
        guard let flag else { continue }
        raw("\"")
        int(index + 1)
        raw("\": ")
        if flag { raw("true") } else { raw("false") }
        raw(", ")
      }
      raw("\"src\": ")
      src(flags.provenance)
      raw("}")
    }
    raw("}")
  }
}
