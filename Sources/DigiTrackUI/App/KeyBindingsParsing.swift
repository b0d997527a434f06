import DigiTrackModel

/// One thing wrong with config.json's `keys`, at JSON paths the executable turns into
/// `config.json:LINE:COLUMN:` (the file's text is its to read, not the UI's).
public struct KeyBindingProblem: Sendable, Hashable {
  /// A place the message is about: a value, or the member name that holds it.
  public struct Place: Sendable, Hashable {
    public var steps: [JSONPositions.Step]
    public var isName: Bool
  }

  /// Where it is; two places for a key bound to two actions in the file (the message goes at the
  /// later of them, where the second binding was written). The message is headed by the place's
  /// path (`keys.quit[1]`), the same in both languages.
  public var places: [Place]
  public var text: LocalizedText
}

/// Every problem `KeyBindings.parse` found, in the order of the action names.
public struct KeyBindingErrors: Error, Sendable {
  public var problems: [KeyBindingProblem]
}

extension KeyBindings {
  /// The bindings config.json's `keys` value asks for (an object of action name: a key or a list
  /// of keys, as `JSONTree` reads it), or every problem with it. Checked: the names, each
  /// key (one printable character; the fixed named keys cannot be bound), a key bound to two
  /// actions of one scope, and `quit` and `help` keeping a key.
  public static func parse(_ value: Any) -> Result<KeyBindings, KeyBindingErrors> {
    let top: [JSONPositions.Step] = [.key("keys")]
    func problem(_ steps: [JSONPositions.Step], name: Bool = false, _ text: LocalizedText) -> KeyBindingProblem {
      KeyBindingProblem(places: [KeyBindingProblem.Place(steps: steps, isName: name)], text: text)
    }
    guard let object = value as? [String: Any] else {
      return .failure(KeyBindingErrors(problems: [problem(top, .keysNotAnObject)]))
    }
    var problems: [KeyBindingProblem] = []
    var overrides: [KeyAction: [Character]] = [:]
    /// Where each configured key was written, for a message about it.
    var written: [KeyAction: [Character: [JSONPositions.Step]]] = [:]
    for name in object.keys.sorted() {
      let at = top + [.key(name)]
      guard let action = KeyAction(rawValue: name) else {
        problems.append(problem(at, name: true, .unknownAction(name)))
        continue
      }
      let entries: [(text: Any, at: [JSONPositions.Step])]
      if let list = object[name] as? [Any] {
        entries = list.enumerated().map { ($0.element, at + [.index($0.offset)]) }
      } else if object[name] is String {
        entries = [(object[name] as Any, at)]
      } else {
        problems.append(problem(at, .notAKeyOrList))
        continue
      }
      var keys: [Character] = []
      for entry in entries {
        guard let text = entry.text as? String else {
          problems.append(problem(entry.at, .notAKeyOrList))
          continue
        }
        switch Self.key(text) {
        case .key(let key):
          keys.append(key)
          if written[action, default: [:]][key] == nil { written[action, default: [:]][key] = entry.at }
        case .problem(let text): problems.append(problem(entry.at, text))
        }
      }
      if keys.isEmpty, entries.isEmpty, action.mustKeepAKey {
        problems.append(problem(at, .mustKeepAKey(action)))
      }
      overrides[action] = keys
    }
    let bindings = KeyBindings(keys: overrides)
    problems += conflicts(in: bindings, written: written)
    return problems.isEmpty ? .success(bindings) : .failure(KeyBindingErrors(problems: problems))
  }

  /// A key bound to two actions of one scope, named both; one bound only by its default is said so.
  private static func conflicts(
    in bindings: KeyBindings, written: [KeyAction: [Character: [JSONPositions.Step]]]
  ) -> [KeyBindingProblem] {
    var problems: [KeyBindingProblem] = []
    for scope in [KeyAction.Scope.dashboard, .exportPrompt] {
      var owners: [Character: [KeyAction]] = [:]
      var order: [Character] = []
      for action in KeyAction.allCases where action.scope == scope {
        for key in bindings.keys(for: action) {
          if owners[key] == nil { order.append(key) }
          owners[key, default: []].append(action)
        }
      }
      for key in order {
        guard let actions = owners[key], actions.count > 1 else { continue }
        // Two at a time: the first owner and each other one.
        for other in actions.dropFirst() {
          let pair = [actions[0], other]
          let places = pair.compactMap { written[$0]?[key] }.map { KeyBindingProblem.Place(steps: $0, isName: false) }
          let byDefault = pair.first { written[$0]?[key] == nil }
          problems.append(
            KeyBindingProblem(places: places, text: .boundTwice(key, pair[0], pair[1], byDefault: byDefault)))
        }
      }
    }
    return problems
  }

  /// Names of keys that are fixed (or that the terminal never hands over), lower-cased.
  static let fixedNames: Set<String> = [
    "tab", "backtab", "shift-tab", "enter", "return", "esc", "escape", "backspace", "up", "down", "left", "right",
    "pgup", "pgdn", "pageup", "pagedown", "home", "end", "ctrl-c", "space", "↑", "↓", "←", "→",
  ]

  /// A key as config.json writes it, read.
  enum Reading: Equatable {
    case key(Character)
    case problem(LocalizedText)
  }

  /// One key as config.json writes it: a single printable character.
  static func key(_ text: String) -> Reading {
    let lower = text.lowercased()
    if text.isEmpty { return .problem(.emptyKey) }
    if fixedNames.contains(lower) { return .problem(.fixedKey(text)) }
    if lower.count >= 2, lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
      return .problem(.functionKey(text))
    }
    guard text.count == 1, let key = text.first else { return .problem(.notOneCharacter(text)) }
    let unprintable = key.unicodeScalars.contains {
      $0.properties.generalCategory == .control || $0.properties.isWhitespace || SafeText.isInvisible($0)
    }
    return unprintable ? .problem(.unprintableKey(text)) : .key(key)
  }
}
