import DigiTrackModel
import DigiTrackSheets
import DigiTrackUI

/// Carries out the dashboard's `.reload(path)` effect: reads the data file (or the `--data DIR`
/// folder) again and says what happened as events for the state.
public enum DataReload {
  /// `.dataReloaded` with the new data, or `.reloadFailed` with the first error in full.
  public static func event(path: String, maxBytes: Int, language: Language = .en) -> Event {
    events(path: path, maxBytes: maxBytes, language: language)[0]
  }

  /// The same for a file; for a folder, `.dataReloaded` with the merged parts, then a notice that
  /// names the bad files (so a file added with an error is seen, and the good parts still shown),
  /// or `.reloadFailed` with the conflicts that `prefer` does not decide.
  public static func events(path: String, maxBytes: Int, prefer: String? = nil, language: Language = .en) -> [Event] {
    if FolderDataset.isFolder(path) {
      switch FolderDataset.load(folder: path, prefer: preference(prefer), maxBytes: maxBytes) {
      case .success(let loaded):
        let data = DashboardData(dataset: loaded.dataset, sourceName: folderName(path))
        let notice = SheetMessages(language: language).badParts(loaded.bad)
        return [.dataReloaded(data)] + (loaded.bad.isEmpty ? [] : [.notice(notice)])
      case .failure(let failure):
        return [.reloadFailed(failure.problems.map { $0.description(in: language) }.joined(separator: "; "))]
      }
    }
    do {
      let loaded = try DatasetLoader(maxBytes: maxBytes).load(path: path)
      let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
      let warnings = loaded.warnings.map { $0.formatted(file: name, language: language) }
      return [.dataReloaded(DashboardData(dataset: loaded.dataset, sourceName: name, warnings: warnings))]
    } catch {
      return [
        .reloadFailed(
          error.diagnostics.first.map { $0.formatted(file: error.file, language: language) }
            ?? error.description(in: language))
      ]
    }
  }

  /// How a folder is named in titles: its last component and a slash (`bao-cao/`).
  public static func folderName(_ path: String) -> String {
    (path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path) + "/"
  }

  /// `--prefer`: nil decides nothing, `newer` the file modified last, anything else that file.
  public static func preference(_ prefer: String?) -> DatasetMerge.Preference {
    switch prefer {
    case nil: .none
    case "newer": .newer
    case let file?: .file(file)
    }
  }
}
