import FoundationEssentials
import Glibc

/// The members of one JSON object, sorted into the keys its declaration (`FormatSpec.Object`)
/// allows.
///
/// Unknown keys (usually typos) and duplicate keys are reported here, so every object in the format
/// gets the same strictness without repeating it; whether a key is required comes from the
/// declaration too.
struct Fields {
  private let object: FormatSpec.Object
  private let keys: [StaticString]
  private var slots: [JSONValue?]
  private let context: DecodeContext

  /// Returns nil (after reporting) when `value` is not an object.
  init?(_ value: JSONValue, _ object: FormatSpec.Object, context: DecodeContext) {
    guard value.kind == .object else {
      context.error(.expected(.anObject, found: value.kind))
      return nil
    }
    self.object = object
    let keys = object.keys
    self.keys = keys
    self.context = context
    slots = Array(repeating: nil, count: keys.count)
    for (key, member) in value.members {
      guard let slot = keys.firstIndex(where: { key.equals($0) }) else {
        let name = key.stringValue ?? ""
        let allowed = keys.map { "\($0)" }.joined(separator: ", ")
        context.error(.unknownKey(quoted(name), allowed: allowed), key: nil)
        continue
      }
      if slots[slot] != nil {
        context.error(.duplicateKey("\(keys[slot])"))
        continue
      }
      slots[slot] = member
    }
  }

  private func slot(_ key: StaticString) -> Int {
    guard let slot = keys.firstIndex(where: { sameText($0, key) }) else {
      preconditionFailure("\(key) is not a declared key of \(object.name)")
    }
    return slot
  }

  /// The value of `key`, or nil; a missing key that the declaration requires is reported.
  func value(_ key: StaticString) -> JSONValue? {
    let slot = slot(key)
    let value = slots[slot]
    if value == nil, object.fields[slot].required { context.error(.missingKey("\(key)")) }
    return value
  }

  /// Whether the file gives `key` (nothing is reported).
  func has(_ key: StaticString) -> Bool { slots[slot(key)] != nil }
}

private func sameText(_ a: StaticString, _ b: StaticString) -> Bool {
  a.utf8CodeUnitCount == b.utf8CodeUnitCount
    && memcmp(a.utf8Start, b.utf8Start, a.utf8CodeUnitCount) == 0
}
