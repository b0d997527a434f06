/// What a view lays out for one width: fixed lines on top and a scrollable body below.
///
/// The body is lazy: a section knows how many rows it has and draws one on request, so the
/// screen draws only the rows in sight (a province with thousands of communes costs nothing until
/// scrolled to), while an export asks for every row.
public struct Page {
  public var top: [Line]
  public var body: Body
  /// The body row that is selected, if the view has a selection.
  public var selectedRow: Int?
  /// Body rows that are not green, for `n` / `N` in views without a selection (the province's);
  /// computed when `n` asks, not at each layout.
  public var openRows: () -> [Int]
  /// Tables in the body whose header stays on screen while their rows scroll under it.
  public var tables: [Table] = []

  /// A table in the body: the row of its header and the range of its data rows.
  public struct Table: Sendable, Equatable {
    public var header: Int
    public var rows: Range<Int>
  }

  /// The table whose header is scrolled out of sight at `offset`, so it is drawn fixed on top.
  public func stickyTable(at offset: Int) -> Table? {
    tables.first { offset > $0.header && offset < $0.rows.upperBound }
  }

  public init(top: [Line], body: Body, selectedRow: Int? = nil, openRows: @escaping () -> [Int] = { [] }) {
    self.top = top
    self.body = body
    self.selectedRow = selectedRow
    self.openRows = openRows
  }
}

public struct Body {
  public struct Section {
    public let count: Int
    public let row: (Int) -> Line
    /// Appends row `i`'s text at a width, exactly as `row(i).appendText` would, without making
    /// the line: for sections an export writes by the hundred thousand (a province's communes).
    let text: ((_ row: Int, _ width: Int, _ bytes: inout [UInt8]) -> Void)?

    public init(count: Int, row: @escaping (Int) -> Line) {
      self.count = max(0, count)
      self.row = row
      text = nil
    }

    init(count: Int, row: @escaping (Int) -> Line, text: @escaping (Int, Int, inout [UInt8]) -> Void) {
      self.count = max(0, count)
      self.row = row
      self.text = text
    }

    public init(_ lines: [Line]) {
      self.init(count: lines.count) { lines[$0] }
    }
  }

  public private(set) var sections: [Section] = []
  public private(set) var count = 0

  public init(_ sections: [Section] = []) {
    for section in sections { append(section) }
  }

  public mutating func append(_ section: Section) {
    sections.append(section)
    count += section.count
  }

  public mutating func append(_ lines: [Line]) { append(Section(lines)) }

  public func line(_ index: Int) -> Line {
    var remaining = index
    for section in sections {
      if remaining < section.count { return section.row(remaining) }
      remaining -= section.count
    }
    return .blank
  }
}
