import DigiTrackModel

/// The dashboard's whole state. `update` changes it in response to events and `render` draws it;
/// neither touches the terminal, so both are tested with plain key scripts.
public struct AppState {
  public enum Screen: Sendable, Equatable {
    case overview
    case matrix
    /// A province's detail, and the screen to go back to.
    case province(Int, back: TopScreen)
    /// The overdue list (`d`); it returns to `overdueBack`.
    case overdue
    /// The national trend (`t`), and the screen to go back to.
    case trend(back: TopScreen)

    public var kind: ViewKind {
      switch self {
      case .overview: .overview
      case .matrix: .matrix
      case .province: .province
      case .overdue: .overdue
      case .trend: .trend
      }
    }

    /// Screens without a selection, scrolled by `detailOffset`.
    var scrollsFreely: Bool { kind == .province || kind == .trend }
  }

  /// The screens that Tab switches between, and that a province's view goes back to (the overdue
  /// list opens provinces too).
  public enum TopScreen: Sendable, Equatable {
    case overview
    case matrix
    case overdue

    var screen: Screen {
      switch self {
      case .overview: .overview
      case .matrix: .matrix
      case .overdue: .overdue
      }
    }
  }

  public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
  }

  public static let minimumWidth = 60
  public static let minimumHeight = 14

  public private(set) var data: DashboardData
  /// The data file, for `R` and live reload; nil for the built-in demo. Kept here only: the shell
  /// reads it from the state (to watch it) and from the reload effect.
  public let dataPath: String?
  public var options: DisplayOptions {
    didSet { context = RenderContext(data: data, options: options) }
  }
  /// Strings, glyphs and number format for the data and options: built when they change, not per use.
  private(set) var context: RenderContext
  /// The current view's layout and what it was laid out for, kept across key presses, with its
  /// body rows as drawn so far.
  var layout: (key: LayoutKey, page: Page, drawn: DrawnRows)?
  /// The layout before it, so that going back (Esc from a province, Tab back from the matrix)
  /// finds the overview already laid out (and its rows drawn) instead of laying it out again.
  var previousLayout: (key: LayoutKey, page: Page, drawn: DrawnRows)?
  /// How many times the state laid out a page (tests check that a key press costs at most one).
  private(set) var layoutsMade = 0
  public private(set) var width: Int
  public private(set) var height: Int
  public internal(set) var screen: Screen = .overview
  /// Visible provinces, in the overview's filter and sort order; the matrix uses it too.
  public private(set) var order: [Int]
  /// Position of the selected province in `order`.
  public internal(set) var selection = 0
  public internal(set) var filter = ""
  public internal(set) var editingFilter = false
  public internal(set) var sort: SortKey = .rank
  public internal(set) var reversed = false
  /// First visible body row of each scrolling view.
  public internal(set) var listOffset = 0
  public internal(set) var matrixOffset = 0
  public internal(set) var detailOffset = 0
  /// The matrix's band of columns: the one that holds the column cursor (`MatrixCursor.swift`).
  public internal(set) var matrixBand = 0
  /// The matrix's column cursor, a position among its columns (← → h l move it).
  public internal(set) var matrixColumn = 0
  /// `o`: only the rows that are not green, in every table (provinces, criteria, communes).
  public internal(set) var openOnly = false
  /// The province view's row that `n` / `N` jumped to, highlighted; nil before any jump.
  public internal(set) var detailMark: Int?
  /// The province view's commune filter (`/` there) and sort (`s` there).
  public internal(set) var communeFilter = ""
  public internal(set) var communeSort: CommuneSort = .listed
  /// The overdue view's selected row and first visible row, and the screen `d` / Esc return to.
  public internal(set) var overdueSelection = 0
  public internal(set) var overdueOffset = 0
  public internal(set) var overdueBack: TopScreen = .overview
  public internal(set) var showHelp = false
  /// The `e` key's format prompt is open (ExportPrompt.swift).
  public internal(set) var exportPrompt = false
  /// First visible line of the help overlay's entries, when it does not fit.
  public internal(set) var helpOffset = 0
  public internal(set) var status: StatusMessage?
  /// Why the newest version of the data file could not be shown; cleared by a good reload.
  public internal(set) var reloadError: String?

  public init(
    data: DashboardData, options: DisplayOptions = DisplayOptions(), width: Int, height: Int, dataPath: String? = nil
  ) {
    self.data = data
    self.dataPath = dataPath
    self.options = options
    context = RenderContext(data: data, options: options)
    self.width = max(0, width)
    self.height = max(0, height)
    order = data.order(filter: "", sort: .rank, reversed: false, openOnly: false)
    status = warningStatus
  }

  /// "Data warnings: FILE: warning: PATH: … (+2)", the first warning of the data on the status
  /// line until the next key; all of them are in the `?` overlay.
  var warningStatus: StatusMessage? {
    guard let first = data.warnings.first else { return nil }
    let more = data.warnings.count > 1 ? " (+\(context.format.integer(data.warnings.count - 1)))" : ""
    return StatusMessage(text: "\(context.strings.dataWarnings): \(first)\(more)", isError: false)
  }

  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// The selected province, if any is visible.
  public var selectedProvince: Int? { order.indices.contains(selection) ? order[selection] : nil }

  mutating func resize(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    keepSelectionVisible()
  }

  /// Re-applies filter and sort, keeping the same province selected when it is still visible.
  mutating func reorder() {
    orderRows()
    keepSelectionVisible()
  }

  /// The rows in the order the filter, sort and `o` give, the selection kept on its province. An
  /// export calls this alone: it draws every row of the view it exports, which it lays out itself,
  /// so the screen's layout `reorder` keeps would be made for nothing (a tenth of a national
  /// export's instructions).
  mutating func orderRows() {
    let selected = selectedProvince
    order = data.order(filter: filter, sort: sort, reversed: reversed, openOnly: openOnly)
    selection = selected.flatMap { order.firstIndex(of: $0) } ?? 0
  }

  /// Replaces the data (a reload), keeping the view and the selected province where possible.
  public mutating func replaceData(_ newData: DashboardData) {
    let selectedCode = selectedProvince.map { data.dataset.provinces[$0].code }
    var openCode: String?
    if case .province(let index, _) = screen { openCode = data.dataset.provinces[index].code }
    // A reload keeps the report date the user chose, unless it was the newest (then the newest).
    var newData = newData
    if !data.showsLatest, let index = newData.dataset.snapshots.firstIndex(where: { $0.date == data.snapshot.date }) {
      newData = newData.atSnapshot(index)
    }
    // And the comparison chosen with `c`.
    newData = newData.comparing(data.comparison)
    data = newData
    context = RenderContext(data: data, options: options)
    order = data.order(filter: filter, sort: sort, reversed: reversed, openOnly: openOnly)
    let codes = newData.dataset.provinces.map(\.code)
    if let selectedCode, let index = codes.firstIndex(of: selectedCode), let position = order.firstIndex(of: index) {
      selection = position
    } else {
      selection = 0
    }
    if case .trend = screen { detailOffset = 0 }
    if case .province(_, let back) = screen {
      if let openCode, let index = codes.firstIndex(of: openCode) {
        screen = .province(index, back: back)
      } else {
        screen = back.screen
      }
    }
    matrixBand = 0
    matrixColumn = 0
    keepSelectionVisible()
  }

  /// Shows another report date (`[` and `]`), keeping the view, the selected province, the filter,
  /// the sort and the matrix band. Costs one `Aggregates` and one re-sort of the provinces.
  mutating func showSnapshot(_ index: Int) {
    let newData = data.atSnapshot(index).comparing(data.comparison)
    guard newData !== data else { return }
    let selected = selectedProvince
    data = newData
    context = RenderContext(data: data, options: options)
    order = data.order(filter: filter, sort: sort, reversed: reversed, openOnly: openOnly)
    selection = selected.flatMap { order.firstIndex(of: $0) } ?? 0
    keepSelectionVisible()
  }

  /// The same data with another comparison; the view, selection and filter stay.
  mutating func replaceComparison(_ comparison: Comparison) {
    let newData = data.comparing(comparison)
    guard newData !== data else { return }
    let selected = selectedProvince
    data = newData
    context = RenderContext(data: data, options: options)
    order = data.order(filter: filter, sort: sort, reversed: reversed, openOnly: openOnly)
    selection = selected.flatMap { order.firstIndex(of: $0) } ?? 0
    keepSelectionVisible()
  }
}

