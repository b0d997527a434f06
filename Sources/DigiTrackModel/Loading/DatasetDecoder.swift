import Foundation

/// Turns a parsed JSON document into a `Dataset`, checking every rule of the format as it goes
/// (docs/FORMAT.md). It never stops at the first problem: it reports as many as it can find.
final class DatasetDecoder {
  private let context = DecodeContext()
  private var sourceIndex: [String: Int] = [:]
  private var sources: [Source] = []
  private var phaseCount = 0
  /// Indexed by phase number - 1; nil where that phase's deadline is invalid.
  private var phaseDeadlines: [CalendarDate?] = []
  /// Ids that are in the file but whose entry was refused for another reason ("kind:id"). A later
  /// reference to one is not reported as unknown: the entry's own error is the one to fix.
  private var broken: Set<String> = []
  /// Kinds whose whole list could not be read (not an array): no reference to them is checked.
  private var unavailable: Set<String> = []
  /// Provincial-level criteria in the file, counting those refused for another reason.
  private var declaredProvincial = 0
  private var criterionIndex: [String: Int] = [:]
  /// The UTF-8 bytes of each criterion id, indexed like `criteria`.
  private var criterionKeys = PackedKeys()
  /// For each level (provincial, commune): the criterion last seen at each position of a status map.
  private var predictedCriteria: [[Int]] = [[], []]
  private var statusScratch: [Status] = []
  private var seenScratch: [Bool] = []
  /// For each criterion index: its position among the criteria of its level.
  private var levelOrdinal: [Int] = []
  private var criteria: [Criterion] = []
  private var provincialCount = 0
  private var communeCount = 0
  /// Plan indices of the commune-level criteria, in order.
  private var communeCriteria: [Int] = []
  private var regionIndex: [String: Int] = [:]
  private var provinceIndex: [String: Int] = [:]
  private var provinces: [Province] = []

  private func markBroken(_ kind: String, _ id: String) { broken.insert(kind + ":" + id) }

  private func isBroken(_ kind: String, _ id: String) -> Bool {
    unavailable.contains(kind) || broken.contains(kind + ":" + id)
  }

  /// Decodes `root`; returns the dataset, or nil with `diagnostics` saying why.
  static func decode(_ root: JSONValue) -> (Dataset?, [Diagnostic]) {
    let decoder = DatasetDecoder()
    let dataset = decoder.dataset(root)
    let diagnostics = decoder.context.finishedDiagnostics()
    return (decoder.context.hasErrors ? nil : dataset, diagnostics)
  }

  private func dataset(_ root: JSONValue) -> Dataset? {
    guard
      let fields = Fields(
        root,
        keys: ["format", "title", "asOf", "sources", "plan", "regions", "provinces", "snapshots"],
        context: context)
    else { return nil }

    if let format = fields.required("format") {
      context.at("format") {
        if format.kind != .string || !format.equals("digitrack/1") {
          let found = format.stringValue.map(quoted) ?? format.kind.noun
          context.error("expected \"\(Dataset.formatVersion)\", found \(found); this DigiTrack reads format version 1")
        }
      }
    }
    let title = fields.required("title").flatMap { v in context.at("title") { context.text(v) } }
    let asOf = fields.required("asOf").flatMap { v in context.at("asOf") { context.date(v) } }
    if let value = fields.required("sources") { context.at("sources") { decodeSources(value) } }
    let plan = fields.required("plan").flatMap { v in context.at("plan") { self.plan(v) } }
    let regions = fields.required("regions").flatMap { v in context.at("regions") { self.regions(v) } } ?? []
    if let value = fields.required("provinces") { context.at("provinces") { decodeProvinces(value) } }
    let snapshots = fields.required("snapshots").flatMap { v in context.at("snapshots") { self.snapshots(v) } } ?? []

    if let asOf, let first = snapshots.first, asOf < first.date {
      context.error("asOf \(asOf) is before the first snapshot (\(first.date))", key: "asOf")
    }
    guard let title, let asOf, let plan, !snapshots.isEmpty, !context.hasErrors else { return nil }
    return Dataset(
      title: title, asOf: asOf, sources: sources, plan: plan, regions: regions,
      provinces: provinces, snapshots: snapshots)
  }

  // MARK: - Sources and provenance

