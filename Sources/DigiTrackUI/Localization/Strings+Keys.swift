import DigiTrackModel

// MARK: key bindings (issue 12 item 19)

/// One key of a help line or hint: a fixed key's name as written (`Enter`, `↑↓`), or an action,
/// which shows the keys config.json bound to it.
enum KeyPart: Sendable, Hashable {
  case fixed(String)
  case action(KeyAction)
}

/// A line of the `?` overlay or a hint of the hint bar: its keys and what they do. `keys` are
/// groups of parts: a group's parts are joined by a space, groups by two (`↑ ↓  j k`). `text` may
/// name keys as `{action}` (the action's first key) or `{exportFormats}` (the prompt's keys and
/// formats); `RenderContext.keyText` fills them in.
struct KeyHelp: Sendable {
  let keys: [[KeyPart]]
  let text: String

  init(_ keys: [[KeyPart]], _ text: String) {
    self.keys = keys
    self.text = text
  }

  /// A line whose only key is `action`'s.
  init(_ action: KeyAction, _ text: String) {
    self.init([[.action(action)]], text)
  }

  init(fixed: String, _ text: String) {
    self.init([[.fixed(fixed)]], text)
  }

  func names(_ action: KeyAction) -> Bool { keys.contains { $0.contains(.action(action)) } }
}

extension Strings {
  private func pickKeys<T>(_ vi: T, _ en: T) -> T { language == .vi ? vi : en }

  /// The `?` overlay's lines, in the order it lists them.
  var helpLines: [KeyHelp] { pickKeys(Self.helpVietnamese, Self.helpEnglish) }

  var helpClose: String { pickKeys("Nhấn {help} hoặc Esc để đóng", "Press {help} or Esc to close") }

  /// The word after the quit key where a screen names only it (the too-small screen).
  var quitWord: String { pickKeys("thoát", "quit") }

  /// The hint bar of each screen (the help and quit hints are always kept, at the end).
  var overviewHints: [KeyHelp] {
    pickKeys(
      [
        KeyHelp(fixed: "↑↓", "chọn"), KeyHelp(fixed: "Enter", "mở"), KeyHelp(fixed: "Tab", "ma trận"),
        KeyHelp(.filter, "lọc"), KeyHelp(.sort, "sắp xếp"), KeyHelp(.reverse, "đảo chiều"),
        KeyHelp(.onlyOpen, "chưa xanh"), KeyHelp(.nextOpen, "kế tiếp"), Self.dates("kỳ"), KeyHelp(.export, "xuất"),
        KeyHelp(.overdue, "quá hạn"), KeyHelp(.help, "trợ giúp"), KeyHelp(.quit, "thoát"),
      ],
      [
        KeyHelp(fixed: "↑↓", "select"), KeyHelp(fixed: "Enter", "open"), KeyHelp(fixed: "Tab", "matrix"),
        KeyHelp(.filter, "filter"), KeyHelp(.sort, "sort"), KeyHelp(.reverse, "reverse"),
        KeyHelp(.onlyOpen, "not green"), KeyHelp(.nextOpen, "next"), Self.dates("date"), KeyHelp(.export, "export"),
        KeyHelp(.overdue, "overdue"), KeyHelp(.help, "help"), KeyHelp(.quit, "quit"),
      ])
  }

  var detailHints: [KeyHelp] {
    pickKeys(
      [
        KeyHelp(fixed: "↑↓", "cuộn"), KeyHelp(fixed: "PgUp/PgDn", "trang"), KeyHelp(fixed: "Esc", "quay lại"),
        KeyHelp(.filter, "lọc xã"), KeyHelp(.onlyOpen, "chưa xanh"), KeyHelp(.nextOpen, "kế tiếp"),
        KeyHelp(.sort, "sắp xếp xã"), Self.dates("kỳ"), KeyHelp(.export, "xuất"), KeyHelp(.help, "trợ giúp"),
        KeyHelp(.quit, "thoát"),
      ],
      [
        KeyHelp(fixed: "↑↓", "scroll"), KeyHelp(fixed: "PgUp/PgDn", "page"), KeyHelp(fixed: "Esc", "back"),
        KeyHelp(.filter, "filter communes"), KeyHelp(.onlyOpen, "not green"), KeyHelp(.nextOpen, "next"),
        KeyHelp(.sort, "sort communes"), Self.dates("date"), KeyHelp(.export, "export"), KeyHelp(.help, "help"),
        KeyHelp(.quit, "quit"),
      ])
  }

