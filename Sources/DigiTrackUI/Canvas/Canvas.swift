/// What a cell means, not how it looks: a theme turns roles into colours and attributes, so
/// views never name a colour and a monochrome terminal can still tell every role apart.
public enum Role: UInt8, Sendable, CaseIterable {
  case normal
  case title
  case header
  case label
  case dim
  case border
  case keyHint
  case key
  case statusLine
  case statusGreen
  case statusYellow
  case statusRed
  case statusNotReported
  case barFill
  case barEmpty
  case illustrative
  case error
  case tooSmall
}

/// One terminal cell.
public struct Cell: Sendable, Hashable {
  /// The grapheme drawn here. Empty for the second column of a wide character.
  public var text: String
  public var role: Role
  /// Part of the selected row.
  public var selected: Bool

  public static let blank = Cell(text: " ", role: .normal, selected: false)
}

/// A grid of styled cells: what every view draws into.
///
/// The terminal backend copies it to the screen and the text export prints its rows, so what is
/// exported is by construction what is shown.
public struct Canvas: Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Writes text at (x, y), clipped to `limit` columns and to the canvas. Returns the columns used.
  /// A wide character that would cross the edge is replaced by a space.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, role: Role, selected: Bool = false, limit: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let end = min(width, x + (limit ?? width))
    var column = x
    for character in text {
      let columns = DisplayWidth.of(character)
      if columns == 0 {
        // A stray combining mark or control: it has no cell of its own.
        continue
      }
      if column + columns > end {
        if column < end { fill(x: column, y: y, count: end - column, role: role, selected: selected) }
        column = end
        break
      }
      if column >= 0 {
        cells[y * width + column] = Cell(text: String(character), role: role, selected: selected)
        if columns == 2 { cells[y * width + column + 1] = Cell(text: "", role: role, selected: selected) }
      }
      column += columns
    }
    return max(0, column - x)
  }

  /// Fills `count` cells with spaces in a role.
  public mutating func fill(x: Int, y: Int, count: Int, role: Role, selected: Bool = false) {
    guard y >= 0, y < height else { return }
    let start = max(0, x)
    let end = min(width, x + count)
    guard start < end else { return }
    for column in start..<end {
      cells[y * width + column] = Cell(text: " ", role: role, selected: selected)
    }
  }

  /// Marks a whole row as selected, keeping each cell's role.
  public mutating func select(row y: Int) {
    guard y >= 0, y < height else { return }
    for column in 0..<width { cells[y * width + column].selected = true }
  }

  /// Row `y` as plain text, without trailing spaces.
  public func text(row y: Int) -> String {
    var line = ""
    for column in 0..<width { line += cells[y * width + column].text }
    while line.last == " " { line.removeLast() }
    return line
  }

  /// Every row as plain text: the export format, and what golden tests compare.
  public var text: String {
    (0..<height).map { text(row: $0) }.joined(separator: "\n") + "\n"
  }

  /// A character per cell naming its role, for golden tests of styling.
  public var styleMask: String {
    var rows: [String] = []
    for y in 0..<height {
      var row = ""
      for x in 0..<width {
        let cell = self[x, y]
        let code = Role.maskCodes[Int(cell.role.rawValue)]
        row.append(cell.selected ? Character(code.uppercased()) : code)
      }
      rows.append(row)
    }
    return rows.joined(separator: "\n") + "\n"
  }
}

extension Role {
  /// One letter per role in style masks (upper case when selected).
  static let maskCodes: [Character] = [
    ".", "t", "h", "l", "d", "b", "k", "y", "s", "g", "w", "r", "n", "f", "e", "i", "x", "z",
  ]
}
