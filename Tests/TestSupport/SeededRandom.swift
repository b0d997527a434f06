import Foundation

/// A seeded random generator for tests (SplitMix64), so a failing run can be replayed.
///
/// The seed comes from `DIGITRACK_TEST_SEED` when set, otherwise from the system generator; it is
/// printed either way, with the variable to set to run the same sequence again.
public struct SeededRandom: RandomNumberGenerator {
  public let seed: UInt64
  private var state: UInt64

  public init(seed: UInt64) {
    self.seed = seed
    state = seed
  }

  /// A generator seeded from the environment or at random, its seed printed under `label`.
  public static func fromEnvironment(_ label: String) -> SeededRandom {
    let given = ProcessInfo.processInfo.environment["DIGITRACK_TEST_SEED"].flatMap { UInt64($0) }
    let seed = given ?? UInt64.random(in: 0...UInt64.max)
    print("\(label): seed \(seed) (replay with DIGITRACK_TEST_SEED=\(seed))")
    return SeededRandom(seed: seed)
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
