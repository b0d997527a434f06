/// What a key can be bound to in config.json's `keys` object (issue 12 item 19, as lazygit and k9s
/// do). The raw value is the name config.json uses; it never changes once released, since users'
/// files name it.
///
/// Every single-character command of the dashboard is an action. The named keys (arrows, PgUp,
/// PgDn, Home, End, Enter, Esc, Backspace, Tab, Ctrl-C) are fixed: they always do what they do, so a
/// configuration can never take away the way back or out. A letter bound to a movement
/// (`up`… `right`) does exactly what its arrow does on every screen.
public enum KeyAction: String, CaseIterable, Sendable, Hashable {
  case quit, help, filter, onlyOpen, nextOpen, previousOpen, sort, reverse
  case previousDate, nextDate, compare, trend, overdue, export, reload
  case up, down, top, bottom, left, right, previousBand, nextBand
  case exportText, exportMarkdown, exportCSV, exportJSON, exportExcel

  /// Where an action's keys act: the dashboard, or the `e` key's format prompt, which reads one key
  /// and closes (so its keys may be the dashboard's too: `c` is CSV there, `compare` elsewhere).
  public enum Scope: Sendable, Hashable {
    case dashboard, exportPrompt
  }

  public var scope: Scope {
    switch self {
    case .exportText, .exportMarkdown, .exportCSV, .exportJSON, .exportExcel: .exportPrompt
    default: .dashboard
    }
  }

  /// Today's keys: what the dashboard did before bindings could be changed.
  public var defaultKeys: [Character] {
    switch self {
    case .quit: ["q", "Q"]
    case .help: ["?"]
    case .filter: ["/"]
    case .onlyOpen: ["o"]
    case .nextOpen: ["n"]
    case .previousOpen: ["N"]
    case .sort: ["s"]
    case .reverse: ["r"]
    case .previousDate: ["["]
    case .nextDate: ["]"]
    case .compare: ["c"]
    case .trend: ["t"]
    case .overdue: ["d"]
    case .export: ["e"]
    case .reload: ["R"]
    case .up: ["k"]
    case .down: ["j"]
    case .top: ["g"]
    case .bottom: ["G"]
    case .left: ["h"]
    case .right: ["l"]
    case .previousBand: ["H"]
    case .nextBand: ["L"]
    case .exportText: ["t"]
    case .exportMarkdown: ["m"]
    case .exportCSV: ["c"]
    case .exportJSON: ["j"]
    case .exportExcel: ["x"]
    }
  }

  /// The fixed key a movement's letters stand for; nil for the other actions.
  var movement: Key? {
    switch self {
    case .up: .up
    case .down: .down
    case .top: .home
    case .bottom: .end
    case .left: .left
    case .right: .right
    default: nil
    }
  }

  /// Actions that must keep a key: without one the dashboard could not be left (`quit`; Ctrl-C is
  /// no way a user is told) or its keys could not be looked up (`help`).
  public var mustKeepAKey: Bool { self == .quit || self == .help }

  /// The format the export prompt's action writes.
  var exportFormat: ExportFileFormat? {
    switch self {
    case .exportText: .text
    case .exportMarkdown: .markdown
    case .exportCSV: .csv
    case .exportJSON: .json
    case .exportExcel: .xlsx
    default: nil
    }
  }
}

/// Which keys do which action: the defaults, with config.json's `keys` laid over them. A pure value
/// (the executable reads and checks the file, `KeyBindings.parse`); `Update.swift` asks it what a
/// key means, and every screen that names a key asks it which key to name.
public struct KeyBindings: Sendable, Hashable {
  /// Each action's keys, first the one hints show, in `KeyAction.allCases` order. Arrays, not
  /// dictionaries or sets keyed by `KeyAction` and `Character`: the first use of each new key type
  /// scans every protocol conformance record in the binary (docs/PERFORMANCE.md, "Start-up"), and
  /// every command builds the defaults through config.json; 28 actions are searched in no time.
  private var bound: [[Character]]

  public static let defaults = KeyBindings(overrides: { _ in nil })
  /// `KeyAction.allCases` once: `bound`'s order.
  private static let actions = KeyAction.allCases

  /// The defaults with `overrides` in their place; an action given `[]` has no key. The caller
  /// has checked them (`parse`): a key bound twice in a scope goes to the action listed first in
  /// `KeyAction`.
  public init(keys overrides: [KeyAction: [Character]]) {
    self.init(overrides: { overrides[$0] })
  }

  private init(overrides: (KeyAction) -> [Character]?) {
    bound = Self.actions.map { action in
      var keys: [Character] = []
      for key in overrides(action) ?? action.defaultKeys where !keys.contains(key) { keys.append(key) }
      return keys
    }
  }

  /// Each action's keys, first the one hints show (built on demand: see `bound`).
  public var keys: [KeyAction: [Character]] {
    Dictionary(uniqueKeysWithValues: zip(Self.actions, bound))
  }

  public func keys(for action: KeyAction) -> [Character] {
    bound[Self.actions.firstIndex(of: action)!]
  }

  /// What `key` does on the dashboard (or in `scope`), if a bound action: the first action in
  /// `KeyAction` order of that scope bound to it.
  public func action(for key: Key, in scope: KeyAction.Scope = .dashboard) -> KeyAction? {
    guard case .character(let character) = key else { return nil }
    for (action, keys) in zip(Self.actions, bound) where action.scope == scope && keys.contains(character) {
      return action
    }
    return nil
  }

  /// A letter bound to a movement becomes its fixed key (`j` → ↓); any other key is itself.
  func movement(_ key: Key) -> Key {
    action(for: key)?.movement ?? key
  }

  /// The keys of `action` as help writes them (`q Q`), or only the first, as hints and sentences
  /// name it (`q`); empty when the action has no key.
  func label(_ action: KeyAction, all: Bool = true) -> String {
    let bound = keys(for: action).map(String.init)
    return all ? bound.joined(separator: " ") : bound.first ?? ""
  }
}