  var matrixHints: [KeyHelp] {
    pickKeys(
      [
        KeyHelp(fixed: "↑↓", "chọn"), KeyHelp(fixed: "←→", "cột"), KeyHelp(fixed: "Enter", "mở"),
        KeyHelp(fixed: "Tab", "tổng quan"), KeyHelp(.filter, "lọc"), KeyHelp(.onlyOpen, "chưa xanh"),
        KeyHelp(.nextOpen, "kế tiếp"), Self.dates("kỳ"), KeyHelp(.export, "xuất"), KeyHelp(.overdue, "quá hạn"),
        KeyHelp(.help, "trợ giúp"), KeyHelp(.quit, "thoát"),
      ],
      [
        KeyHelp(fixed: "↑↓", "select"), KeyHelp(fixed: "←→", "columns"), KeyHelp(fixed: "Enter", "open"),
        KeyHelp(fixed: "Tab", "overview"), KeyHelp(.filter, "filter"), KeyHelp(.onlyOpen, "not green"),
        KeyHelp(.nextOpen, "next"), Self.dates("date"), KeyHelp(.export, "export"), KeyHelp(.overdue, "overdue"),
        KeyHelp(.help, "help"), KeyHelp(.quit, "quit"),
      ])
  }

  var overdueHints: [KeyHelp] {
    pickKeys(
      [
        KeyHelp(fixed: "↑↓", "chọn"), KeyHelp(fixed: "Enter", "mở tỉnh"), KeyHelp(fixed: "Esc", "quay lại"),
        KeyHelp(.filter, "lọc"), KeyHelp(.nextOpen, "kế tiếp"), Self.dates("kỳ"), KeyHelp(.export, "xuất"),
        KeyHelp(.help, "trợ giúp"), KeyHelp(.quit, "thoát"),
      ],
      [
        KeyHelp(fixed: "↑↓", "select"), KeyHelp(fixed: "Enter", "open province"), KeyHelp(fixed: "Esc", "back"),
        KeyHelp(.filter, "filter"), KeyHelp(.nextOpen, "next"), Self.dates("date"), KeyHelp(.export, "export"),
        KeyHelp(.help, "help"), KeyHelp(.quit, "quit"),
      ])
  }

  var trendHints: [KeyHelp] {
    pickKeys(
      [
        KeyHelp(fixed: "↑↓", "cuộn"), KeyHelp(.trend, "đóng xu hướng"), Self.dates("kỳ"), KeyHelp(.export, "xuất"),
        KeyHelp(.help, "trợ giúp"), KeyHelp(.quit, "thoát"),
      ],
      [
        KeyHelp(fixed: "↑↓", "scroll"), KeyHelp(.trend, "close trend"), Self.dates("date"), KeyHelp(.export, "export"),
        KeyHelp(.help, "help"), KeyHelp(.quit, "quit"),
      ])
  }

  var filterHints: [KeyHelp] {
    pickKeys(
      [KeyHelp(fixed: "Enter", "giữ bộ lọc"), KeyHelp(fixed: "Esc", "xóa bộ lọc"), KeyHelp(fixed: "↑↓", "chọn")],
      [KeyHelp(fixed: "Enter", "keep filter"), KeyHelp(fixed: "Esc", "clear filter"), KeyHelp(fixed: "↑↓", "select")])
  }

  /// `[ ]`: the previous and next report date, as one hint.
  private static func dates(_ text: String) -> KeyHelp {
    KeyHelp([[.action(.previousDate), .action(.nextDate)]], text)
  }

  private static let helpVietnamese: [KeyHelp] = [
    KeyHelp([[.fixed("↑ ↓")], [.action(.down), .action(.up)]], "di chuyển"),
    KeyHelp(fixed: "PgUp PgDn", "lên, xuống một trang"),
    KeyHelp([[.fixed("Home End")], [.action(.top), .action(.bottom)]], "về đầu, về cuối"),
    KeyHelp(fixed: "Enter", "mở tỉnh đang chọn"),
    KeyHelp(fixed: "Esc  Backspace  ←", "quay lại"),
    KeyHelp(fixed: "Tab", "chuyển Tổng quan / Ma trận"),
    KeyHelp([[.action(.previousDate)], [.action(.nextDate)]], "kỳ báo cáo trước, kỳ sau"),
    KeyHelp(.compare, "đổi kỳ so sánh (kỳ trước, các kỳ sớm hơn, không so sánh)"),
    KeyHelp(.trend, "bật, tắt xu hướng toàn quốc qua các kỳ"),
    KeyHelp(
      [[.fixed("← →")], [.action(.left), .action(.right)]], "ma trận: sang cột trước, cột sau (dải cột đi theo)"),
    KeyHelp([[.action(.previousBand)], [.action(.nextBand)]], "ma trận: sang dải cột trước, dải sau"),
    KeyHelp(.filter, "lọc tỉnh; trong trang tỉnh, lọc xã (bỏ qua dấu, hoa thường, khoảng trắng)"),
    KeyHelp(fixed: "Enter  Esc", "giữ bộ lọc; xóa bộ lọc"),
    KeyHelp(.onlyOpen, "chỉ hiện dòng chưa xanh (tỉnh, tiêu chí, xã)"),
    KeyHelp([[.action(.nextOpen)], [.action(.previousOpen)]], "đến dòng chưa xanh kế tiếp, trước đó"),
    KeyHelp(.sort, "đổi cách sắp xếp (hạng, tên, % tỉnh, % xã, vùng); trong trang tỉnh, sắp xếp xã"),
    KeyHelp(.reverse, "đảo chiều sắp xếp"),
    KeyHelp(.overdue, "danh sách tiêu chí quá hạn, toàn quốc và theo tỉnh ({overdue} hoặc Esc để quay lại)"),
    KeyHelp(.export, "xuất màn hình hiện tại ra tệp: {exportFormats}"),
    KeyHelp(.reload, "tải lại tệp dữ liệu (tệp cũng được theo dõi tự động)"),
    KeyHelp(.help, "bật, tắt trợ giúp"),
    KeyHelp([[.action(.quit)], [.fixed("Ctrl-C")]], "thoát"),
    KeyHelp(fixed: "chuột", "nhấp để chọn, cuộn chuột để cuộn"),
  ]

