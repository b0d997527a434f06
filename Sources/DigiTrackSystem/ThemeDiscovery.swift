import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// Finds theme files on disk and builds the catalog from them.
public enum ThemeDiscovery {
  /// The catalog a user sees: the built-ins, then `/usr/share/digitrack/themes`, then
  /// `share/digitrack/themes` beside the installed binary (when that is another folder), then the
  /// user's `$XDG_CONFIG_HOME/digitrack/themes` (or `~/.config/digitrack/themes`). Later folders win.
  public static func catalog(environment: [String: String] = ConfigFolder.environment) -> ThemeCatalog {
    var folders: [(String, (String) -> ThemeCatalog.Origin)] = []
    // The running binary's real path: argv[0] is only "digitrack-tui" when found through PATH.
    let executable = URL(fileURLWithPath: RunningProcess.binaryPath ?? CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath()
    let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/digitrack/themes").path
    folders.append(("/usr/share/digitrack/themes", { .installed($0) }))
    if installed != "/usr/share/digitrack/themes" { folders.append((installed, { .installed($0) })) }
    folders.append((userFolder(environment: environment), { .user($0) }))
    return catalog(folders: folders)
  }

  public static func userFolder(environment: [String: String]) -> String {
    ConfigFolder.path(environment: environment) + "/themes"
  }

  /// The built-ins and every `NAME.json` in `folders` (hidden files aside), by name in each folder.
  /// A file over `BoundedFile.smallFileLimit` is not read: it is listed as a broken theme.
  public static func catalog(folders: [(String, (String) -> ThemeCatalog.Origin)]) -> ThemeCatalog {
    var sources: [ThemeCatalog.Source] = []
    for (folder, origin) in folders {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
      for file in names.sorted() where file.hasSuffix(".json") && !file.hasPrefix(".") {
        let path = folder + "/" + file
        let contents: Result<Data, ThemeError>
        switch BoundedFile.read(path) {
        case .success(let data): contents = .success(data)
        case .failure(.missing): continue
        case .failure(let failure):
          contents = .failure(
            ThemeError(file: path, text: LocalizedText(vi: failure.problem(in: .vi), en: failure.problem(in: .en))))
        }
        sources.append(
          ThemeCatalog.Source(name: String(file.dropLast(5)), origin: origin(path), contents: contents, file: path))
      }
    }
    return ThemeCatalog(sources: sources)
  }
}
