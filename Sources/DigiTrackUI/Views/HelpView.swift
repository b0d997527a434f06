/// The `?` overlay: every key and what it does, in a box over the current view. When the last
/// reload failed, the error follows in full (the status line has room only for its start).
struct HelpView {
  let context: RenderContext
  var lastError: String?

  func draw(into canvas: inout Canvas) {
    let strings = context.strings
    let keyWidth = strings.helpLines.map { context.ui($0.key).displayWidth }.max() ?? 0
    let widest = strings.helpLines.map { keyWidth + 2 + context.ui($0.text).displayWidth }.max() ?? 0
    let innerWidth = min(canvas.width - 4, max(widest, context.ui(strings.help).displayWidth) + 2)
    // Each entry: its key, then its text wrapped beside the key column.
    var lines: [(key: String, text: String)] = []
    for entry in strings.helpLines {
      let wrapped = context.wrap(context.ui(entry.text), width: max(8, innerWidth - keyWidth - 3))
      for (index, piece) in wrapped.enumerated() {
        lines.append((index == 0 ? context.ui(entry.key) : "", piece))
      }
    }
    let errorStart = lines.count + 1
    if let lastError {
      lines.append(("", ""))
      for piece in context.wrap(context.ui(strings.lastError) + ": " + context.text(lastError), width: innerWidth - 2) {
        lines.append(("", piece))
      }
    }
    let boxHeight = min(canvas.height - 2, lines.count + 4)
    guard innerWidth > 4, boxHeight > 3 else { return }
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
    for (index, line) in lines.enumerated() where 2 + index < boxHeight - 2 {
      if index >= errorStart {
        canvas.put(" " + line.text, x: x + 1, y: y + 2 + index, role: .error, limit: innerWidth)
        continue
      }
      canvas.put(
        " " + line.key.fitted(to: keyWidth) + "  " + line.text, x: x + 1, y: y + 2 + index, role: .normal,
        limit: innerWidth)
      canvas.put(" " + line.key, x: x + 1, y: y + 2 + index, role: .key, limit: innerWidth)
    }
    canvas.put(" " + context.ui(strings.helpClose), x: x + 1, y: y + boxHeight - 2, role: .dim, limit: innerWidth)
  }
}
