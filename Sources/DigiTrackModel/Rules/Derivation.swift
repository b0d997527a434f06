/// Where a derived figure (a count, a rank, a status, a breakdown) comes from, computed once from
/// the provenance of its inputs: illustrative as soon as one input is, otherwise every source its
/// inputs cite. Views and exports show this and never work it out themselves.
public enum Derivation: Sendable, Hashable {
  case illustrative
  /// The source indices the inputs cite, sorted and unique; empty when there is no input at all.
  case sources([Int])

  /// No input: nothing reported, so nothing to cite and nothing invented.
  public static let none = Derivation.sources([])

  public init(_ inputs: some Sequence<Provenance?>) {
    var cited: [Int] = []
    for input in inputs {
      switch input {
      case .illustrative?:
        self = .illustrative
        return
      case .source(let index)?:
        if !cited.contains(index) { cited.append(index) }
      case nil:
        break
      }
    }
    self = .sources(cited.sorted())
  }

  /// The figure derived from both.
  public static func + (lhs: Derivation, rhs: Derivation) -> Derivation {
    switch (lhs, rhs) {
    case (.sources(let a), .sources(let b)): .sources(Array(Set(a + b)).sorted())
    default: .illustrative
    }
  }

  /// The figure derived from all of them.
  public static func combined(_ parts: some Sequence<Derivation>) -> Derivation {
    parts.reduce(Derivation.none, +)
  }

  public var isIllustrative: Bool { self == .illustrative }

  /// The source indices cited; empty for an illustrative figure.
  public var cited: [Int] {
    if case .sources(let indices) = self { return indices }
    return []
  }

  /// The one provenance a marker shows: illustrative, else the first source, else nil.
  public var marker: Provenance? {
    switch self {
    case .illustrative: .illustrative
    case .sources(let indices): indices.first.map { .source($0) }
    }
  }
}
