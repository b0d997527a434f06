import DigiTrackModel
import TestSupport
import Testing

@testable import DigiTrackUI

/// `KeyBindings` keeps its keys in arrays in `KeyAction` order rather than dictionaries, so that
/// building it at every start scans no conformance records (docs/PERFORMANCE.md, "Start-up"). It
/// must answer exactly as the dictionaries did: checked here against that earlier construction.
@Suite struct KeyBindingsLookupTests {
  /// The dictionaries the bindings were built as before: each action's keys without repeats, and
  /// per scope the first action in `KeyAction` order bound to a key.
  struct Reference {
    var keys: [KeyAction: [Character]] = [:]
    var actions: [KeyAction.Scope: [Character: KeyAction]] = [:]

    init(_ overrides: [KeyAction: [Character]]) {
      for action in KeyAction.allCases {
        var seen: Set<Character> = []
        let bound = (overrides[action] ?? action.defaultKeys).filter { seen.insert($0).inserted }
        keys[action] = bound
        for key in bound where actions[action.scope, default: [:]][key] == nil {
          actions[action.scope, default: [:]][key] = action
        }
      }
    }
  }

  static let pool: [Character] = ["q", "Q", "?", "a", "b", "c", "j", "k", "t", "x", "é", "1"]
  static let scopes: [KeyAction.Scope] = [.dashboard, .exportPrompt]

  static func check(_ overrides: [KeyAction: [Character]]) {
    let bindings = KeyBindings(keys: overrides)
    let reference = Reference(overrides)
    #expect(bindings.keys == reference.keys)
    for action in KeyAction.allCases {
      #expect(bindings.keys(for: action) == reference.keys[action])
    }
    for scope in scopes {
      for key in pool + ["z", "["] {
        #expect(bindings.action(for: .character(key), in: scope) == reference.actions[scope]?[key], "\(key) \(scope)")
      }
    }
    #expect(bindings.action(for: .up) == nil)
  }

  @Test func theDefaultsAnswerAsTheDictionariesDid() {
    Self.check([:])
    #expect(KeyBindings.defaults == KeyBindings(keys: [:]))
  }

  @Test func randomOverridesAnswerAsTheDictionariesDid() {
    var random = SeededRandom.fromEnvironment("KeyBindingsLookupTests")
    for _ in 0..<200 {
      var overrides: [KeyAction: [Character]] = [:]
      for action in KeyAction.allCases where Int.random(in: 0..<4, using: &random) == 0 {
        overrides[action] = (0..<Int.random(in: 0...3, using: &random)).map { _ in
          Self.pool.randomElement(using: &random)!
        }
      }
      Self.check(overrides)
      // Equal bindings are equal values, whatever the overrides said: a default spelled out.
      var spelled = overrides
      for action in KeyAction.allCases where spelled[action] == nil { spelled[action] = action.defaultKeys }
      #expect(KeyBindings(keys: spelled) == KeyBindings(keys: overrides))
    }
  }
}
