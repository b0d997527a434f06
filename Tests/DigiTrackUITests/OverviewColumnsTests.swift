import DigiTrackModel
import TestSupport
import Testing

@testable import DigiTrackUI

/// Issue 12, items 8 and 20: the overview's columns get their width by content, and optional
/// columns appear by one priority rule as the width allows; at 80×24 the header is compact
/// enough to list 13 provinces.
@Suite struct OverviewColumnsTests {
  static func columns(_ width: Int, _ language: Language = .vi, region: Bool = false) -> OverviewColumns {
    let state = Fixtures.state(width, 60, language)
    return OverviewColumns(width: width, context: state.context, showRegion: region)
  }

  /// The demo at its latest date (a comparison, two report dates, a deadline ahead): which
  /// optional columns each width shows.
  @Test func columnsAppearByPriorityAsTheWidthAllows() {
    let expected: [Int: [OverviewColumns.Column]] = [
      80: [.change, .provincialBar],
      120: [.change, .provincialBar, .overdue, .nextDeadline, .communeBar],
      160: [.change, .provincialBar, .overdue, .nextDeadline, .communeBar, .region],
      200: [.change, .provincialBar, .overdue, .nextDeadline, .communeBar, .region, .trend],
    ]
    for language in [Language.vi, .en] {
      for width in [60, 80, 100, 120, 140, 160, 180, 200, 240] {
        let shown = Self.columns(width, language).shown
        if let want = expected[width] { #expect(shown == want, "\(language) \(width)") }
        // Shown columns keep the priority order; a smaller column of lower priority may fill
        // room a larger one could not use (the sparkline at 140, not at 160 where the region is).
        #expect(shown == OverviewColumns.priority.filter(shown.contains))
      }
      #expect(Self.columns(60, language).shown.isEmpty)
      #expect(Self.columns(240, language).shown == OverviewColumns.priority)
    }
  }

  /// Every row and the header fit the width, from 66 columns up (at the 60-column minimum the
  /// terminal cuts the status word), in both languages, in ASCII, and sorted by region (which
  /// forces its column, narrow, from 80).
  @Test func everyLineFitsItsWidth() {
    for language in [Language.vi, .en] {
      for unicode in [true, false] {
        for width in stride(from: 66, through: 230, by: 7) {
          for region in width >= 80 ? [false, true] : [false] {
            let state = Fixtures.state(width, 60, language, unicode: unicode)
            let columns = OverviewColumns(width: width, context: state.context, showRegion: region)
            let lines = [columns.header(state.context)] + state.order.map { columns.row(state.context, province: $0) }
            for line in lines {
              #expect(
                line.width <= width, "\(language) \(unicode) \(width) \(region): \(line.spans.map(\.text).joined())")
            }
          }
        }
      }
    }
  }

  /// No name, region or figure is cut in the table from 80 columns up (the longest name,
  /// "TP. Hồ Chí Minh", was cut at 80; regions at 200 while the bars had 30 cells each).
  @Test(arguments: [80, 120, 160, 200])
  func nothingInTheTableIsCut(_ width: Int) {
    for language in [Language.vi, .en] {
      let state = Fixtures.state(width, 60, language)
      let columns = Self.columns(width, language)
      for province in state.order {
        let text = columns.row(state.context, province: province).spans.map(\.text).joined()
        #expect(!text.contains("…"), "\(language) \(width): \(text)")
        #expect(text.contains(" " + Fixtures.demo.dataset.provinces[province].name + " "))
      }
      let header = columns.header(state.context).spans.map(\.text).joined()
      #expect(!header.contains("…"), "\(language) \(width): \(header)")
    }
  }

  /// A province that did not report says "chưa có" whole (it read "chưa c").
  @Test func noDataIsWhole() throws {
    var dataset = Fixtures.demo.dataset
    let last = dataset.snapshots.count - 1
    dataset.snapshots[last].reports[0] = nil
    let data = DashboardData(dataset: dataset, sourceName: "x.json")
    let context = RenderContext(data: data, options: DisplayOptions(language: .vi))
    let columns = OverviewColumns(width: 80, context: context)
    let text = columns.row(context, province: 0).spans.map(\.text).joined()
    #expect(text.contains("chưa có *") || text.contains("chưa có  "), "\(text)")
    #expect(!text.contains("chưa c "))
  }

