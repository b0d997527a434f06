import Foundation

/// Finds themes: the user's folder first, then the installed folders, then the built-ins compiled
/// into the binary (so they work from any directory and after installation).
public struct ThemeCatalog: Sendable {
  public enum Origin: Sendable, Equatable {
    case builtIn
    case installed(String)
    case user(String)
  }

  public struct Entry: Sendable {
    public let name: String
    public let origin: Origin
    public let description: String?
    fileprivate let data: Data
    fileprivate let file: String
  }

  /// One entry per name, in the order a user would look at them: built-in names first.
  public let entries: [Entry]

  /// Looks in `$XDG_CONFIG_HOME/digitrack/themes` (or `~/.config/digitrack/themes`), in
  /// `share/digitrack/themes` beside the installed binary, and in `/usr/share/digitrack/themes`.
  /// The built-in themes alone.
  public static let builtIn = ThemeCatalog(folders: [])

  public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
    var folders: [(String, (String) -> Origin)] = []
    // The running binary's real path: argv[0] is only "digitrack-tui" when found through PATH.
    let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? ""))
      .resolvingSymlinksInPath()
    let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/digitrack/themes").path
    folders.append(("/usr/share/digitrack/themes", { .installed($0) }))
    if installed != "/usr/share/digitrack/themes" { folders.append((installed, { .installed($0) })) }
    folders.append((userFolder(environment: environment), { .user($0) }))
    return ThemeCatalog(folders: folders)
  }

  public static func userFolder(environment: [String: String]) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/digitrack/themes"
    }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/digitrack/themes"
  }

  init(folders: [(String, (String) -> Origin)]) {
    var byName: [String: Entry] = [:]
    var order: [String] = []
    func add(_ entry: Entry) {
      if byName[entry.name] == nil { order.append(entry.name) }
      byName[entry.name] = entry
    }
    for (name, text) in BuiltInThemes.files.sorted(by: { $0.key < $1.key }) {
      let data = Data(text.utf8)
      add(
        Entry(
          name: name, origin: .builtIn, description: Self.description(of: data), data: data,
          file: "\(name).json (built in)"))
    }
    // Later folders win: installed files over the built-ins, the user's over both.
    for (folder, origin) in folders {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
      for file in names.sorted() where file.hasSuffix(".json") && !file.hasPrefix(".") {
        let path = folder + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        add(
          Entry(
            name: String(file.dropLast(5)), origin: origin(path), description: Self.description(of: data), data: data,
            file: path))
      }
    }
    entries = order.compactMap { byName[$0] }
  }

  private static func description(of data: Data) -> String? {
    (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["description"] as? String
  }

  public var names: [String] { entries.map(\.name) }

  /// Loads a theme by name, following `inherits` (at most 8 levels, no cycles).
  public func theme(named name: String) throws(ThemeError) -> Theme {
    try resolve(name, chain: [])
  }

  private func resolve(_ name: String, chain: [String]) throws(ThemeError) -> Theme {
    guard let entry = entries.first(where: { $0.name == name }) else {
      let file = chain.last.flatMap { last in entries.first { $0.name == last }?.file } ?? "--theme"
      throw ThemeError(file: file, problem: "no theme named \"\(name)\"; available: \(names.joined(separator: ", "))")
    }
    guard !chain.contains(name), chain.count < 8 else {
      throw ThemeError(
        file: entry.file, problem: "themes inherit in a loop: \((chain + [name]).joined(separator: " → "))")
    }
    let file = try ThemeFile.parse(entry.data, file: entry.file)
    var theme: Theme
    if let parent = file.inherits {
      theme = try resolve(parent, chain: chain + [name])
      if let selected = file.selected { theme.selected = selected.applied(to: theme.selected) }
    } else {
      // A theme that says nothing about the selection still shows it, in reverse video.
      theme = Theme(
        name: name, styles: [:], selected: file.selected?.applied(to: RoleStyle()) ?? RoleStyle(reverse: true))
    }
    theme.name = name
    for role in Role.allCases {
      if let spec = file.roles[role] { theme.styles[role] = spec.applied(to: theme.styles[role] ?? RoleStyle()) }
    }
    return theme
  }
}
