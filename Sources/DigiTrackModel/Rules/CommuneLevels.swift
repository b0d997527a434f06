/// What the commune figures imply, and the bands they are shown in. Every view and format reads
/// commune-level criteria through here, so the matrix, the province detail and the exports say
/// the same thing (docs/FORMAT.md, "Derived figures").
extension CommuneCompletion {
  /// Communes green on one commune-level criterion (ordinal in `Plan.communeCriteria`): the count
  /// the data gives, else `total` when every commune is green on every criterion (`green ==
  /// total`), which implies it; nil when nothing says.
  public func green(onCriterion ordinal: Int) -> Int? {
    if let count = byCriterion[ordinal] { return count }
    return isImplied(ordinal) ? total : nil
  }

  /// Whether `green(onCriterion:)` is derived from `green == total` rather than given.
  public func isImplied(_ ordinal: Int) -> Bool {
    byCriterion[ordinal] == nil && total > 0 && green == total
  }

  /// The same as a ratio of `total`.
  public func ratio(onCriterion ordinal: Int) -> Ratio? {
    green(onCriterion: ordinal).map { Ratio($0, of: total) }
  }

  /// Whether any commune-level criterion has a count, given or implied.
  public var hasCriterionCounts: Bool { byCriterion.indices.contains { green(onCriterion: $0) != nil } }
}

/// A commune-level cell as a level: all communes, most, about half or more, a few, none. Cells are
/// only a glyph wide, so "0 of 126" and "125 of 126" must not look alike.
public enum CommuneLevel: Int, Sendable, CaseIterable {
  /// 100 %.
  case all
  /// 90 % or more, short of all.
  case most
  /// 50 % to under 90 %.
  case half
  /// Above 0 %, under 50 %.
  case few
  /// 0 %.
  case none

  /// The level of a ratio; nil when there is no count or no commune.
  public init?(_ ratio: Ratio?) {
    guard let ratio, ratio.total > 0 else { return nil }
    if ratio.done >= ratio.total {
      self = .all
    } else if ratio.done == 0 {
      self = .none
    } else if ratio.done * 10 >= ratio.total * 9 {
      self = .most
    } else if ratio.done * 2 >= ratio.total {
      self = .half
    } else {
      self = .few
    }
  }

  /// The lower bound of the band, in percent (for legends).
  public var lowerPercent: Int {
    switch self {
    case .all: 100
    case .most: 90
    case .half: 50
    case .few: 1
    case .none: 0
    }
  }
}
