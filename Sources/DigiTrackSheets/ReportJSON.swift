import DigiTrackModel

/// One report as JSON, from the model or from a form.
struct ReportJSON {
  let dataset: Dataset
  let src: (Provenance) -> JSON

  func json(_ draft: DatasetJSONWriter.ReportDraft, province: Int) -> JSON {
    let plan = dataset.plan
    let provincialIDs = plan.provincialCriteria.map { plan.criteria[$0].id }
    let communeIDs = plan.communeCriteria.map { plan.criteria[$0].id }
    func statuses(_ values: [Status], _ ids: [String]) -> JSON {
      .object(zip(ids, values).map { ($0, .string($1.jsonName)) })
    }
    func units(codes: [String], names: [String], kinds: [UnitKind], values: [Status]) -> JSON {
      let count = communeIDs.count
      return .array(
        codes.indices.map { unit in
          .object([
            ("code", .string(codes[unit])), ("name", .string(names[unit])), ("kind", .string(kinds[unit].rawValue)),
            ("statuses", statuses(Array(values[(unit * count)..<((unit + 1) * count)]), communeIDs)),
          ])
        })
    }
    func counts(green: Int?, byCriterion: [Int?], total: Int) -> [(String, JSON)] {
      var fields: [(String, JSON)] = []
      if let green { fields.append(("green", .int(green))) }
      fields.append(("total", .int(total)))
      let known = zip(communeIDs, byCriterion).compactMap { id, value in value.map { (id, JSON.int($0)) } }
      if !known.isEmpty { fields.append(("byCriterion", .object(known))) }
      return fields
    }
    var fields: [(String, JSON)] = [("province", .string(dataset.provinces[province].code))]
    switch draft {
    case .existing(let report):
      var provincial: [(String, JSON)] = [
        ("statuses", statuses(report.provincialStatuses, provincialIDs)), ("src", src(report.provincialProvenance)),
      ]
      if let reported = report.reportedCount {
        provincial.append(
          (
            "reported",
            .object([("done", .int(reported.done)), ("total", .int(reported.total)), ("src", src(reported.provenance))])
          ))
      }
      fields.append(("provincial", .object(provincial)))
      let communes = report.communes
      var communeFields = counts(green: communes.green, byCriterion: communes.byCriterion, total: communes.total)
      if let list = communes.units {
        communeFields.append(
          ("units", units(codes: list.codes, names: list.names, kinds: list.kinds, values: list.statuses)))
      }
      communeFields.append(("src", src(communes.provenance)))
      fields.append(("communes", .object(communeFields)))
      if let phaseGreen = report.phaseGreen {
        var flags: [(String, JSON)] = phaseGreen.flags.enumerated().compactMap { index, flag in
          flag.map { (String(index + 1), JSON.bool($0)) }
        }
        flags.append(("src", src(phaseGreen.provenance)))
        fields.append(("phaseGreen", .object(flags)))
      }
    case .imported(let report, let source):
      fields.append(
        ("provincial", .object([("statuses", statuses(report.statuses, provincialIDs)), ("src", src(source))])))
      let total = dataset.provinces[province].units.total
      var communeFields: [(String, JSON)]
      switch report.communes {
      case .counts(let green, let byCriterion)?:
        communeFields = counts(green: green, byCriterion: byCriterion, total: total)
      case .units(let codes, let names, let kinds, let values)?:
        communeFields = [
          ("total", .int(total)), ("units", units(codes: codes, names: names, kinds: kinds, values: values)),
        ]
      case nil:
        communeFields = [("total", .int(total))]
      }
      communeFields.append(("src", src(source)))
      fields.append(("communes", .object(communeFields)))
    }
    return .object(fields)
  }
}

/// The little JSON tree the writer builds: objects keep their key order.
indirect enum JSON {
  case string(String)
  case int(Int)
  case number(Double)
  case bool(Bool)
  case array([JSON])
  case object([(String, JSON)])

  /// Appends UTF-8 bytes: a national dataset is megabytes, and String appends were a fifth of
  /// `import`'s time.
  func write(to output: inout [UInt8], indent: Int) {
    func spaces(_ count: Int) { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    switch self {
    case .string(let text): JSON.quote(text, into: &output)
    case .int(let value): output.append(contentsOf: String(value).utf8)
    case .number(let value):
      let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
      output.append(contentsOf: text.utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .array(let items):
      if items.isEmpty {
        output.append(contentsOf: "[]".utf8)
        return
      }
      output.append(contentsOf: "[\n".utf8)
      for (index, item) in items.enumerated() {
        spaces(indent + 2)
        item.write(to: &output, indent: indent + 2)
        output.append(contentsOf: (index + 1 < items.count ? ",\n" : "\n").utf8)
      }
      spaces(indent)
      output.append(UInt8(ascii: "]"))
    case .object(let fields):
      if fields.isEmpty {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(contentsOf: "{\n".utf8)
      for (index, (key, value)) in fields.enumerated() {
        spaces(indent + 2)
        JSON.quote(key, into: &output)
        output.append(contentsOf: ": ".utf8)
        value.write(to: &output, indent: indent + 2)
        output.append(contentsOf: (index + 1 < fields.count ? ",\n" : "\n").utf8)
      }
      spaces(indent)
      output.append(UInt8(ascii: "}"))
    }
  }

  /// The model's JSON string quoting, so the import writes strings exactly as template does.
  static func quote(_ text: String, into output: inout [UInt8]) {
    output.append(contentsOf: DatasetWriter.quoted(text).utf8)
  }
}