  private func decodeSources(_ value: JSONValue) {
    guard let list = context.array(value) else {
      unavailable.insert("source")
      return
    }
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, keys: ["id", "title", "publisher", "url", "date"], context: context)
        else { return }
        let id = fields.required("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let title = fields.required("title").flatMap { v in context.at("title") { context.string(v) } }
        let publisher = fields.required("publisher").flatMap { v in context.at("publisher") { context.string(v) } }
        let url = fields.required("url").flatMap { v in context.at("url") { context.string(v) } }
        let date = fields.optional("date").flatMap { v in context.at("date") { context.date(v) } }
        var valid = fields.optional("date") == nil || date != nil
        if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
          context.error("\(quoted(url)) is not an http(s) URL", key: "url")
          valid = false
        }
        guard let id else { return }
        if sourceIndex[id] != nil {
          context.error("duplicate source id \"\(id)\"", key: "id")
          return
        }
        if id == "illustrative" {
          context.error("\"illustrative\" is reserved for figures without a source", key: "id")
          return
        }
        guard let title, let publisher, let url, valid else {
          markBroken("source", id)
          return
        }
        sourceIndex[id] = sources.count
        sources.append(Source(id: id, title: title, publisher: publisher, url: url, date: date))
      }
    }
  }

  /// Reads the required `src` of a figure-holding object.
  private func provenance(_ fields: Fields) -> Provenance? {
    guard let value = fields.required("src") else { return nil }
    return context.at("src") {
      if value.kind == .string, value.equals("illustrative") { return .illustrative }
      guard let id = context.identifier(value) else { return nil }
      return sourceReference(id)
    }
  }

  private func sourceReference(_ id: String) -> Provenance? {
    guard let index = sourceIndex[id] else {
      if !isBroken("source", id) {
        context.error("unknown source \"\(id)\" (give the id of an entry in sources, or \"illustrative\")")
      }
      return nil
    }
    return .source(index)
  }

  // MARK: - Plan

  private func plan(_ value: JSONValue) -> Plan? {
    guard
      let fields = Fields(
        value,
        keys: ["code", "name", "issued", "src", "phases", "groups", "pillars", "blocks", "criteria"],
        context: context)
    else { return nil }
    let code = fields.required("code").flatMap { v in context.at("code") { context.string(v) } }
    let name = fields.required("name").flatMap { v in context.at("name") { context.text(v) } }
    let issued = fields.required("issued").flatMap { v in context.at("issued") { context.date(v) } }
    let provenance = provenance(fields)
    let phases = fields.required("phases").flatMap { v in context.at("phases") { self.phases(v) } } ?? []
    phaseCount = max(phases.count, phaseDeadlines.count)
    let groups =
      fields.required("groups").flatMap { v in context.at("groups") { categories(v, kind: "task group") } } ?? []
    let pillars =
      fields.required("pillars").flatMap { v in context.at("pillars") { categories(v, kind: "pillar") } } ?? []
    let blocks = fields.required("blocks").flatMap { v in context.at("blocks") { categories(v, kind: "block") } } ?? []
    if let value = fields.required("criteria") {
      context.at("criteria") {
        decodeCriteria(value, groups: groups, pillars: pillars, blocks: blocks)
      }
    }
    if let issued, let first = phases.first, first.deadline < issued {
      context.warning("phase 1 deadline \(first.deadline) is before the plan was issued (\(issued))", key: "phases")
    }
    guard let code, let name, let issued, let provenance else { return nil }
    return Plan(
      code: code, name: name, issued: issued, provenance: provenance, phases: phases,
      groups: groups, pillars: pillars, blocks: blocks, criteria: criteria)
  }

  private func phases(_ value: JSONValue) -> [Phase]? {
    guard let list = context.array(value) else { return nil }
    var phases: [Phase] = []
    phaseDeadlines = Array(repeating: nil, count: value.count)
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, keys: ["number", "name", "deadline"], context: context)
        else { return }
        let number = fields.required("number").flatMap { v in context.at("number") { context.count(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.text(v) } }
        let deadline = fields.required("deadline").flatMap { v in context.at("deadline") { context.date(v) } }
        if let number, number != position + 1 {
          context.error(
            "phases are numbered 1, 2, … in order: expected \(position + 1), found \(number)", key: "number")
        }
        if let deadline, let previous = phases.last, deadline <= previous.deadline {
          context.error(
            "phase deadlines must increase: \(deadline) is not after phase \(previous.number)'s \(previous.deadline)",
            key: "deadline")
        }
        phaseDeadlines[position] = deadline
        guard let name, let deadline else { return }
        phases.append(Phase(number: position + 1, name: name, deadline: deadline))
      }
    }
    if phases.isEmpty && !context.hasErrors { context.error("the plan needs at least one phase") }
    return phases
  }

  private func categories(_ value: JSONValue, kind: String) -> [Category]? {
    guard let list = context.array(value) else {
      unavailable.insert(kind)
      return nil
    }
    var categories: [Category] = []
    var seen: Set<String> = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, keys: ["id", "name"], context: context) else { return }
        let id = fields.required("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.text(v) } }
        guard let id else { return }
        guard seen.insert(id).inserted else {
          context.error("duplicate id \"\(id)\"", key: "id")
          return
        }
        guard let name else {
          markBroken(kind, id)
          return
        }
        categories.append(Category(id: id, name: name))
      }
    }
    return categories
  }

  /// Positions by id, for references: a linear search per criterion would make a plan with many
  /// groups and many criteria quadratic.
  private func positions(_ list: [Category]) -> [String: Int] {
    Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  private func reference(_ fields: Fields, _ key: StaticString, in list: [String: Int], kind: String) -> Int? {
    guard let value = fields.required(key) else { return nil }
    return context.at("\(key)") {
      guard let id = context.identifier(value) else { return nil }
      guard let index = list[id] else {
        if !isBroken(kind, id) { context.error("unknown \(kind) \"\(id)\"") }
        return nil
      }
      return index
    }
  }

  private func decodeCriteria(
    _ value: JSONValue, groups: [Category], pillars: [Category], blocks: [Category]
  ) {
    guard let list = context.array(value) else {
      unavailable.insert("criterion")
      return
    }
    let (groupIndex, pillarIndex, blockIndex) = (positions(groups), positions(pillars), positions(blocks))
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, keys: ["id", "name", "level", "phase", "group", "pillar", "block"],
            context: context)
        else { return }
        let id = fields.required("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.text(v) } }
        let level = fields.required("level").flatMap { v in
          context.at("level") { context.word(v, [("provincial", Level.provincial), ("commune", Level.commune)]) }
        }
        let phase = fields.required("phase").flatMap { v in context.at("phase") { context.count(v) } }
        if let phase, !(1...max(1, phaseCount)).contains(phase) || phaseCount == 0 {
          context.error("unknown phase \(phase) (the plan has \(phaseCount))", key: "phase")
        }
        let group = reference(fields, "group", in: groupIndex, kind: "task group")
        let pillar = reference(fields, "pillar", in: pillarIndex, kind: "pillar")
        let block = reference(fields, "block", in: blockIndex, kind: "block")
        guard let id else { return }
        if criterionIndex[id] != nil {
          context.error("duplicate criterion id \"\(id)\"", key: "id")
          return
        }
        if level == .provincial { declaredProvincial += 1 }
        guard let name, let level, let phase, phase >= 1, phase <= phaseCount, let group, let pillar, let block
        else {
          markBroken("criterion", id)
          return
        }
        criterionIndex[id] = criteria.count
        criterionKeys.append(id)
        switch level {
        case .provincial:
          levelOrdinal.append(provincialCount)
          provincialCount += 1
        case .commune:
          communeCriteria.append(criteria.count)
          levelOrdinal.append(communeCount)
          communeCount += 1
        }
        criteria.append(
          Criterion(id: id, name: name, level: level, phase: phase, group: group, pillar: pillar, block: block))
      }
    }
    if provincialCount == 0 && !context.hasErrors {
      context.error("the plan needs at least one provincial-level criterion")
    }
  }

  // MARK: - Regions and provinces

  private func regions(_ value: JSONValue) -> [Region]? {
    guard let list = context.array(value) else {
      unavailable.insert("region")
      return nil
    }
    var regions: [Region] = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, keys: ["id", "name", "src"], context: context) else { return }
        let id = fields.required("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.text(v) } }
        let provenance = provenance(fields)
        guard let id else { return }
        if regionIndex[id] != nil {
          context.error("duplicate region id \"\(id)\"", key: "id")
          return
        }
        guard let name, let provenance else {
          markBroken("region", id)
          return
        }
        regionIndex[id] = regions.count
        regions.append(Region(id: id, name: name, provenance: provenance))
      }
    }
    return regions
  }

  private func decodeProvinces(_ value: JSONValue) {
    guard let list = context.array(value) else {
      unavailable.insert("province")
      return
    }
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, keys: ["code", "name", "aliases", "type", "region", "units"], context: context)
        else { return }
        let code = fields.required("code").flatMap { v in context.at("code") { context.identifier(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.string(v) } }
        var aliases: [String] = []
        if let value = fields.optional("aliases") {
          context.at("aliases") {
            guard let list = context.array(value) else { return }
            for (index, alias) in list.enumerated() {
              if let text = context.at(index, { context.string(alias) }) { aliases.append(text) }
            }
          }
        }
        let type = fields.required("type").flatMap { v in
          context.at("type") { context.word(v, [("city", ProvinceType.city), ("province", ProvinceType.province)]) }
        }
        let region: Int? = fields.required("region").flatMap { v in
          context.at("region") {
            guard let id = context.identifier(v) else { return nil }
            guard let index = regionIndex[id] else {
              if !isBroken("region", id) { context.error("unknown region \"\(id)\"") }
              return nil
            }
            return index
          }
        }
        let units = fields.required("units").flatMap { v in context.at("units") { unitCounts(v) } }
        guard let code else { return }
        if provinceIndex[code] != nil {
          context.error("duplicate province code \"\(code)\"", key: "code")
          return
        }
        guard let name, let type, let region, let units else {
          markBroken("province", code)
          return
        }
        provinceIndex[code] = provinces.count
        provinces.append(
          Province(code: code, name: name, aliases: aliases, type: type, region: region, units: units))
      }
    }
  }

  private func unitCounts(_ value: JSONValue) -> UnitCounts? {
    guard
      let fields = Fields(
        value, keys: ["total", "wards", "communes", "specialZones", "src"], context: context)
    else { return nil }
    let total = fields.required("total").flatMap { v in context.at("total") { context.count(v) } }
    let wards = fields.required("wards").flatMap { v in context.at("wards") { context.count(v) } }
    let communes = fields.required("communes").flatMap { v in context.at("communes") { context.count(v) } }
    let zones = fields.required("specialZones").flatMap { v in context.at("specialZones") { context.count(v) } }
    let provenance = provenance(fields)
    guard let total, let wards, let communes, let zones, let provenance else { return nil }
    let sum = wards + communes + zones  // each at most DecodeContext.maxCount: no overflow
    if sum != total {
      context.error("wards + communes + specialZones = \(sum), but total is \(total)")
      return nil
    }
    return UnitCounts(total: total, wards: wards, communes: communes, specialZones: zones, provenance: provenance)
  }

  // MARK: - Snapshots

  private func snapshots(_ value: JSONValue) -> [Snapshot]? {
    guard let list = context.array(value) else { return nil }
    var snapshots: [Snapshot] = []
    var previousDate: CalendarDate?
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, keys: ["date", "label", "metrics", "reports"], context: context)
        else { return }
        let date = fields.required("date").flatMap { v in context.at("date") { context.date(v) } }
        if let date, let previousDate, date <= previousDate {
          context.error("snapshots must be in increasing date order: \(date) is not after \(previousDate)", key: "date")
        }
        if let date { previousDate = date }
        let label = fields.required("label").flatMap { v in context.at("label") { context.text(v) } }
        let metrics = fields.required("metrics").flatMap { v in context.at("metrics") { self.metrics(v) } } ?? []
        var reports: [Report?] = Array(repeating: nil, count: provinces.count)
        if let value = fields.required("reports") {
          context.at("reports") { decodeReports(value, into: &reports, date: date) }
        }
        guard let date, let label else { return }
        snapshots.append(Snapshot(date: date, label: label, metrics: metrics, reports: reports))
      }
    }
    if value.count == 0 { context.error("at least one snapshot is needed") }
    return snapshots
  }

  private func metrics(_ value: JSONValue) -> [Metric]? {
    guard let list = context.array(value) else { return nil }
    var metrics: [Metric] = []
    var seen: Set<String> = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, keys: ["id", "label", "value", "target", "unit", "qualifier", "src"],
            context: context)
        else { return }
        let id = fields.required("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let label = fields.required("label").flatMap { v in context.at("label") { context.text(v) } }
        let amount = fields.required("value").flatMap { v in context.at("value") { context.amount(v) } }
        let target = fields.optional("target").flatMap { v in context.at("target") { context.amount(v) } }
        let unit = fields.required("unit").flatMap { v in context.at("unit") { context.text(v) } }
        let qualifier = fields.optional("qualifier").flatMap { v in
          context.at("qualifier") { context.word(v, [("over", Metric.Qualifier.over), ("about", .about)]) }
        }
        let provenance = provenance(fields)
        if fields.optional("target") != nil, let target, target == 0 {
          context.error("a target must be above zero", key: "target")
        }
        if let amount, let target, amount > target {
          context.error("value \(amount) is above its target \(target)", key: "value")
        }
        guard let id else { return }
        guard seen.insert(id).inserted else {
          context.error("duplicate metric id \"\(id)\"", key: "id")
          return
        }
        guard let label, let amount, let unit, let provenance else { return }
        metrics.append(
          Metric(
            id: id, label: label, value: amount, target: target, unit: unit, qualifier: qualifier,
            provenance: provenance))
      }
    }
    return metrics
  }

  private func decodeReports(_ value: JSONValue, into reports: inout [Report?], date: CalendarDate?) {
    guard let list = context.array(value) else { return }
    var seen = Array(repeating: false, count: provinces.count)
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, keys: ["province", "provincial", "communes", "phaseGreen"], context: context)
        else { return }
        let province: Int? = fields.required("province").flatMap { v in
          context.at("province") {
            guard let code = context.identifier(v) else { return nil }
            guard let index = provinceIndex[code] else {
              if !isBroken("province", code) { context.error("unknown province code \"\(code)\"") }
              return nil
            }
            if seen[index] {
              context.error("a second report for province \"\(code)\" in the same snapshot")
              return nil
            }
            seen[index] = true
            return index
          }
        }
        let provincial = fields.required("provincial").flatMap { v in
          context.at("provincial") { self.provincial(v, date: date) }
        }
        let communes = fields.required("communes").flatMap { v in
          context.at("communes") { self.communes(v, province: province, date: date) }
        }
        let phaseGreen = fields.optional("phaseGreen").flatMap { v in context.at("phaseGreen") { self.phaseFlags(v) } }
        guard let province, let provincial, let communes else { return }
        reports[province] = Report(
          provincialStatuses: provincial.statuses, provincialProvenance: provincial.provenance,
          reportedCount: provincial.reported, communes: communes, phaseGreen: phaseGreen)
      }
    }
  }

  private func provincial(_ value: JSONValue, date: CalendarDate?) -> (
    statuses: [Status], provenance: Provenance, reported: ReportedCount?
  )? {
    guard let fields = Fields(value, keys: ["statuses", "src", "reported"], context: context) else { return nil }
    let statuses = fields.required("statuses").flatMap { v in
      context.at("statuses") { self.statuses(v, level: .provincial, date: date) }
    }
    let source = provenance(fields)
    var reported: ReportedCount?
    if let value = fields.optional("reported") {
      reported = context.at("reported") { () -> ReportedCount? in
        guard let fields = Fields(value, keys: ["done", "total", "src"], context: context) else { return nil }
        let done = fields.required("done").flatMap { v in context.at("done") { context.count(v) } }
        let total = fields.required("total").flatMap { v in context.at("total") { context.count(v) } }
        let provenance = provenance(fields)
        guard let done, let total, let provenance else { return nil }
        if done > total {
          context.error("done (\(done)) is more than total (\(total))")
          return nil
        }
        if total != declaredProvincial, !unavailable.contains("criterion") {
          context.error(
            "total is \(total), but the plan has \(declaredProvincial) provincial-level criteria", key: "total")
        }
        if let statuses {
          let green = statuses.count { $0 == .green }
          if green != done {
            context.error("done is \(done), but the statuses have \(green) green", key: "done")
          }
        }
        return ReportedCount(done: done, total: total, provenance: provenance)
      }
    }
    guard let statuses, let source else { return nil }
    return (statuses, source, reported)
  }

  /// A map from criterion id to status, for the criteria of one level.
  private func statuses(_ value: JSONValue, level: Level, date: CalendarDate?) -> [Status]? {
    readStatuses(value, level: level, date: date) ? Array(statusScratch[...]) : nil
  }

  /// Reads a status map into `statusScratch`; false (after reporting) when it is not valid.
  private func readStatuses(_ value: JSONValue, level: Level, date: CalendarDate?) -> Bool {
    guard value.isObject else {
      context.error("expected an object mapping criterion ids to statuses, found \(value.kind.noun)")
      return false
    }
    let size = level == .provincial ? provincialCount : communeCount
    // Scratch buffers are reused from one object to the next: no allocation per commune.
    var statuses = statusScratch
    var seen = seenScratch
    statusScratch = []
    seenScratch = []
    defer {
      statusScratch = statuses
      seenScratch = seen
    }
    statuses.removeAll(keepingCapacity: true)
    statuses.append(contentsOf: repeatElement(Status.notReported, count: size))
    seen.removeAll(keepingCapacity: true)
    seen.append(contentsOf: repeatElement(false, count: size))
    var valid = true
    var position = 0
    for (key, member) in value.members {
      defer { position += 1 }
      // The fast path: a known criterion of this level, seen once, with a valid status. Nothing
      // is built for it, not even the key as a String; anything else takes the full path below.
      if let index = criterion(key: key, position: position, level: level), criteria[index].level == level,
        !seen[levelOrdinal[index]], let status = Status(json: member)
      {
        let ordinal = levelOrdinal[index]
        seen[ordinal] = true
        statuses[ordinal] = status
        if status == .red { checkLateRed(criterion: index, key: key, date: date) }
        continue
      }
      let id = String(decoding: key.utf8, as: UTF8.self)
      context.at(component: .key(id)) {
        guard let index = criterionIndex[id] else {
          if !isBroken("criterion", id) { context.error("unknown criterion id \(quoted(id))") }
          valid = false
          return
        }
        let criterion = criteria[index]
        guard criterion.level == level else {
          context.error("\(id) is a \(criterion.level.rawValue)-level criterion, not \(level.rawValue)-level")
          valid = false
          return
        }
        let ordinal = levelOrdinal[index]
        if seen[ordinal] {
          context.error("duplicate key \"\(id)\"")
          valid = false
          return
        }
        seen[ordinal] = true
        guard let status = status(member) else {
          valid = false
          return
        }
        statuses[ordinal] = status
        if status == .red { checkLateRed(criterion: index, key: key, date: date, inPlace: true) }
      }
    }
    return valid
  }

  /// Warns about a red status before its phase's deadline. `inPlace` when the path already ends
  /// at the key.
  private func checkLateRed(criterion index: Int, key: JSONValue, date: CalendarDate?, inPlace: Bool = false) {
    let phase = criteria[index].phase
    guard let date, phase <= phaseDeadlines.count, let deadline = phaseDeadlines[phase - 1], date < deadline
    else { return }
    let message = { "red (late) before the phase \(phase) deadline \(deadline); did you mean yellow?" }
    if inPlace {
      context.warning(message())
    } else {
      context.at(component: .key(String(decoding: key.utf8, as: UTF8.self))) { context.warning(message()) }
    }
  }

  /// The criterion a status key names, found without building a String: files list the same
  /// criteria in the same order in every commune, so the key is first compared with the one at
  /// the same position last time, and looked up by hash only when that differs.
  @inline(__always)
  private func criterion(key: JSONValue, position: Int, level: Level) -> Int? {
    let bytes = key.utf8
    let predictions = level == .provincial ? 0 : 1
    if position < predictedCriteria[predictions].count {
      let guess = predictedCriteria[predictions][position]
      if guess >= 0, criterionKeys.matches(guess, bytes) { return guess }
    }
    guard bytes.count <= 32, let index = criterionIndex[String(decoding: bytes, as: UTF8.self)] else { return nil }
    if position < predictedCriteria[predictions].count {
      predictedCriteria[predictions][position] = index
    } else if position == predictedCriteria[predictions].count {
      predictedCriteria[predictions].append(index)
    }
    return index
  }

  private func status(_ value: JSONValue) -> Status? {
    if let status = Status(json: value) { return status }
    return context.word(
      value,
      [("green", Status.green), ("yellow", .yellow), ("red", .red), ("not_reported", .notReported)])
  }

  private func phaseFlags(_ value: JSONValue) -> PhaseFlags? {
    guard value.kind == .object else {
      context.error("expected an object such as {\"1\": true, \"src\": \"…\"}, found \(value.kind.noun)")
      return nil
    }
    var flags: [Bool?] = Array(repeating: nil, count: phaseCount)
    var provenance: Provenance?
    var sawSource = false
    var valid = true
    for (key, member) in value.members {
      if key.equals("src") {
        if sawSource { context.error("duplicate key \"src\"") }
        sawSource = true
        provenance = context.at("src") { () -> Provenance? in
          if member.kind == .string, member.equals("illustrative") { return .illustrative }
          guard let id = context.identifier(member) else { return nil }
          return sourceReference(id)
        }
        continue
      }
      let name = String(decoding: key.utf8.prefix(40), as: UTF8.self)
      context.at(component: .key(name)) {
        guard let number = Int(name), String(number) == name, (1...max(1, phaseCount)).contains(number), phaseCount > 0
        else {
          context.error("\(quoted(name)) is not a phase number of the plan (1–\(phaseCount)) or \"src\"")
          valid = false
          return
        }
        if flags[number - 1] != nil {
          context.error("duplicate key \"\(name)\"")
          valid = false
          return
        }
        guard let flag = context.bool(member) else {
          valid = false
          return
        }
        flags[number - 1] = flag
      }
    }
    if !sawSource { context.error("missing required key \"src\"") }
    guard valid, let provenance else { return nil }
    return PhaseFlags(flags: flags, provenance: provenance)
  }

  private func communes(_ value: JSONValue, province: Int?, date: CalendarDate?) -> CommuneCompletion? {
    guard
      let fields = Fields(value, keys: ["green", "total", "byCriterion", "units", "src"], context: context)
    else { return nil }
    let provenance = provenance(fields)
    var green = fields.optional("green").flatMap { v in context.at("green") { context.count(v) } }
    let givenTotal = fields.optional("total").flatMap { v in context.at("total") { context.count(v) } }
    let expectedTotal = province.map { provinces[$0].units.total }
    if let givenTotal, let expectedTotal, givenTotal != expectedTotal {
      context.error("total is \(givenTotal), but the province has \(expectedTotal) commune-level units", key: "total")
    }
    guard let total = givenTotal ?? expectedTotal else { return nil }
    if let value = green, value > total {
      context.error("green (\(value)) is more than total (\(total))", key: "green")
      green = nil
    }
    var byCriterion: [Int?] = Array(repeating: nil, count: communeCount)
    if let value = fields.optional("byCriterion") {
      context.at("byCriterion") { decodeCounts(value, into: &byCriterion, total: total, green: green) }
    }
    var units: CommuneUnits?
    if let value = fields.optional("units") {
      units = context.at("units") { self.units(value, total: total, date: date) }
      if let units {
        let counted = (0..<units.count).count { units.isFullyGreen($0) }
        if let green, green != counted {
          context.error("green is \(green), but \(counted) of the units are green on every criterion", key: "green")
        }
        green = counted
        for criterion in 0..<communeCount {
          let counted = (0..<units.count).count { units.status(unit: $0, criterion: criterion) == .green }
          if let given = byCriterion[criterion], given != counted {
            let id = criteria[communeCriteria[criterion]].id
            context.error("byCriterion.\(id) is \(given), but \(counted) of the units are green on it")
          }
          byCriterion[criterion] = counted
        }
      }
    }
    guard let provenance else { return nil }
    return CommuneCompletion(
      green: green, total: total, byCriterion: byCriterion, units: units, provenance: provenance)
  }

  private func decodeCounts(_ value: JSONValue, into counts: inout [Int?], total: Int, green: Int?) {
    guard value.kind == .object else {
      context.error("expected an object mapping commune-level criterion ids to counts, found \(value.kind.noun)")
      return
    }
    for (key, member) in value.members {
      let id = String(decoding: key.utf8.prefix(64), as: UTF8.self)
      context.at(component: .key(id)) {
        guard let index = criterionIndex[id], criteria[index].level == .commune else {
          if criterionIndex[id] == nil && isBroken("criterion", id) { return }
          context.error("\(quoted(id)) is not a commune-level criterion of the plan")
          return
        }
        let ordinal = levelOrdinal[index]
        if counts[ordinal] != nil {
          context.error("duplicate key \"\(id)\"")
          return
        }
        guard let count = context.count(member) else { return }
        if count > total {
          context.error("\(count) is more than the \(total) commune-level units")
          return
        }
        if let green, count < green {
          context.error("\(count) communes green on \(id), but \(green) are green on every criterion")
          return
        }
        counts[ordinal] = count
      }
    }
  }

  // MARK: - The fast path for communes

  /// Reads one commune that has nothing to report, without a `Fields` table, a JSON path or a
  /// String per key. Returns false, having changed nothing, when anything would need a message
  /// (including a warning): the full path then reads the unit again and says what is wrong.
  @inline(__always)
  private func fastUnit(
    _ element: JSONValue, matcher: inout StatusMatcher, date: CalendarDate?, seenCodes: inout Set<String>,
    into result: inout CommuneUnits
  ) -> Bool {
    guard element.isObject else { return false }
    var code: JSONValue?
    var name: JSONValue?
    var kind: JSONValue?
    var statuses: JSONValue?
    for (key, value) in element.members {
      let (word, count) = key.shortString
      if count == 4, word == matcher.code, code == nil {
        code = value
      } else if count == 4, word == matcher.name, name == nil {
        name = value
      } else if count == 4, word == matcher.kind, kind == nil {
        kind = value
      } else if count == 8, word == matcher.statusesKey, statuses == nil {
        statuses = value
      } else {
        return false
      }
    }
    guard let code, let name, let kind, let statuses, let codeText = code.plainIdentifier, name.isString,
      let unitKind = matcher.unitKind(kind)
    else { return false }
    let nameBytes = name.utf8
    guard !nameBytes.isEmpty, nameBytes.count <= DecodeContext.maxTextLength, SafeText.isClean(nameBytes),
      matcher.read(statuses, date: date), seenCodes.insert(codeText).inserted
    else { return false }
    result.codes.append(codeText)
    result.names.append(String(decoding: nameBytes, as: UTF8.self))
    result.kinds.append(unitKind)
    result.statuses.append(contentsOf: matcher.statuses)
    return true
  }

  private func statusMatcher() -> StatusMatcher {
    StatusMatcher(
      keys: criterionKeys, index: criterionIndex, levels: criteria.map(\.level), phases: criteria.map(\.phase),
      levelOrdinal: levelOrdinal, deadlines: phaseDeadlines, size: communeCount, predicted: predictedCriteria[1])
  }

  private func units(_ value: JSONValue, total: Int, date: CalendarDate?) -> CommuneUnits? {
    guard let list = context.array(value) else { return nil }
    if value.count != total {
      context.error("\(value.count) units listed, but the province has \(total)")
    }
    var result = CommuneUnits(codes: [], names: [], kinds: [], statuses: [], criteriaCount: communeCount)
    result.codes.reserveCapacity(value.count)
    result.names.reserveCapacity(value.count)
    result.kinds.reserveCapacity(value.count)
    result.statuses.reserveCapacity(value.count * communeCount)
    var seenCodes: Set<String> = []
    seenCodes.reserveCapacity(value.count)
    var valid = true
    var matcher = statusMatcher()
    defer { predictedCriteria[1] = matcher.predicted }
    for (position, element) in list.enumerated() {
      if fastUnit(element, matcher: &matcher, date: date, seenCodes: &seenCodes, into: &result) { continue }
      context.at(position) {
        guard let fields = Fields(element, keys: ["code", "name", "kind", "statuses"], context: context) else {
          valid = false
          return
        }
        let code = fields.required("code").flatMap { v in context.at("code") { context.identifier(v) } }
        let name = fields.required("name").flatMap { v in context.at("name") { context.string(v) } }
        let kind = fields.required("kind").flatMap { v in
          context.at("kind") {
            context.word(v, [("ward", UnitKind.ward), ("commune", .commune), ("special_zone", .specialZone)])
          }
        }
        let statuses = fields.required("statuses").map { v in
          context.at("statuses") { readStatuses(v, level: .commune, date: date) }
        }
        if let code, !seenCodes.insert(code).inserted {
          context.error("duplicate unit code \"\(code)\"", key: "code")
          valid = false
        }
        guard let code, let name, let kind, statuses == true else {
          valid = false
          return
        }
        result.codes.append(code)
        result.names.append(name)
        result.kinds.append(kind)
        result.statuses.append(contentsOf: statusScratch)
      }
    }
    return valid && result.count == total ? result : nil
  }
}

