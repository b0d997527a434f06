/// How much a view shows above its scrolling part, chosen from the terminal height so that short
/// terminals still leave room for the rows. Exports from the command line use `.full`.
public enum Density: Sendable, Comparable {
  case compact
  case medium
  case full

  public init(height: Int?) {
    guard let height else {
      self = .full
      return
    }
    self = height >= 34 ? .full : height >= 22 ? .medium : .compact
  }
}
