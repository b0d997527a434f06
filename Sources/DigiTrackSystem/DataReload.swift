import DigiTrackModel
import DigiTrackUI

/// Carries out the dashboard's `.reload(path)` effect: reads the data file again and says what
/// happened as an event for the state.
public enum DataReload {
  /// `.dataReloaded` with the new data, or `.reloadFailed` with the first error in full.
  public static func event(path: String, maxBytes: Int, language: Language = .en) -> Event {
    do {
      let loaded = try DatasetLoader(maxBytes: maxBytes).load(path: path)
      let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
      let warnings = loaded.warnings.map { $0.formatted(file: name, language: language) }
      return .dataReloaded(DashboardData(dataset: loaded.dataset, sourceName: name, warnings: warnings))
    } catch {
      return .reloadFailed(
        error.diagnostics.first.map { $0.formatted(file: error.file, language: language) }
          ?? error.description(in: language))
    }
  }
}