/// Reads the status maps of communes that have nothing to report. Everything it needs is copied
/// in, so the loop touches no class property (no exclusivity checks) and builds no String.
private struct StatusMatcher {
  let keys: PackedKeys
  let index: [String: Int]
  let levels: [Level]
  let phases: [Int]
  let levelOrdinal: [Int]
  let deadlines: [CalendarDate?]
  /// Each criterion id's `shortString`, for ids of at most eight bytes (most are: "T01", "C001").
  let shortKeys: [(word: UInt64, count: Int)]
  /// The criterion last seen at each position of a map.
  var predicted: [Int]
  /// The statuses read by the last successful `read`, indexed like `Plan.communeCriteria`.
  private(set) var statuses: [Status]
  private var seen: [Bool]

  init(
    keys: PackedKeys, index: [String: Int], levels: [Level], phases: [Int], levelOrdinal: [Int],
    deadlines: [CalendarDate?], size: Int, predicted: [Int]
  ) {
    self.keys = keys
    self.index = index
    self.levels = levels
    self.phases = phases
    self.levelOrdinal = levelOrdinal
    self.deadlines = deadlines
    self.predicted = predicted
    shortKeys = (0..<levels.count).map { keys.shortString($0) }
    statuses = Array(repeating: .notReported, count: size)
    seen = Array(repeating: false, count: size)
  }

