/// What is still open: the rule behind a province's "Còn thiếu" line, the `o` toggle that hides
/// green rows, and `n` / `N` that jump between the rows that are not green. One rule for every
/// table, so the line, the toggle and the jumps never disagree.
extension ProvinceDetail {
  /// The criteria (indices into `Plan.criteria`) that are not green, in plan order: provincial
  /// criteria whose status is not green, and commune-level criteria that not every commune meets.
  /// A commune criterion with no count is open unless every commune is green, which implies it.
  public func stillOpen(plan: Plan) -> [Int] {
    var open: [Int] = []
    for (ordinal, index) in plan.provincialCriteria.enumerated()
    where (report?.provincialStatuses[ordinal] ?? .notReported) != .green {
      open.append(index)
    }
    let everyCommuneGreen = summary.commune.map { $0.total > 0 && $0.done == $0.total } ?? false
    for (ordinal, index) in plan.communeCriteria.enumerated() {
      if let ratio = communeByCriterion[ordinal] {
        if ratio.done < ratio.total { open.append(index) }
      } else if !everyCommuneGreen {
        open.append(index)
      }
    }
    return open
  }
}

extension ProvinceSummary {
  /// A province row is open (for `o` and `n`) when anything in it is still to do: a provincial
  /// criterion not green, or communes not all green. A province that is green at its report date
  /// (nothing overdue) can still be open: its criteria not yet due are the work ahead.
  public var isOpen: Bool {
    !reported || !provincial.isComplete || !(commune?.isComplete ?? true)
  }
}

extension CommuneUnits {
  /// A commune's status over its criteria, as its row shows it.
  public func overall(_ unit: Int) -> Status {
    // A slice of the row, not a copy: the commune table asks this for every row it draws.
    .dominant(of: statuses[(unit * criteriaCount)..<((unit + 1) * criteriaCount)])
  }
}
