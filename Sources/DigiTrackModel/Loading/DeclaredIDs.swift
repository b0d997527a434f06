/// The ids the decoder has met so far, by kind: each part of the file is checked against what the
/// parts before it declared (a report's `province` against `provinces`, a status key against the
/// plan's criteria, …).
struct DeclaredIDs {
  /// Position in the dataset's list, by id.
  var sources: [String: Int] = [:]
  var criteria: [String: Int] = [:]
  var regions: [String: Int] = [:]
  var provinces: [String: Int] = [:]
  /// Ids that are in the file but whose entry was refused for another reason ("kind:id"). A later
  /// reference to one is not reported as unknown: the entry's own error is the one to fix.
  private var broken: Set<String> = []
  /// Kinds whose whole list could not be read (not an array): no reference to them is checked.
  private var unavailable: Set<String> = []

  mutating func markBroken(_ kind: String, _ id: String) { broken.insert(kind + ":" + id) }

  mutating func markUnavailable(_ kind: String) { unavailable.insert(kind) }

  func isUnavailable(_ kind: String) -> Bool { unavailable.contains(kind) }

  /// Whether a reference to `id` must not be reported as unknown.
  func isBroken(_ kind: String, _ id: String) -> Bool {
    unavailable.contains(kind) || broken.contains(kind + ":" + id)
  }
}