  /// The next-deadline column: the province's criteria not green that fall due next, and the
  /// days left; the overdue column counts what is past its deadline.
  @Test func deadlineColumnsSayWhatIsDue() throws {
    let state = Fixtures.state(200, 60)
    let text = state.render().text
    let hanoi = try #require(text.split(separator: "\n").first { $0.contains(" Hà Nội ") })
    let next = try #require(
      ProvinceNextDeadline(
        dataset: Fixtures.demo.dataset, snapshotIndex: Fixtures.demo.aggregates.snapshotIndex,
        province: Fixtures.index(of: "Hà Nội")))
    #expect(next.daysLeft == 2)
    #expect(hanoi.contains("\(next.open) tiêu chí, còn 2 ngày"), "\(hanoi)")
    #expect(text.contains("Quá hạn *") && text.contains("Hạn tới *"))
  }

  /// At 80×24 the compact header keeps the date, the data's name, the demo mark, the national
  /// figures and the change line, and leaves 13 rows for provinces (it left 11).
  @Test(arguments: [Language.vi, .en])
  func eightyByTwentyFourListsThirteenProvinces(_ language: Language) {
    let state = Fixtures.state(80, 24, language)
    let lines = state.render().text.split(separator: "\n", omittingEmptySubsequences: false)
    let rows = lines.filter { $0.wholeMatch(of: /^ +[0-9]+ \S.*/) != nil }
    #expect(rows.count >= 13, "\(lines.joined(separator: "\n"))")
    let text = lines.joined(separator: "\n")
    let vi = language == .vi
    for needle in [
      vi ? "29/12/2025" : "2025-12-29", "demo.json", vi ? "(dữ liệu mẫu)" : "(demo data)",
      vi ? "Tỉnh đạt trạng thái xanh" : "Provinces fully green", vi ? "So với ngày 31/07/2025" : "Compared with",
      vi ? "Cấp xã xanh" : "Communes green", "1.003/1.088".replacingOccurrences(of: ".", with: vi ? "." : ","),
    ] {
      #expect(text.contains(needle), "\(needle)")
    }
  }

  /// The commune list's columns by content: a wide screen shows every name whole; the code and
  /// kind columns are as wide as their longest.
  @Test(arguments: [120, 200])
  func communeNamesAreWholeWhereThereIsRoom(_ width: Int) throws {
    let seed = 5
    print("CommuneColumns seed \(seed)")
    let bytes = try SyntheticDataset(provinces: 2, communes: 80, criteria: 20, seed: UInt64(seed)).json()
    var dataset = try DatasetLoader().load(bytes: bytes, name: "units").dataset
    let last = dataset.snapshots.count - 1
    let province = try #require(dataset.snapshots[last].reports.firstIndex { $0?.communes.units != nil })
    var units = try #require(dataset.snapshots[last].reports[province]?.communes.units)
    units.names[0] = "Phường Đông Kinh và các vùng lân cận phía Bắc"
    dataset.snapshots[last].reports[province]?.communes.units = units
    let data = DashboardData(dataset: dataset, sourceName: "units")
    for language in [Language.vi, .en] {
      let context = RenderContext(data: data, options: DisplayOptions(language: language))
      let text = ViewExport(data: data, options: DisplayOptions(language: language))
        .text(view: .province, province: province, width: width)
      for name in units.names { #expect(text.contains(" " + name + " "), "\(language) \(width): \(name)") }
      let view = ProvinceView(context: context, width: width, density: .full, province: province)
      let columns = view.communeColumns(units)
      #expect(columns.name == units.names.map(\.displayWidth).max())
      #expect(columns.code == units.codes.map(\.displayWidth).max())
    }
  }
}
