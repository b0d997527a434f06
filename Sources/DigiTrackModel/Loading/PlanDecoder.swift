import FoundationEssentials
import Glibc

/// The plan: phases, groups, pillars, blocks and criteria.
extension DatasetDecoder {
  // MARK: - Plan

  func plan(_ value: JSONValue) -> Plan? {
    guard
      let fields = Fields(
        value,
        FormatSpec.plan,
        context: context)
    else { return nil }
    let code = fields.value("code").flatMap { v in context.at("code") { context.string(v) } }
    let name = fields.value("name").flatMap { v in context.at("name") { context.text(v) } }
    let issued = fields.value("issued").flatMap { v in context.at("issued") { context.date(v) } }
    let provenance = provenance(fields)
    let phases = fields.value("phases").flatMap { v in context.at("phases") { self.phases(v) } } ?? []
    phaseCount = max(phases.count, phaseDeadlines.count)
    let groups =
      fields.value("groups").flatMap { v in context.at("groups") { categories(v, kind: "task group") } } ?? []
    let pillars =
      fields.value("pillars").flatMap { v in context.at("pillars") { categories(v, kind: "pillar") } } ?? []
    let blocks = fields.value("blocks").flatMap { v in context.at("blocks") { categories(v, kind: "block") } } ?? []
    if let value = fields.value("criteria") {
      context.at("criteria") {
        decodeCriteria(value, groups: groups, pillars: pillars, blocks: blocks)
      }
    }
    if let issued, let first = phases.first, first.deadline < issued {
      context.warning(.phaseBeforeIssued(first.deadline, issued), key: "phases")
    }
    guard let code, let name, let issued, let provenance else { return nil }
    return Plan(
      code: code, name: name, issued: issued, provenance: provenance, phases: phases,
      groups: groups, pillars: pillars, blocks: blocks, criteria: criteria)
  }

  func phases(_ value: JSONValue) -> [Phase]? {
    guard let list = context.array(value) else { return nil }
    var phases: [Phase] = []
    phaseDeadlines = Array(repeating: nil, count: value.count)
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.phase, context: context)
        else { return }
        let number = fields.value("number").flatMap { v in context.at("number") { context.count(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.text(v) } }
        let deadline = fields.value("deadline").flatMap { v in context.at("deadline") { context.date(v) } }
        if let number, number != position + 1 {
          context.error(.phaseNumbering(expected: position + 1, found: number), key: "number")
        }
        if let deadline, let previous = phases.last, deadline <= previous.deadline {
          context.error(
            .phaseDeadlineOrder(deadline, previous: previous.number, previous.deadline), key: "deadline")
        }
        phaseDeadlines[position] = deadline
        guard let name, let deadline else { return }
        phases.append(Phase(number: position + 1, name: name, deadline: deadline))
      }
    }
    if phases.isEmpty && !context.hasErrors { context.error(.needsAPhase) }
    return phases
  }

  func categories(_ value: JSONValue, kind: String) -> [Category]? {
    guard let list = context.array(value) else {
      ids.markUnavailable(kind)
      return nil
    }
    var categories: [Category] = []
    var seen: Set<String> = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.namedItem, context: context) else { return }
        let id = fields.value("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.text(v) } }
        guard let id else { return }
        guard seen.insert(id).inserted else {
          context.error(.duplicateID(nil, id), key: "id")
          return
        }
        guard let name else {
          ids.markBroken(kind, id)
          return
        }
        categories.append(Category(id: id, name: name))
      }
    }
    return categories
  }

  /// Positions by id, for references: a linear search per criterion would make a plan with many
  /// groups and many criteria quadratic.
  func positions(_ list: [Category]) -> [String: Int] {
    Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func reference(_ fields: Fields, _ key: StaticString, in list: [String: Int], kind: String) -> Int? {
    guard let value = fields.value(key) else { return nil }
    return context.at("\(key)") {
      guard let id = context.identifier(value) else { return nil }
      guard let index = list[id] else {
        if !ids.isBroken(kind, id) { context.error(.unknownReference(kind, "\"\(id)\"")) }
        return nil
      }
      return index
    }
  }

  func decodeCriteria(
    _ value: JSONValue, groups: [Category], pillars: [Category], blocks: [Category]
  ) {
    guard let list = context.array(value) else {
      ids.markUnavailable("criterion")
      return
    }
    let (groupIndex, pillarIndex, blockIndex) = (positions(groups), positions(pillars), positions(blocks))
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, FormatSpec.criterion,
            context: context)
        else { return }
        let id = fields.value("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.text(v) } }
        let level = fields.value("level").flatMap { v in
          context.at("level") { context.word(v, FormatSpec.levels) }
        }
        let phase = fields.value("phase").flatMap { v in context.at("phase") { context.count(v) } }
        if let phase, !(1...max(1, phaseCount)).contains(phase) || phaseCount == 0 {
          context.error(.unknownPhase(phase, count: phaseCount), key: "phase")
        }
        let group = reference(fields, "group", in: groupIndex, kind: "task group")
        let pillar = reference(fields, "pillar", in: pillarIndex, kind: "pillar")
        let block = reference(fields, "block", in: blockIndex, kind: "block")
        let deadline = fields.value("deadline").flatMap { v in context.at("deadline") { context.date(v) } }
        guard let id else { return }
        if ids.criteria[id] != nil {
          context.error(.duplicateID(.kindName("criterion"), id), key: "id")
          return
        }
        if level == .provincial { declaredProvincial += 1 }
        guard let name, let level, let phase, phase >= 1, phase <= phaseCount, let group, let pillar, let block
        else {
          ids.markBroken("criterion", id)
          return
        }
        ids.criteria[id] = criteria.count
        criterionKeys.append(id)
        criteria.append(
          Criterion(
            id: id, name: name, level: level, phase: phase, group: group, pillar: pillar, block: block,
            deadline: deadline))
      }
    }
    levelOrdinal = Plan.levelOrdinals(of: criteria)
    communeCriteria = criteria.indices.filter { criteria[$0].level == .commune }
    communeCount = communeCriteria.count
    provincialCount = criteria.count - communeCount
    if provincialCount == 0 && !context.hasErrors {
      context.error(.needsAProvincialCriterion)
    }
  }
}
