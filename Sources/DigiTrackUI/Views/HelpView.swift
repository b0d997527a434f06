/// The `?` overlay: every key and what it does, in a box over the current view. When the last
/// reload failed, the error follows in full (the status line has room only for its start).
///
/// At small sizes the entries do not all fit (at 60×14 only a third do), so the box scrolls:
/// `offset` is its first visible entry line, and the heading says where it is and that ↑↓ move.
struct HelpView {
  let context: RenderContext
  var lastError: String?
  /// The data's warnings, in full, after the last error.
  var warnings: [String] = []
  var offset = 0

  /// The help's lines with the keys config.json bound (`q Q` for quit by default, every key of an
  /// action), leaving out a line whose actions have no key left.
  private var entries: [(key: String, text: String)] {
    context.strings.helpLines.compactMap { line in
      let key = context.keyColumn(line, all: true)
      return key.isEmpty ? nil : (context.ui(key), context.ui(context.keyText(line.text)))
    }
  }

  private var keyWidth: Int { entries.map { $0.key.displayWidth }.max() ?? 0 }

  private func innerWidth(_ width: Int) -> Int {
    let strings = context.strings
    let keyWidth = self.keyWidth
    let widest = entries.map { keyWidth + 2 + $0.text.displayWidth }.max() ?? 0
    return min(width - 4, max(widest, context.ui(strings.help).displayWidth + 16) + 2)
  }

  /// Each entry's key and its text wrapped beside the key column; then the last error, if any.
  private func lines(width: Int) -> (lines: [(key: String, text: String)], errorStart: Int) {
    let strings = context.strings
    let inner = innerWidth(width)
    var lines: [(key: String, text: String)] = []
    let keyWidth = self.keyWidth
    for entry in entries {
      let wrapped = context.wrap(entry.text, width: max(8, inner - keyWidth - 3))
      for (index, piece) in wrapped.enumerated() {
        lines.append((index == 0 ? entry.key : "", piece))
      }
    }
    let errorStart = lines.count + 1
    if let lastError {
      lines.append(("", ""))
      for piece in context.wrap(context.ui(strings.lastError) + ": " + context.text(lastError), width: inner - 2) {
        lines.append(("", piece))
      }
    }
    if !warnings.isEmpty {
      lines.append(("", ""))
      lines.append(("", context.ui(strings.dataWarnings) + ":"))
      for warning in warnings {
        for piece in context.wrap(context.text(warning), width: inner - 2) { lines.append(("", piece)) }
      }
    }
    return (lines, errorStart)
  }

  /// Entry lines that fit in the box at this height (the box has a border, a heading and a footer).
  func visibleLines(height: Int) -> Int { max(1, height - 2 - 4) }

  /// The largest useful `offset`: the last entry line at the bottom of the box.
  func lastOffset(width: Int, height: Int) -> Int {
    max(0, lines(width: width).lines.count - visibleLines(height: height))
  }

  func draw(into canvas: inout Canvas) {
    let strings = context.strings
    let innerWidth = innerWidth(canvas.width)
    let (lines, errorStart) = lines(width: canvas.width)
    let keyWidth = self.keyWidth
    let boxHeight = min(canvas.height - 2, lines.count + 4)
    guard innerWidth > 4, boxHeight > 3 else { return }
    let visible = boxHeight - 4
    let offset = max(0, min(self.offset, lines.count - visible))
    let x = (canvas.width - innerWidth - 2) / 2
    let y = max(1, (canvas.height - boxHeight) / 2)
    // A modal panel: the view behind it is cleared (but for the title line) so nothing leaks around it.
    for row in 1..<max(1, canvas.height - 2) { canvas.fill(x: 0, y: row, count: canvas.width, role: .normal) }
    let horizontal = String(repeating: context.glyphs.rule, count: innerWidth)
    let side = context.unicode ? "│" : "|"
    let corners = context.unicode ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
    canvas.put(corners[0] + horizontal + corners[1], x: x, y: y, role: .border)
    canvas.put(corners[2] + horizontal + corners[3], x: x, y: y + boxHeight - 1, role: .border)
    for row in 1..<(boxHeight - 1) {
      canvas.put(side, x: x, y: y + row, role: .border)
      canvas.put(side, x: x + innerWidth + 1, y: y + row, role: .border)
    }
    canvas.put(" " + context.ui(strings.help), x: x + 1, y: y + 1, role: .header, limit: innerWidth)
    if visible < lines.count {
      // Where the box is, "1–8 / 22 ↑↓ cuộn", at the heading's right.
      let format = context.format
      let position =
        "\(format.integer(offset + 1))\(context.unicode ? "–" : "-")\(format.integer(offset + visible)) / \(format.integer(lines.count)) "
        + context.ui(strings.helpScroll) + " "
      let at = x + 1 + max(0, innerWidth - position.displayWidth)
      canvas.put(position, x: at, y: y + 1, role: .dim, limit: innerWidth)
    }
    for row in 0..<visible {
      let index = offset + row
      guard lines.indices.contains(index) else { break }
      let line = lines[index]
      if index >= errorStart {
        canvas.put(" " + line.text, x: x + 1, y: y + 2 + row, role: .error, limit: innerWidth)
        continue
      }
      canvas.put(
        " " + line.key.fitted(to: keyWidth) + "  " + line.text, x: x + 1, y: y + 2 + row, role: .normal,
        limit: innerWidth)
      canvas.put(" " + line.key, x: x + 1, y: y + 2 + row, role: .key, limit: innerWidth)
    }
    canvas.put(
      " " + context.ui(context.keyText(strings.helpClose)), x: x + 1, y: y + boxHeight - 2, role: .dim,
      limit: innerWidth)
  }
}
