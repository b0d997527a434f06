/// A run of text in one role.
public struct Span: Sendable {
  public var text: String
  public var role: Role

  public init(_ text: String, _ role: Role = .normal) {
    self.text = text
    self.role = role
  }
}

/// One line of a view, laid out by the view for the width it was given.
public struct Line: Sendable {
  public var spans: [Span]
  /// A role that fills the rest of the line (title bars run to the edge).
  public var fill: Role?

  public init(_ spans: [Span] = [], fill: Role? = nil) {
    self.spans = spans
    self.fill = fill
  }

  public init(_ text: String, _ role: Role = .normal) {
    self.init([Span(text, role)])
  }

  public static let blank = Line()

  public mutating func append(_ text: String, _ role: Role = .normal) {
    spans.append(Span(text, role))
  }

  public var width: Int { spans.reduce(0) { $0 + $1.text.displayWidth } }

  /// Draws the line at row `y`, clipped to the canvas width.
  public func draw(into canvas: inout Canvas, y: Int, selected: Bool = false) {
    if let fill { canvas.fill(x: 0, y: y, count: canvas.width, role: fill) }
    var x = 0
    for span in spans where x < canvas.width {
      x += canvas.put(span.text, x: x, y: y, role: span.role, selected: selected)
    }
    if selected { canvas.select(row: y) }
  }
}
