/// Shown instead of the dashboard when the terminal is below the minimum size. The quit key
/// (`q`, or the one config.json binds) still quits, and the screen names it.
struct TooSmallView {
  let context: RenderContext
  let width: Int
  let height: Int

  func canvas() -> Canvas {
    var canvas = Canvas(width: width, height: height)
    let times = context.glyphs.times
    let size = "\(width)\(times)\(height)"
    let needed = "\(AppState.minimumWidth)\(times)\(AppState.minimumHeight)"
    var messages = [context.ui("\(context.strings.tooSmall): \(size), \(context.strings.needs) \(needed)")]
    // Whoever reads this may not read Vietnamese; the English line is short and always follows.
    if context.language != .en {
      messages.append(context.ui("\(Strings.english.tooSmall): \(size), \(Strings.english.needs) \(needed)"))
    }
    messages.append(context.ui(context.keys.label(.quit, all: false) + ": " + context.strings.quitWord))
    var lines: [String] = []
    for message in messages { lines += context.wrap(message, width: max(1, width)) }
    let top = max(0, (height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < height {
      let x = max(0, (width - line.displayWidth) / 2)
      canvas.put(line, x: x, y: top + index, role: .tooSmall)
    }
    return canvas
  }
}