  /// False when the map has anything to report: an unknown, repeated or provincial key, a word
  /// that is not a status, or a red that earns a warning.
  @inline(__always)
  mutating func read(_ value: JSONValue, date: CalendarDate?) -> Bool {
    guard value.isObject else { return false }
    for ordinal in statuses.indices {
      statuses[ordinal] = .notReported
      seen[ordinal] = false
    }
    var position = 0
    for (key, member) in value.members {
      guard let criterion = criterion(key, position: position), levels[criterion] == .commune,
        let status = status(member)
      else { return false }
      let ordinal = levelOrdinal[criterion]
      guard !seen[ordinal] else { return false }
      if status == .red, let date {
        let phase = phases[criterion]
        if phase <= deadlines.count, let deadline = deadlines[phase - 1], date < deadline { return false }
      }
      seen[ordinal] = true
      statuses[ordinal] = status
      position += 1
    }
    return true
  }

  // Words of the format as `shortString` words. Instance constants: a static one would cost a
  // swift_once check at every use in the loop.
  let code = JSONValue.packed("code")
  let name = JSONValue.packed("name")
  let kind = JSONValue.packed("kind")
  let statusesKey = JSONValue.packed("statuses")
  private let green = JSONValue.packed("green")
  private let yellow = JSONValue.packed("yellow")
  private let red = JSONValue.packed("red")
  private let ward = JSONValue.packed("ward")
  private let commune = JSONValue.packed("commune")

