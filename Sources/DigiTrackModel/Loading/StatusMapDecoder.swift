import FoundationEssentials
import Glibc

/// Status maps (criterion id → status) of provinces and communes.
///
/// One reader says what is wrong with a map (`readStatuses`). `StatusMatcher` is its accelerator,
/// not a second reader: it accepts only a map with nothing to say (no error, no warning) and gives
/// up on anything else, and the reader then reads the map again from its first key. A status in
/// object form (`{"status": "green", "doneOn": "2025-07-20"}`) is one of the things it gives up on:
/// only the reporting reader knows that form, so it is read (and checked) in one place.
extension DatasetDecoder {
  /// A map from criterion id to status, for the criteria of one level; its `doneOn` dates are
  /// left in `doneOnScratch`.
  func statuses(_ value: JSONValue, level: Level, date: CalendarDate?) -> [Status]? {
    if level == .provincial, provincialMatcher.read(value, date: date) {
      doneOnScratch.removeAll(keepingCapacity: true)
      return provincialMatcher.statuses
    }
    return readStatuses(value, level: level, date: date) ? Array(statusScratch[...]) : nil
  }

  /// The matcher for the criteria of `level`; built once the plan is read.
  func statusMatcher(_ level: Level) -> StatusMatcher {
    StatusMatcher(
      level: level, keys: criterionKeys, index: ids.criteria, levels: criteria.map(\.level),
      phases: criteria.map(\.phase), levelOrdinal: levelOrdinal, deadlines: phaseDeadlines,
      size: level == .provincial ? provincialCount : communeCount)
  }

  /// Reads a status map into `statusScratch` (and its `doneOn` dates into `doneOnScratch`),
  /// reporting every problem; false when it is not valid.
  func readStatuses(_ value: JSONValue, level: Level, date: CalendarDate?) -> Bool {
    guard value.isObject else {
      context.error(.expected(.aStatusMap, found: value.kind))
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
    var doneOn: [Int: CalendarDate] = [:]
    defer { doneOnScratch = doneOn }
    var valid = true
    for (key, member) in value.members {
      let id = String(decoding: key.utf8, as: UTF8.self)
      context.at(component: .key(id)) {
        guard let index = ids.criteria[id] else {
          if !ids.isBroken("criterion", id) { context.error(.unknownReference("criterion id", quoted(id))) }
          valid = false
          return
        }
        let criterion = criteria[index]
        guard criterion.level == level else {
          context.error(.wrongLevel(id, is: criterion.level, wanted: level))
          valid = false
          return
        }
        let ordinal = levelOrdinal[index]
        if seen[ordinal] {
          context.error(.duplicateKey(id))
          valid = false
          return
        }
        seen[ordinal] = true
        guard let (status, done) = statusEntry(member, date: date) else {
          valid = false
          return
        }
        statuses[ordinal] = status
        if let done { doneOn[ordinal] = done }
        if status == .red { checkLateRed(criterion: index, date: date) }
      }
    }
    return valid
  }

  /// Warns about a red status before its phase's deadline (the path ends at the key).
  func checkLateRed(criterion index: Int, date: CalendarDate?) {
    let phase = criteria[index].phase
    guard let date, phase <= phaseDeadlines.count, let deadline = phaseDeadlines[phase - 1], date < deadline
    else { return }
    context.warning(.redBeforeDeadline(phase: phase, deadline))
  }

  /// A status as a word or in object form (`FormatSpec.statusEntry`). `doneOn` is checked here:
  /// a date after the snapshot's is an error (work cannot be done after the report that says it
  /// is done), and so is `doneOn` on a status that is not green (the date says done, the status
  /// says not: one of them is wrong, and a warning would let the file say both).
  func statusEntry(_ value: JSONValue, date: CalendarDate?) -> (status: Status, doneOn: CalendarDate?)? {
    guard value.isObject else { return status(value).map { ($0, nil) } }
    guard let fields = Fields(value, FormatSpec.statusEntry, context: context) else { return nil }
    let status = fields.value("status").flatMap { v in context.at("status") { self.status(v) } }
    let given = fields.value("doneOn")
    let doneOn = given.flatMap { v in context.at("doneOn") { context.date(v) } }
    guard let status, given == nil || doneOn != nil else { return nil }
    guard let doneOn else { return (status, nil) }
    if status != .green {
      context.error(.doneOnNotGreen(status.jsonName), key: "doneOn")
      return nil
    }
    if let date, date < doneOn {
      context.error(.doneOnAfterSnapshot(doneOn.description, date.description), key: "doneOn")
      return nil
    }
    return (status, doneOn)
  }

  func status(_ value: JSONValue) -> Status? {
    if let status = Status(json: value) { return status }
    return context.word(value, FormatSpec.statuses)
  }
}
