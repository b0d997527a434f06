/// A line diff for test failures: the lines only in the old text with `-`, only in the new with
/// `+`, a little unchanged context around each change, and numbered hunk headers.
public enum LineDiff {
  /// At most this many lines are printed; the rest is counted.
  public static let limit = 60

  public static func render(from old: String, to new: String, context: Int = 2) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let edits = self.edits(a, b)
    // Keep the lines within `context` of a change.
    let changed = edits.indices.filter { edits[$0].mark != " " }
    guard !changed.isEmpty else { return "  (no line differs; the texts differ only in line endings)" }
    var keep = Set<Int>()
    for index in changed { keep.formUnion(max(0, index - context)...min(edits.count - 1, index + context)) }
    var out: [String] = []
    var previous = -2
    for index in keep.sorted() {
      if index != previous + 1 {
        out.append("@@ old line \(edits[index].oldLine), new line \(edits[index].newLine) @@")
      }
      out.append("\(edits[index].mark) \(edits[index].text)")
      previous = index
    }
    if out.count > limit {
      out = Array(out.prefix(limit)) + ["… \(out.count - limit) more diff lines"]
    }
    return out.joined(separator: "\n")
  }

  struct Edit {
    var mark: Character
    var text: String
    var oldLine: Int
    var newLine: Int
  }

  /// A longest-common-subsequence alignment of the lines between the common prefix and suffix.
  /// Past 2,000 differing lines on a side it gives up aligning and lists both sides whole.
  static func edits(_ a: [String], _ b: [String]) -> [Edit] {
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    let middleA = Array(a[prefix..<(a.count - suffix)])
    let middleB = Array(b[prefix..<(b.count - suffix)])
    var edits = (0..<prefix).map { Edit(mark: " ", text: a[$0], oldLine: $0 + 1, newLine: $0 + 1) }
    var i = 0
    var j = 0
    func keep() {
      edits.append(Edit(mark: " ", text: middleA[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
      i += 1
      j += 1
    }
    func remove() {
      edits.append(Edit(mark: "-", text: middleA[i], oldLine: prefix + i + 1, newLine: prefix + j + 1))
      i += 1
    }
    func add() {
      edits.append(Edit(mark: "+", text: middleB[j], oldLine: prefix + i + 1, newLine: prefix + j + 1))
      j += 1
    }
    if middleA.count <= 2000, middleB.count <= 2000 {
      // lengths[x][y]: the LCS length of middleA[x...] and middleB[y...].
      let width = middleB.count + 1
      var lengths = [Int](repeating: 0, count: (middleA.count + 1) * width)
      for x in stride(from: middleA.count - 1, through: 0, by: -1) {
        for y in stride(from: middleB.count - 1, through: 0, by: -1) {
          lengths[x * width + y] =
            middleA[x] == middleB[y]
            ? lengths[(x + 1) * width + y + 1] + 1 : max(lengths[(x + 1) * width + y], lengths[x * width + y + 1])
        }
      }
      while i < middleA.count, j < middleB.count {
        if middleA[i] == middleB[j] {
          keep()
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
          remove()
        } else {
          add()
        }
      }
    }
    while i < middleA.count { remove() }
    while j < middleB.count { add() }
    let base = a.count - suffix
    edits += (0..<suffix).map {
      Edit(mark: " ", text: a[base + $0], oldLine: base + $0 + 1, newLine: b.count - suffix + $0 + 1)
    }
    return edits
  }
}