  /// A status word, compared as one or two words of bytes.
  @inline(__always)
  private func status(_ value: JSONValue) -> Status? {
    let (word, count) = value.shortString
    switch count {
    case 5 where word == green: return .green
    case 6 where word == yellow: return .yellow
    case 3 where word == red: return .red
    default: return Status(json: value)
    }
  }

  @inline(__always)
  func unitKind(_ value: JSONValue) -> UnitKind? {
    let (word, count) = value.shortString
    switch count {
    case 4 where word == ward: return .ward
    case 7 where word == commune: return .commune
    default: return UnitKind(json: value)
    }
  }

  @inline(__always)
  private mutating func criterion(_ key: JSONValue, position: Int) -> Int? {
    let bytes = key.utf8
    if position < predicted.count {
      let guess = predicted[position]
      if guess >= 0 {
        let expected = shortKeys[guess]
        if expected.count <= 8 {
          let short = key.shortString
          if short.count == expected.count, short.word == expected.word { return guess }
        } else if keys.matches(guess, bytes) {
          return guess
        }
      }
    }
    guard bytes.count <= 32, let found = index[String(decoding: bytes, as: UTF8.self)] else { return nil }
    if position < predicted.count {
      predicted[position] = found
    } else if position == predicted.count {
      predicted.append(found)
    }
    return found
  }
}

