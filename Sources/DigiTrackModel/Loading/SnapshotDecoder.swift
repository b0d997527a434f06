import FoundationEssentials
import Glibc

/// Snapshots: their metrics and the reports of each province.
extension DatasetDecoder {
  // MARK: - Snapshots

  func snapshots(_ value: JSONValue) -> [Snapshot]? {
    guard let list = context.array(value) else { return nil }
    var snapshots: [Snapshot] = []
    var previousDate: CalendarDate?
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.snapshot, context: context)
        else { return }
        let date = fields.value("date").flatMap { v in context.at("date") { context.date(v) } }
        if let date, let previousDate, date <= previousDate {
          context.error(.snapshotOrder(date, after: previousDate), key: "date")
        }
        if let date { previousDate = date }
        let label = fields.value("label").flatMap { v in context.at("label") { context.text(v) } }
        let metrics = fields.value("metrics").flatMap { v in context.at("metrics") { self.metrics(v) } } ?? []
        var reports: [Report?] = Array(repeating: nil, count: provinces.count)
        if let value = fields.value("reports") {
          context.at("reports") { decodeReports(value, into: &reports, date: date) }
        }
        guard let date, let label else { return }
        snapshots.append(Snapshot(date: date, label: label, metrics: metrics, reports: reports))
      }
    }
    if value.count == 0 { context.error(.needsASnapshot) }
    return snapshots
  }

  func metrics(_ value: JSONValue) -> [Metric]? {
    guard let list = context.array(value) else { return nil }
    var metrics: [Metric] = []
    var seen: Set<String> = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, FormatSpec.metric,
            context: context)
        else { return }
        let id = fields.value("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let label = fields.value("label").flatMap { v in context.at("label") { context.text(v) } }
        let amount = fields.value("value").flatMap { v in context.at("value") { context.amount(v) } }
        let target = fields.value("target").flatMap { v in context.at("target") { context.amount(v) } }
        let unit = fields.value("unit").flatMap { v in context.at("unit") { context.text(v) } }
        let qualifier = fields.value("qualifier").flatMap { v in
          context.at("qualifier") { context.word(v, FormatSpec.qualifiers) }
        }
        let provenance = provenance(fields)
        if fields.has("target"), let target, target == 0 {
          context.error(.targetAboveZero, key: "target")
        }
        if let amount, let target, amount > target {
          context.error(.valueAboveTarget(amount, target), key: "value")
        }
        guard let id else { return }
        guard seen.insert(id).inserted else {
          context.error(.duplicateID(.both("chỉ số", "metric"), id), key: "id")
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

  func decodeReports(_ value: JSONValue, into reports: inout [Report?], date: CalendarDate?) {
    guard let list = context.array(value) else { return }
    var seen = Array(repeating: false, count: provinces.count)
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, FormatSpec.report, context: context)
        else { return }
        let province: Int? = fields.value("province").flatMap { v in
          context.at("province") {
            guard let code = context.identifier(v) else { return nil }
            guard let index = ids.provinces[code] else {
              if !ids.isBroken("province", code) { context.error(.unknownReference("province code", "\"\(code)\"")) }
              return nil
            }
            if seen[index] {
              context.error(.secondReport(code))
              return nil
            }
            seen[index] = true
            return index
          }
        }
        // What is wrong below is about this province: its name follows the path in messages.
        let (provincial, communes, phaseGreen) = context.about(province.map { provinces[$0].name }) {
          (
            fields.value("provincial").flatMap { v in context.at("provincial") { self.provincial(v, date: date) } },
            fields.value("communes").flatMap { v in
              context.at("communes") { self.communes(v, province: province, date: date) }
            },
            fields.value("phaseGreen").flatMap { v in context.at("phaseGreen") { self.phaseFlags(v) } }
          )
        }
        guard let province, let provincial, let communes else { return }
        reports[province] = Report(
          provincialStatuses: provincial.statuses, provincialProvenance: provincial.provenance,
          reportedCount: provincial.reported, communes: communes, phaseGreen: phaseGreen,
          provincialDoneOn: provincial.doneOn)
      }
    }
  }

  func provincial(_ value: JSONValue, date: CalendarDate?) -> (
    statuses: [Status], provenance: Provenance, reported: ReportedCount?, doneOn: [Int: CalendarDate]
  )? {
    guard let fields = Fields(value, FormatSpec.provincialPart, context: context) else { return nil }
    let statuses = fields.value("statuses").flatMap { v in
      context.at("statuses") { self.statuses(v, level: .provincial, date: date) }
    }
    let doneOn = doneOnScratch
    let source = provenance(fields)
    var reported: ReportedCount?
    if let value = fields.value("reported") {
      reported = context.at("reported") { () -> ReportedCount? in
        guard let fields = Fields(value, FormatSpec.reportedCount, context: context) else { return nil }
        let done = fields.value("done").flatMap { v in context.at("done") { context.count(v) } }
        let total = fields.value("total").flatMap { v in context.at("total") { context.count(v) } }
        let provenance = provenance(fields)
        guard let done, let total, let provenance else { return nil }
        if done > total {
          context.error(.doneAboveTotal(done, total))
          return nil
        }
        if total != declaredProvincial, !ids.isUnavailable("criterion") {
          context.error(.provincialTotal(total, declared: declaredProvincial), key: "total")
        }
        if let statuses {
          let green = statuses.count { $0 == .green }
          if green != done {
            context.error(.doneNotGreen(done, green: green), key: "done")
          }
        }
        return ReportedCount(done: done, total: total, provenance: provenance)
      }
    }
    guard let statuses, let source else { return nil }
    return (statuses, source, reported, doneOn)
  }

  func phaseFlags(_ value: JSONValue) -> PhaseFlags? {
    guard value.kind == .object else {
      context.error(.expected(.aPhaseMap, found: value.kind))
      return nil
    }
    var flags: [Bool?] = Array(repeating: nil, count: phaseCount)
    var provenance: Provenance?
    var sawSource = false
    var valid = true
    for (key, member) in value.members {
      if key.equals("src") {
        if sawSource { context.error(.duplicateKey("src")) }
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
          context.error(.notAPhaseKey(quoted(name), count: phaseCount))
          valid = false
          return
        }
        if flags[number - 1] != nil {
          context.error(.duplicateKey(name))
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
    if !sawSource { context.error(.missingKey("src")) }
    guard valid, let provenance else { return nil }
    return PhaseFlags(flags: flags, provenance: provenance)
  }
}
