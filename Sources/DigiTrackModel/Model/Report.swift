/// One province's report at one snapshot.
public struct Report: Sendable {
  /// Statuses of the provincial-level criteria, indexed like `Plan.provincialCriteria`.
  public var provincialStatuses: [Status]
  public var provincialProvenance: Provenance
  /// A published count ("31/32") that the statuses agree with, and its source.
  public var reportedCount: ReportedCount?
  public var communes: CommuneCompletion
  /// Published "green" flags per phase (index = phase number - 1), when the data has them.
  public var phaseGreen: PhaseFlags?
  /// The `doneOn` dates the file gives for green provincial statuses, by level ordinal. Sparse:
  /// most files give none, and timeliness then dates a green by its first green snapshot.
  public var provincialDoneOn: [Int: CalendarDate] = [:]

  /// A report as the loader reads it, or built outside it (a form read by `import`).
  public init(
    provincialStatuses: [Status], provincialProvenance: Provenance, reportedCount: ReportedCount? = nil,
    communes: CommuneCompletion, phaseGreen: PhaseFlags? = nil, provincialDoneOn: [Int: CalendarDate] = [:]
  ) {
    self.provincialDoneOn = provincialDoneOn
    self.provincialStatuses = provincialStatuses
    self.provincialProvenance = provincialProvenance
    self.reportedCount = reportedCount
    self.communes = communes
    self.phaseGreen = phaseGreen
  }

  var hasIllustrativeFigures: Bool {
    provincialProvenance.isIllustrative || communes.provenance.isIllustrative
      || (reportedCount?.provenance.isIllustrative ?? false)
      || (phaseGreen?.provenance.isIllustrative ?? false)
  }
}

public struct ReportedCount: Sendable {
  public var done: Int
  public var total: Int
  public var provenance: Provenance
}

public struct PhaseFlags: Sendable {
  /// Indexed by phase number - 1; nil where the data says nothing about that phase.
  public var flags: [Bool?]
  public var provenance: Provenance
}

/// Commune-level completion of a province.
public struct CommuneCompletion: Sendable {
  /// Communes with every commune-level criterion green, when known.
  public var green: Int?
  public var total: Int
  /// Communes green on each commune-level criterion, indexed like `Plan.communeCriteria`.
  public var byCriterion: [Int?]
  public var units: CommuneUnits?
  public var provenance: Provenance

  public init(green: Int?, total: Int, byCriterion: [Int?], units: CommuneUnits?, provenance: Provenance) {
    self.green = green
    self.total = total
    self.byCriterion = byCriterion
    self.units = units
    self.provenance = provenance
  }
}

public enum UnitKind: String, Sendable {
  case ward
  case commune
  case specialZone = "special_zone"
}

/// The communes of one province, stored column-wise so tens of thousands of them stay compact:
/// one byte per status, in one contiguous array.
public struct CommuneUnits: Sendable {
  public var codes: [String]
  public var names: [String]
  public var kinds: [UnitKind]
  /// Row-major: `statuses[unit * criteriaCount + criterion]`, criterion as in `Plan.communeCriteria`.
  public var statuses: [Status]
  public var criteriaCount: Int
  /// The `doneOn` dates the file gives, keyed like `statuses` (`unit * criteriaCount + criterion`).
  /// Sparse, so a commune list without them costs nothing.
  public var doneOn: [Int: CalendarDate] = [:]

  public init(codes: [String], names: [String], kinds: [UnitKind], statuses: [Status], criteriaCount: Int) {
    self.codes = codes
    self.names = names
    self.kinds = kinds
    self.statuses = statuses
    self.criteriaCount = criteriaCount
  }

  public var count: Int { codes.count }

  public func status(unit: Int, criterion: Int) -> Status {
    statuses[unit * criteriaCount + criterion]
  }

  /// Whether a unit is green on every commune-level criterion.
  public func isFullyGreen(_ unit: Int) -> Bool {
    let start = unit * criteriaCount
    for index in start..<(start + criteriaCount) where statuses[index] != .green { return false }
    return true
  }
}
