import FoundationEssentials
import Glibc

/// The commune-level part of a report: counts and the units themselves.
extension DatasetDecoder {
  func communes(_ value: JSONValue, province: Int?, date: CalendarDate?) -> CommuneCompletion? {
    guard
      let fields = Fields(value, FormatSpec.communesPart, context: context)
    else { return nil }
    let provenance = provenance(fields)
    var green = fields.value("green").flatMap { v in context.at("green") { context.count(v) } }
    let givenTotal = fields.value("total").flatMap { v in context.at("total") { context.count(v) } }
    let expectedTotal = province.map { provinces[$0].units.total }
    if let givenTotal, let expectedTotal, givenTotal != expectedTotal {
      context.error(.communeTotal(givenTotal, expected: expectedTotal), key: "total")
    }
    guard let total = givenTotal ?? expectedTotal else { return nil }
    if let value = green, value > total {
      context.error(.greenAboveTotal(value, total), key: "green")
      green = nil
    }
    var byCriterion: [Int?] = Array(repeating: nil, count: communeCount)
    if let value = fields.value("byCriterion") {
      context.at("byCriterion") { decodeCounts(value, into: &byCriterion, total: total, green: green) }
    }
    var units: CommuneUnits?
    if let value = fields.value("units") {
      let read = context.at("units") { self.unitsAndGreens(value, total: total, date: date) }
      units = read?.units
      if let greens = read?.greens {
        let counted = greens.units
        if let green, green != counted {
          context.error(.greenNotCounted(green, counted: counted), key: "green")
        }
        green = counted
        for criterion in 0..<communeCount {
          let counted = greens.byCriterion[criterion]
          if let given = byCriterion[criterion], given != counted {
            let id = criteria[communeCriteria[criterion]].id
            context.error(.byCriterionNotCounted(id, given, counted: counted))
          }
          byCriterion[criterion] = counted
        }
      }
    }
    guard let provenance else { return nil }
    return CommuneCompletion(
      green: green, total: total, byCriterion: byCriterion, units: units, provenance: provenance)
  }

  func decodeCounts(_ value: JSONValue, into counts: inout [Int?], total: Int, green: Int?) {
    guard value.kind == .object else {
      context.error(.expected(.aCountMap, found: value.kind))
      return
    }
    for (key, member) in value.members {
      let id = String(decoding: key.utf8.prefix(64), as: UTF8.self)
      context.at(component: .key(id)) {
        guard let index = ids.criteria[id], criteria[index].level == .commune else {
          if ids.criteria[id] == nil && ids.isBroken("criterion", id) { return }
          context.error(.notACommuneCriterion(quoted(id)))
          return
        }
        let ordinal = levelOrdinal[index]
        if counts[ordinal] != nil {
          context.error(.duplicateKey(id))
          return
        }
        guard let count = context.count(member) else { return }
        if count > total {
          context.error(.countAboveUnits(count, total))
          return
        }
        if let green, count < green {
          context.error(.criterionBelowGreen(count, id, green: green))
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
  func fastUnit(
    _ element: JSONValue, matcher: inout StatusMatcher, date: CalendarDate?, seenCodes: inout Set<String>,
    into result: inout CommuneUnits
  ) -> Bool {
    guard element.isObject else { return false }
    var code: JSONValue?
    var name: JSONValue?
    var kind: JSONValue?
    var statuses: JSONValue?
    for (key, value) in element.members {
      let short = key.shortString
      if matcher.code.matches(short), code == nil {
        code = value
      } else if matcher.name.matches(short), name == nil {
        name = value
      } else if matcher.kind.matches(short), kind == nil {
        kind = value
      } else if matcher.statusesKey.matches(short), statuses == nil {
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

  /// The units list and its green counts: from the bulk's blocks, which counted them as they
  /// were read, or from the tape.
  private func unitsAndGreens(_ value: JSONValue, total: Int, date: CalendarDate?) -> (
    units: CommuneUnits, greens: GreenCounts
  )? {
    if let bulk { return bulkUnits(value, bulk: bulk, total: total, date: date) }
    return units(value, total: total, date: date).map { ($0, GreenCounts($0)) }
  }

  func units(_ value: JSONValue, total: Int, date: CalendarDate?) -> CommuneUnits? {
    guard let list = context.array(value) else { return nil }
    if value.count != total {
      context.error(.unitsListed(value.count, total: total))
    }
    var result = CommuneUnits(codes: [], names: [], kinds: [], statuses: [], criteriaCount: communeCount)
    result.codes.reserveCapacity(value.count)
    result.names.reserveCapacity(value.count)
    result.kinds.reserveCapacity(value.count)
    result.statuses.reserveCapacity(value.count * communeCount)
    var seenCodes: Set<String> = []
    seenCodes.reserveCapacity(value.count)
    var valid = true
    var matcher = communeMatcher
    defer { communeMatcher = matcher }
    for (position, element) in list.enumerated() {
      if fastUnit(element, matcher: &matcher, date: date, seenCodes: &seenCodes, into: &result) { continue }
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.unit, context: context) else {
          valid = false
          return
        }
        let code = fields.value("code").flatMap { v in context.at("code") { context.identifier(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.string(v) } }
        let kind = fields.value("kind").flatMap { v in
          context.at("kind") {
            context.word(v, FormatSpec.unitKinds)
          }
        }
        let statuses = fields.value("statuses").map { v in
          context.at("statuses") { readStatuses(v, level: .commune, date: date) }
        }
        if let code, !seenCodes.insert(code).inserted {
          context.error(.duplicateCode(.both("đơn vị", "unit"), code), key: "code")
          valid = false
        }
        guard let code, let name, let kind, statuses == true else {
          valid = false
          return
        }
        for (ordinal, done) in doneOnScratch { result.doneOn[result.count * communeCount + ordinal] = done }
        result.codes.append(code)
        result.names.append(name)
        result.kinds.append(kind)
        result.statuses.append(contentsOf: statusScratch)
      }
    }
    return valid && result.count == total ? result : nil
  }
}

/// How many units of a list are green on every commune-level criterion, and on each: what a
/// report's `green` and `byCriterion` must say. One pass over the statuses, row by row.
struct GreenCounts: Sendable {
  var units = 0
  var byCriterion: [Int]

  init(_ list: CommuneUnits) {
    let size = list.criteriaCount
    var byCriterion = [Int](repeating: 0, count: size)
    var fullyGreen = 0
    list.statuses.withUnsafeBufferPointer { statuses in
      byCriterion.withUnsafeMutableBufferPointer { counts in
        for unit in 0..<list.count {
          var greens = 0
          for criterion in 0..<size where statuses[unit * size + criterion] == .green {
            counts[criterion] += 1
            greens += 1
          }
          if greens == size { fullyGreen += 1 }
        }
      }
    }
    units = fullyGreen
    self.byCriterion = byCriterion
  }
}
