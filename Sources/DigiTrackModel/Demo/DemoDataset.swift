/// The demo dataset that `digitrack-tui` opens when no `--data` is given.
///
/// Sourced figures carry their source; everything else in it is marked illustrative, and the
/// dashboard says so on every screen that shows such a figure.
public enum DemoDataset {
  /// The name error messages and headers use for the embedded file.
  public static let name = "demo.json (built in)"

  /// The JSON text, as written by `digitrack-tui template --demo`.
  public static var bytes: [UInt8] {
    Array(UnsafeBufferPointer(start: json.utf8Start, count: json.utf8CodeUnitCount))
  }

  /// Loads the demo. It is validated by the test suite, so a failure here is a build defect.
  public static func load() throws(LoadError) -> LoadedDataset {
    try DatasetLoader().load(bytes: bytes, name: name)
  }
}