extension UnitKind {
  /// A unit kind word of the format, compared as bytes; nil for anything else.
  @inline(__always)
  init?(json value: JSONValue) {
    if value.equals("ward") {
      self = .ward
    } else if value.equals("commune") {
      self = .commune
    } else if value.equals("special_zone") {
      self = .specialZone
    } else {
      return nil
    }
  }
}

extension JSONValue {
  /// The string as an identifier (1–32 characters from A–Z a–z 0–9 _ . -), or nil.
  var plainIdentifier: String? {
    guard isString else { return nil }
    let bytes = utf8
    guard (1...32).contains(bytes.count) else { return nil }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
        continue
      default: return nil
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Identifiers as UTF-8, back to back, for comparing raw JSON keys with them.
private struct PackedKeys {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  mutating func append(_ key: String) {
    bytes.append(contentsOf: key.utf8)
    ends.append(bytes.count)
  }

  /// Like `JSONValue.shortString`: the first eight bytes of key `index` and its length.
  func shortString(_ index: Int) -> (word: UInt64, count: Int) {
    let start = index == 0 ? 0 : ends[index - 1]
    var word: UInt64 = 0
    for offset in 0..<min(8, ends[index] - start) { word |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
    return (word, ends[index] - start)
  }

  @inline(__always)
  func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = index == 0 ? 0 : ends[index - 1]
    let end = ends[index]
    guard end - start == key.count else { return false }
    // Ids are short (at most 32 bytes): a loop beats a call to memcmp.
    for offset in 0..<key.count where bytes[start + offset] != key[offset] { return false }
    return true
  }
}

extension Status {
  /// A status word of the format, compared as bytes; nil for anything else.
  @inline(__always)
  init?(json value: JSONValue) {
    guard value.isString else { return nil }
    let bytes = value.utf8
    switch bytes.count {
    case 5 where value.equals("green"): self = .green
    case 6 where value.equals("yellow"): self = .yellow
    case 3 where value.equals("red"): self = .red
    case 12 where value.equals("not_reported"): self = .notReported
    default: return nil
    }
  }
}