/// Everything a page's layout depends on. Not the selection nor the scroll offsets: they only pick
/// the highlighted row and the window, so moving never lays out again.
struct LayoutKey: Equatable {
  var screen: AppState.Screen
  var width: Int
  var height: Int
  var order: [Int]
  var filter: String
  var sort: SortKey
  var reversed: Bool
  var matrixBand: Int
  var matrixColumn: Int
  var openOnly: Bool
  var communeFilter: String
  var communeSort: CommuneSort
  /// Held, not only named: a kept layout keeps its data alive, so a new DashboardData (a reload, or
  /// another report date) can never reuse the address of the one the layout was made from.
  var data: DashboardData
  var options: DisplayOptions

  static func == (lhs: LayoutKey, rhs: LayoutKey) -> Bool {
    lhs.data === rhs.data && lhs.screen == rhs.screen && lhs.width == rhs.width && lhs.height == rhs.height
      && lhs.order == rhs.order && lhs.filter == rhs.filter && lhs.sort == rhs.sort && lhs.reversed == rhs.reversed
      && lhs.matrixBand == rhs.matrixBand && lhs.matrixColumn == rhs.matrixColumn && lhs.openOnly == rhs.openOnly
      && lhs.communeFilter == rhs.communeFilter
      && lhs.communeSort == rhs.communeSort && lhs.options == rhs.options
  }
}

extension AppState {
  var layoutKey: LayoutKey {
    LayoutKey(
      screen: screen, width: width, height: height, order: order, filter: filter, sort: sort, reversed: reversed,
      matrixBand: matrixBand, matrixColumn: matrixColumn, openOnly: openOnly, communeFilter: communeFilter,
      communeSort: communeSort,
      data: data, options: options)
  }

  /// Lays out the current view if what it depends on changed since the kept layout, and keeps it.
  mutating func keepLayout() {
    guard isTooSmall == false else { return }
    let key = layoutKey
    guard layout?.key != key else { return }
    if let previous = previousLayout, previous.key == key {
      previousLayout = layout
      layout = previous
      return
    }
    layoutsMade += 1
    previousLayout = layout
    layout = (key, layOutCurrentPage(), DrawnRows(width: width))
  }

  /// The current view's page, laid out at most once for this state.
  mutating func laidOutPage() -> Page {
    keepLayout()
    return currentPage()
  }
}
