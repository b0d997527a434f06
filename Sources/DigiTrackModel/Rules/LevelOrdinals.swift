extension Plan {
  /// For each criterion index, its position among the criteria of its level: the index into a
  /// report's provincial statuses, or into the commune counts by criterion.
  public var levelOrdinals: [Int] { Self.levelOrdinals(of: criteria) }

  /// The same for a list of criteria before a plan is made of them: the decoder needs it to read
  /// status maps while the rest of the file is still being decoded.
  public static func levelOrdinals(of criteria: [Criterion]) -> [Int] {
    var counts = (provincial: 0, commune: 0)
    return criteria.map { criterion in
      switch criterion.level {
      case .provincial:
        defer { counts.provincial += 1 }
        return counts.provincial
      case .commune:
        defer { counts.commune += 1 }
        return counts.commune
      }
    }
  }
}
