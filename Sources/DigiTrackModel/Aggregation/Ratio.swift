/// "done of total": the one shape every progress figure in DigiTrack takes.
///
/// A ratio with nothing to count (0/0) has no fraction at all; callers show "no data" instead of a
/// misleading 0 % or 100 %, and no NaN or ∞ can ever be drawn.
public struct Ratio: Sendable, Hashable {
  public var done: Int
  public var total: Int

  public init(_ done: Int, of total: Int) {
    self.done = max(0, done)
    self.total = max(0, total)
  }

  /// Between 0 and 1, or nil for 0/0.
  public var fraction: Double? {
    guard total > 0 else { return nil }
    return min(1, Double(done) / Double(total))
  }

  public var isComplete: Bool { total > 0 && done >= total }

  public static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
    Ratio(lhs.done + rhs.done, of: lhs.total + rhs.total)
  }

  public static let empty = Ratio(0, of: 0)
}
