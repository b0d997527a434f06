/// The body rows of one layout as they were drawn on a canvas, kept for the frames after it (and
/// its top lines, kept as rows below 0), with its key-hint line.
///
/// A row of a kept layout is the same Line at every frame (the layout key holds all it depends
/// on, and selection only marks it), so once drawn its cells can be copied instead of building
/// the line again and measuring every character: the overview's rows cost more to build than the
/// rest of a move's frame. Held by `AppState` next to the layout it belongs to, and dropped with
/// it. At most `limit` rows are kept, so scrolling through 200,000 communes keeps a screenful.
///
/// A frame that draws many rows (the first of a layout, a page down) keeps the finished canvas
/// itself and where each row is on it, not a copy of each row: copying sixty rows of cells, and
/// freeing them later, cost more than a tenth of an Enter. One that draws a few (a move draws
/// two) copies them, so that a canvas is kept only for many rows.
final class DrawnRows {
  private enum Stored {
    case cells([Cell])
    case onCanvas(Canvas, y: Int)
  }

  private var rows: [Key: Stored] = [:]
  let width: Int
  static let limit = 512
  /// Rows drawn by one frame from which it keeps the canvas rather than copies.
  static let sharedFrom = 8
  /// Rows handed out so far (tests check that frames reuse them).
  private(set) var copied = 0

  private struct Key: Hashable {
    var row: Int
    var selected: Bool
  }

  init(width: Int) {
    self.width = width
  }

  /// The key-hint line of each state of the filter prompt, made at the first frame that shows it:
  /// besides the prompt, it depends only on what the layout key holds (the screen, the width and
  /// the options), and making it cost a quarter of a move. Two stored lines, not a dictionary
  /// keyed by the state: that type would be instantiated by name, a scan of every conformance
  /// record, at the first frame.
  private var hintsWhileTyping: Line?
  private var hints: Line?

  func hintLine(editingFilter: Bool, make: () -> Line) -> Line {
    if let line = editingFilter ? hintsWhileTyping : hints { return line }
    let line = make()
    if editingFilter { hintsWhileTyping = line } else { hints = line }
    return line
  }

  /// Copies body row `row` as drawn before, if it was, onto row `y` of `canvas`. Returns
  /// whether it did.
  func copy(row: Int, selected: Bool, into canvas: inout Canvas, y: Int) -> Bool {
    guard canvas.width == width, let stored = rows[Key(row: row, selected: selected)] else { return false }
    switch stored {
    case .cells(let cells): canvas.replace(row: y, with: cells)
    case .onCanvas(let source, let sourceY): canvas.replace(row: y, from: source, row: sourceY)
    }
    copied += 1
    return true
  }

  /// Keeps rows of `canvas`, finished: body row `row` (selected or not) is its row `y`.
  func keep(_ drawn: [(row: Int, selected: Bool, y: Int)], from canvas: Canvas) {
    guard canvas.width == width, !drawn.isEmpty else { return }
    if rows.count + drawn.count > Self.limit { rows.removeAll(keepingCapacity: true) }
    let shared = drawn.count >= Self.sharedFrom
    for (row, selected, y) in drawn {
      rows[Key(row: row, selected: selected)] = shared ? .onCanvas(canvas, y: y) : .cells(canvas.cells(ofRow: y))
    }
  }
}
