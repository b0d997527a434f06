import Foundation

/// Status maps (criterion id → status) of provinces and communes.
///
/// One reader says what is wrong with a map (`readStatuses`). `StatusMatcher` is its accelerator,
/// not a second reader: it accepts only a map with nothing to say (no error, no warning) and gives
/// up on anything else, and the reader then reads the map again from its first key.
extension DatasetDecoder {
  /// A map from criterion id to status, for the criteria of one level.
  func statuses(_ value: JSONValue, level: Level, date: CalendarDate?) -> [Status]? {
    if level == .provincial, provincialMatcher.read(value, date: date) { return provincialMatcher.statuses }
    return readStatuses(value, level: level, date: date) ? Array(statusScratch[...]) : nil
  }

  /// The matcher for the criteria of `level`; built once the plan is read.
  func statusMatcher(_ level: Level) -> StatusMatcher {
    StatusMatcher(
      level: level, keys: criterionKeys, index: ids.criteria, levels: criteria.map(\.level),
      phases: criteria.map(\.phase), levelOrdinal: levelOrdinal, deadlines: phaseDeadlines,
      size: level == .provincial ? provincialCount : communeCount)
  }

  /// Reads a status map into `statusScratch`, reporting every problem; false when it is not valid.
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
        guard let status = status(member) else {
          valid = false
          return
        }
        statuses[ordinal] = status
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

  func status(_ value: JSONValue) -> Status? {
    if let status = Status(json: value) { return status }
    return context.word(value, FormatSpec.statuses)
  }
}
