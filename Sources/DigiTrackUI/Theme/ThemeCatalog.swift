import DigiTrackModel
import FoundationEssentials
import Glibc

/// The themes one can choose, as a value: the built-ins compiled into the binary, then the theme
/// files someone found (DigiTrackSystem's `ThemeDiscovery` reads the folders), later ones winning.
public struct ThemeCatalog: Sendable {
  public enum Origin: Sendable, Equatable {
    case builtIn
    case installed(String)
    case user(String)
  }

  /// A theme file's bytes as read, or why they could not be (the theme then shows as broken).
  public struct Source: Sendable {
    public let name: String
    public let origin: Origin
    public let contents: Result<Data, ThemeError>
    /// How messages name the file: its path.
    public let file: String

    public init(name: String, origin: Origin, contents: Result<Data, ThemeError>, file: String) {
      self.name = name
      self.origin = origin
      self.contents = contents
      self.file = file
    }
  }

  public struct Entry: Sendable {
    public let name: String
    public let origin: Origin
    public let description: String?
    fileprivate let contents: Result<Data, ThemeError>
    fileprivate let file: String
  }

  /// One entry per name, in the order a user would look at them: built-in names first.
  public let entries: [Entry]

  /// The built-in themes alone.
  public static let builtIn = ThemeCatalog(sources: [])

  /// How a built-in theme's file is named in messages (`light.json (built in)`).
  public static let builtInMark = " (built in)"

  /// The built-ins, then `sources` in order; a later source of the same name replaces an earlier one.
  public init(sources: [Source]) {
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
          name: name, origin: .builtIn, description: Self.description(of: data), contents: .success(data),
          file: "\(name).json" + Self.builtInMark))
    }
    for source in sources {
      let description = (try? source.contents.get()).flatMap(Self.description(of:))
      add(
        Entry(
          name: source.name, origin: source.origin, description: description, contents: source.contents,
          file: source.file))
    }
    entries = order.compactMap { byName[$0] }
  }

  private static func description(of data: Data) -> String? {
    ((try? JSONTree.parse([UInt8](data))) as? [String: Any])?["description"] as? String
  }

  public var names: [String] { entries.map(\.name) }

  /// Loads a theme by name, following `inherits` (at most 8 levels, no cycles).
  public func theme(named name: String) throws(ThemeError) -> Theme {
    try resolve(name, chain: [])
  }

  private func resolve(_ name: String, chain: [String]) throws(ThemeError) -> Theme {
    guard let entry = entries.first(where: { $0.name == name }) else {
      let file = chain.last.flatMap { last in entries.first { $0.name == last }?.file } ?? "--theme"
      let available = names.joined(separator: ", ")
      throw ThemeError(
        file: file,
        text: LocalizedText(
          vi: "không có bộ màu tên \"\(name)\"; các bộ màu hiện có: \(available)",
          en: "no theme named \"\(name)\"; available: \(available)"),
        isUnknownName: true)
    }
    guard !chain.contains(name), chain.count < 8 else {
      let loop = (chain + [name]).joined(separator: " → ")
      throw ThemeError(
        file: entry.file,
        text: LocalizedText(vi: "các bộ màu kế thừa nhau thành vòng: \(loop)", en: "themes inherit in a loop: \(loop)"))
    }
    let file = try ThemeFile.parse(entry.contents.get(), file: entry.file)
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
