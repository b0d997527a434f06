/// The plan being tracked (Plan 02-KH/BCĐTW in the demo): phases, groupings and criteria.
public struct Plan: Sendable {
  public var code: String
  public var name: LocalizedText
  public var issued: CalendarDate
  public var provenance: Provenance
  /// Numbered 1, 2, …; `phases[i].number == i + 1` and deadlines increase.
  public var phases: [Phase]
  public var groups: [Category]
  public var pillars: [Category]
  public var blocks: [Category]
  public var criteria: [Criterion]
  /// Indices into `criteria` of the provincial-level ones, in plan order.
  public let provincialCriteria: [Int]
  /// Indices into `criteria` of the commune-level ones, in plan order.
  public let communeCriteria: [Int]

  public init(
    code: String, name: LocalizedText, issued: CalendarDate, provenance: Provenance,
    phases: [Phase], groups: [Category], pillars: [Category], blocks: [Category],
    criteria: [Criterion]
  ) {
    self.code = code
    self.name = name
    self.issued = issued
    self.provenance = provenance
    self.phases = phases
    self.groups = groups
    self.pillars = pillars
    self.blocks = blocks
    self.criteria = criteria
    provincialCriteria = criteria.indices.filter { criteria[$0].level == .provincial }
    communeCriteria = criteria.indices.filter { criteria[$0].level == .commune }
  }

  /// The deadline that applies to a criterion (index into `criteria`): its own, else its phase's.
  public func deadline(ofCriterion index: Int) -> CalendarDate {
    criteria[index].deadline ?? phases[criteria[index].phase - 1].deadline
  }
}

extension CalendarDate {
  /// Whether a deadline has passed on this date. Work done on the deadline day meets it, so on
  /// the day itself a criterion is not yet late; from the next day on it is.
  public func isPast(_ deadline: CalendarDate) -> Bool { self > deadline }
}

public struct Phase: Sendable {
  public var number: Int
  public var name: LocalizedText
  public var deadline: CalendarDate
}

/// A task group, pillar or block: an id and a name.
public struct Category: Sendable {
  public var id: String
  public var name: LocalizedText
}

public enum Level: String, Sendable {
  case provincial
  case commune
}

public struct Criterion: Sendable {
  public var id: String
  public var name: LocalizedText
  public var level: Level
  /// Phase number (1-based).
  public var phase: Int
  public var group: Int
  public var pillar: Int
  public var block: Int
  /// The criterion's own deadline, when the plan gives one; otherwise its phase's applies.
  public var deadline: CalendarDate? = nil
}
