/// Line and column of values and member names in a small JSON file that is not a dataset
/// (config.json), so its messages say `config.json:5:13:` as `validate` does for data files. The
/// same walk as the loader's (`PathLocator`), asked only when there is something to report.
public enum JSONPositions {
  /// One step of a path into the document.
  public enum Step: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  /// The path as messages print it, as the loader spells paths: `keys.quit[1]`, `keys["a b"]`.
  public static func spell(_ steps: [Step]) -> String {
    DecodeContext.format(steps.map(\.component))
  }

  /// Where the value at each path starts; `ofKey` asks instead for the opening quote of the
  /// member name that holds it (for a message about the name, such as an unknown key). A path the
  /// document lacks gives the deepest container it has on the way.
  public static func positions(of paths: [(steps: [Step], ofKey: Bool)], in text: [UInt8]) -> [FilePosition] {
    let bytes = text.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(text.dropFirst(3)) : text
    let spelled = paths.map { spell($0.steps) }
    let offsets = PathLocator.offsets(of: Set(spelled), in: bytes)
    let starts = zip(paths, spelled).map { path, name -> Int in
      let value = offsets[name] ?? 0
      return path.ofKey ? memberName(before: value, in: bytes) ?? value : value
    }
    let found = PathLocator.positions(of: Set(starts), in: bytes)
    return starts.map { found[$0] ?? FilePosition(line: 1, column: 1) }
  }

  /// The opening quote of the name before `"name": value` whose value starts at `offset`, or nil
  /// when no `":"` precedes it (an array element, the top level).
  static func memberName(before offset: Int, in bytes: [UInt8]) -> Int? {
    var index = offset - 1
    func skipSpace() {
      while index >= 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index -= 1 }
    }
    skipSpace()
    guard index >= 0, bytes[index] == UInt8(ascii: ":") else { return nil }
    index -= 1
    skipSpace()
    guard index > 0, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index -= 1
    while index >= 0 {
      if bytes[index] == UInt8(ascii: "\"") {
        var backslashes = 0
        while index - backslashes - 1 >= 0, bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        if backslashes % 2 == 0 { return index }
      }
      index -= 1
    }
    return nil
  }
}

extension JSONPositions.Step {
  var component: DecodeContext.PathComponent {
    switch self {
    case .key(let key): .key(key)
    case .index(let index): .index(index)
    }
  }
}
