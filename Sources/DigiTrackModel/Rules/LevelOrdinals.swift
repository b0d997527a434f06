extension Plan {
  /// For each criterion index, its position among the criteria of its level: the index into a
  /// report's provincial statuses, or into the commune counts by criterion.
  public var levelOrdinals: [Int] {
    var ordinals = Array(repeating: 0, count: criteria.count)
    for (ordinal, index) in provincialCriteria.enumerated() { ordinals[index] = ordinal }
    for (ordinal, index) in communeCriteria.enumerated() { ordinals[index] = ordinal }
    return ordinals
  }
}
