/// The body rows of one layout as they were drawn on a canvas, kept for the frames after it.
///
/// A row of a kept layout is the same Line at every frame (the layout key holds all it depends
/// on, and selection only marks it), so once drawn its cells can be copied instead of building
/// the line again and measuring every character: the overview's rows cost more to build than the
/// rest of a move's frame. Held by `AppState` next to the layout it belongs to, and dropped with
/// it. At most `limit` rows are kept, so scrolling through 200,000 communes keeps a screenful.
final class DrawnRows {
  private var rows: [Key: [Cell]] = [:]
  let width: Int
  static let limit = 512
  /// Rows handed out so far (tests check that frames reuse them).
  private(set) var copied = 0

  private struct Key: Hashable {
    var row: Int
    var selected: Bool
  }

  init(width: Int) {
    self.width = width
  }

  /// The cells of body row `row` as drawn before, if they were.
  func cells(row: Int, selected: Bool) -> [Cell]? {
    guard let cells = rows[Key(row: row, selected: selected)] else { return nil }
    copied += 1
    return cells
  }

  /// Keeps row `y` of `canvas` as body row `row`.
  func keep(row: Int, selected: Bool, from canvas: Canvas, y: Int) {
    guard canvas.width == width else { return }
    if rows.count >= Self.limit { rows.removeAll(keepingCapacity: true) }
    rows[Key(row: row, selected: selected)] = canvas.cells(ofRow: y)
  }
}