  private static let helpEnglish: [KeyHelp] = [
    KeyHelp([[.fixed("↑ ↓")], [.action(.down), .action(.up)]], "move"),
    KeyHelp(fixed: "PgUp PgDn", "page up, page down"),
    KeyHelp([[.fixed("Home End")], [.action(.top), .action(.bottom)]], "first, last"),
    KeyHelp(fixed: "Enter", "open the selected province"),
    KeyHelp(fixed: "Esc  Backspace  ←", "go back"),
    KeyHelp(fixed: "Tab", "switch Overview / Matrix"),
    KeyHelp([[.action(.previousDate)], [.action(.nextDate)]], "previous, next report date"),
    KeyHelp(.compare, "change the date compared with (previous, each earlier one, none)"),
    KeyHelp(.trend, "show, hide the national trend over every report date"),
    KeyHelp(
      [[.fixed("← →")], [.action(.left), .action(.right)]], "matrix: previous / next column (the band follows)"),
    KeyHelp([[.action(.previousBand)], [.action(.nextBand)]], "matrix: previous / next band of columns"),
    KeyHelp(.filter, "filter provinces; in a province, its communes (ignores case, diacritics, spaces)"),
    KeyHelp(fixed: "Enter  Esc", "keep the filter; clear it"),
    KeyHelp(.onlyOpen, "show only rows that are not green (provinces, criteria, communes)"),
    KeyHelp([[.action(.nextOpen)], [.action(.previousOpen)]], "next, previous row that is not green"),
    KeyHelp(.sort, "change the sort (rank, name, provincial %, commune %, region); in a province, its communes"),
    KeyHelp(.reverse, "reverse the sort"),
    KeyHelp(.overdue, "the overdue criteria, national and per province ({overdue} or Esc to go back)"),
    KeyHelp(.export, "export the current view to a file: {exportFormats}"),
    KeyHelp(.reload, "reload the data file (it is also watched for changes)"),
    KeyHelp(.help, "show or hide this help"),
    KeyHelp([[.action(.quit)], [.fixed("Ctrl-C")]], "quit"),
    KeyHelp(fixed: "mouse", "click selects, the wheel scrolls"),
  ]
}

extension RenderContext {
  /// The keys of a help line or hint as the bindings make them; `all` keys of each action (help)
  /// or only its first (hints). Empty when none of its actions has a key. Within a group, parts
  /// are a space apart (`j k`), or two when one has several keys (`j J  k`), so that the keys of
  /// one action stay together.
  func keyColumn(_ help: KeyHelp, all: Bool) -> String {
    let groups = help.keys.map { group in
      let parts = group.map { part in
        switch part {
        case .fixed(let name): name
        case .action(let action): keys.label(action, all: all)
        }
      }.filter { !$0.isEmpty }
      return parts.joined(separator: parts.contains { $0.contains(" ") } && parts.count > 1 ? "  " : " ")
    }
    return groups.filter { !$0.isEmpty }.joined(separator: "  ")
  }

  /// Whether a line names a key at all: one whose actions all lost their keys is not shown.
  func hasKeys(_ help: KeyHelp) -> Bool { !keyColumn(help, all: false).isEmpty }

  /// `text` with `{action}` as that action's first key and `{exportFormats}` as the prompt's
  /// `t văn bản, m Markdown, …`.
  func keyText(_ text: String) -> String {
    guard text.contains("{") else { return text }
    var result = text
    for action in KeyAction.allCases where result.contains("{\(action.rawValue)}") {
      result = result.replacingEvery("{\(action.rawValue)}", with: keys.label(action, all: false))
    }
    return result.replacingEvery("{exportFormats}", with: exportFormats(separator: ", "))
  }

  /// The export prompt's keys and formats, `t văn bản` and so on, joined by `separator`.
  func exportFormats(separator: String) -> String {
    KeyAction.allCases.compactMap { action -> String? in
      guard let format = action.exportFormat, let key = keys.keys(for: action).first else { return nil }
      return "\(key) \(strings.exportFormatName(format))"
    }.joined(separator: separator)
  }
}
