/// Puts pages on a canvas: a window of the body for the screen, or all of it for an export.
enum Composer {
  /// `reserved` rows at the bottom are left for `bottom` (the status and key-hint lines). Top
  /// and body rows found in `drawn` are copied from it, and the others kept there once the canvas
  /// is finished (so that `drawn` may keep the canvas itself).
  static func screen(
    _ page: Page, offset: Int, width: Int, height: Int, reserved: Int, bottom: [Line] = [], drawn: DrawnRows? = nil
  ) -> Canvas {
    var canvas = Canvas(width: width, height: max(0, height))
    for (index, line) in bottom.prefix(reserved).enumerated() where height - reserved + index >= 0 {
      line.draw(into: &canvas, y: height - reserved + index)
    }
    let height = max(0, height - reserved)
    var kept: [(row: Int, selected: Bool, y: Int)] = []
    var y = 0
    // The top lines are the same at every frame of a layout, as its body rows are: kept under
    // rows of their own below 0.
    for (index, line) in page.top.enumerated() where y < height {
      if drawn?.copy(row: -1 - index, selected: false, into: &canvas, y: y) != true {
        line.draw(into: &canvas, y: y)
        if drawn != nil { kept.append((-1 - index, false, y)) }
      }
      y += 1
    }
    var row = max(0, offset)
    // A table whose header has scrolled away keeps it as the first body line (issue 12 item 5).
    if let table = page.stickyTable(at: row), y < height {
      if drawn?.copy(row: table.header, selected: false, into: &canvas, y: y) != true {
        page.body.line(table.header).draw(into: &canvas, y: y)
        if drawn != nil { kept.append((table.header, false, y)) }
      }
      y += 1
      row += 1
    }
    while y < height, row < page.body.count {
      let selected = row == page.selectedRow
      if drawn?.copy(row: row, selected: selected, into: &canvas, y: y) != true {
        page.body.line(row).draw(into: &canvas, y: y, selected: selected)
        if drawn != nil { kept.append((row, selected, y)) }
      }
      y += 1
      row += 1
    }
    drawn?.keep(kept, from: canvas)
    return canvas
  }

  /// Every page in full, one after another with a blank line between.
  static func document(_ pages: [Page], width: Int) -> Canvas {
    let height = pages.reduce(0) { $0 + $1.top.count + $1.body.count } + max(0, pages.count - 1)
    var canvas = Canvas(width: width, height: height)
    var y = 0
    for (index, page) in pages.enumerated() {
      if index > 0 { y += 1 }
      for line in page.top {
        line.draw(into: &canvas, y: y)
        y += 1
      }
      for row in 0..<page.body.count {
        page.body.line(row).draw(into: &canvas, y: y, selected: row == page.selectedRow)
        y += 1
      }
    }
    return canvas
  }
}
