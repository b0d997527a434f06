import DigiTrackModel

/// Every piece of UI text, once per language. Views take their words from here and nowhere else.
public struct Strings: Sendable {
  public let language: Language

  public let appName = "DigiTrack"
  public let report: String
  public let data: String
  public let illustrativeLegend: String
  public let illustrativeMark = "*"
  public let nationalFigures: String
  public let pillars: String
  public let provinces: String
  public let provincesFullyGreen: String
  public let phaseShort: String
  public let phase: String
  public let communesGreen: String
  public let communesGreenPartial: String
  public let provincialCriteria: String
  public let rank: String
  public let province: String
  public let provincial: String
  public let communes: String
  public let status: String
  public let noData: String
  public let over: String
  public let about: String
  public let sort: String
  /// Pairs, not dictionaries (here and in `sortDirections`, `communeSortNames`): the first
  /// dictionary keyed by each type scans every protocol conformance record of the binary
  /// (docs/PERFORMANCE.md, "Start-up"), and every command that draws builds these tables.
  public let sortKeys: KeyValuePairs<SortKey, String>
  /// The sort's direction in words, as the data runs (natural) and reversed by `r`; the rank's
  /// is "1→34", built from the count.
  public let sortDirections: KeyValuePairs<SortKey, (natural: String, reversed: String)>
  /// The province view's opening line: `Còn thiếu: T22 …`, and its word when nothing is open.
  public let stillOpen: String
  public let stillOpenNone: String
  /// What `n` says when every row is green.
  public let noneOpen: String
  /// The `o` toggle, as the status line and a filtered export name it.
  public let openOnlyShort: String
  public let communeSortNames: KeyValuePairs<CommuneSort, String>
  public let noCommuneMatch: String
  /// The help overlay's note that it scrolls.
  public let helpScroll: String
  public let filter: String
  public let noMatch: String
  /// Heads a filtered export: `Đã lọc theo "hcm": 1/34 tỉnh, thành phố`.
  public let filteredBy: String
  public let sources: String
  public let undated: String
  public let statusNames: KeyValuePairs<Status, String>
  public let typeNames: KeyValuePairs<ProvinceType, String>
  public let unitKindNames: KeyValuePairs<UnitKind, String>
  /// Plural, lower-case kind names for counts: "4 phường, 61 xã" / "4 wards, 61 communes".
  public let unitKindCounts: KeyValuePairs<UnitKind, String>
  public let units: String
  public let unit: String
  public let region: String
  public let greenTable: String
  public let criterionID: String
  public let criterion: String
  public let group: String
  public let block: String
  public let pillar: String
  public let byPhase: String
  public let byBlock: String
  public let byGroup: String
  public let byPillar: String
  public let communeCriteria: String
  public let communeList: String
  public let communeListMissing: String
  public let code: String
  public let kind: String
  public let changeSince: String
  public let phaseGreenPublished: String
  public let derived: String
  public let matrixTitle: String
  public let columns: String
  public let help: String
  public let exported: String
  public let exportFailed: String
  public let reloaded: String
  public let reloadFailed: String
  public let cannotReload: String
  public let tooSmall: String
  public let needs: String
  /// The help overlay's heading for the last reload error, shown there in full.
  public let lastError: String

  public static func `for`(_ language: Language) -> Strings {
    switch language {
    case .vi: .vietnamese
    case .en: .english
    }
  }
}

extension KeyValuePairs where Key: Equatable {
  /// The value listed for `key`, as a dictionary's subscript gives it.
  public subscript(_ key: Key) -> Value? { first { $0.key == key }?.value }
}

extension Strings {
  public static let vietnamese = Strings(
    language: .vi,
    report: "Số liệu đến ngày",
    data: "Dữ liệu",
    illustrativeLegend: "* số liệu minh họa, không phải số liệu chính thức",
    nationalFigures: "Số liệu toàn quốc",
    pillars: "Trụ cột",
    provinces: "Tỉnh, thành phố",
    provincesFullyGreen: "Tỉnh đạt trạng thái xanh",
    phaseShort: "GĐ",
    phase: "Giai đoạn",
    communesGreen: "Cấp xã xanh đủ tiêu chí",
    communesGreenPartial: "trên các tỉnh có số liệu",
    provincialCriteria: "Tiêu chí, nhiệm vụ cấp tỉnh",
    rank: "#",
    province: "Tỉnh/thành",
    provincial: "Cấp tỉnh",
    communes: "Cấp xã",
    status: "Trạng thái",
    noData: "chưa có",
    over: "hơn",
    about: "khoảng",
    sort: "Sắp xếp",
    sortKeys: [
      .rank: "hạng", .name: "tên", .provincial: "% cấp tỉnh", .commune: "% cấp xã", .region: "vùng",
    ],
    sortDirections: [
      .name: ("A→Z", "Z→A"), .provincial: ("cao→thấp", "thấp→cao"), .commune: ("cao→thấp", "thấp→cao"),
      .region: ("theo danh sách", "ngược danh sách"),
    ],
    stillOpen: "Còn thiếu",
    stillOpenNone: "không, mọi tiêu chí đã xanh",
    noneOpen: "Mọi dòng đều đã xanh",
    openOnlyShort: "chỉ mục chưa xanh",
    communeSortNames: [.listed: "theo danh sách", .name: "tên A→Z", .status: "trạng thái, chưa xanh trước"],
    noCommuneMatch: "Không có đơn vị nào khớp",
    helpScroll: "↑↓ cuộn",
    filter: "Lọc",
    noMatch: "Không có tỉnh nào khớp bộ lọc",
    filteredBy: "Đã lọc theo",
    sources: "Nguồn",
    undated: "không ghi ngày",
    statusNames: [.green: "Xanh", .yellow: "Vàng", .red: "Đỏ", .notReported: "Chưa báo cáo"],
    typeNames: [.city: "Thành phố trực thuộc Trung ương", .province: "Tỉnh"],
    unitKindNames: [.ward: "Phường", .commune: "Xã", .specialZone: "Đặc khu"],
    unitKindCounts: [.ward: "phường", .commune: "xã", .specialZone: "đặc khu"],
    units: "đơn vị cấp xã",
    unit: "Đơn vị tính",
    region: "Vùng",
    greenTable: "Kết quả xanh hóa tiêu chí, nhiệm vụ",
    criterionID: "Mã",
    criterion: "Tiêu chí",
    group: "Nhóm nhiệm vụ",
    block: "Khối",
    pillar: "Trụ cột",
    byPhase: "Theo giai đoạn",
    byBlock: "Theo khối",
    byGroup: "Theo nhóm nhiệm vụ",
    byPillar: "Theo trụ cột",
    communeCriteria: "Tiêu chí cấp xã (số đơn vị cấp xã đạt)",
    communeList: "Danh sách đơn vị cấp xã",
    communeListMissing: "Dữ liệu không có danh sách từng đơn vị cấp xã",
    code: "Mã",
    kind: "Loại",
    changeSince: "So với ngày",
    phaseGreenPublished: "xanh theo công bố",
    derived: "tính từ trạng thái",
    matrixTitle: "Ma trận tỉnh × tiêu chí",
    columns: "cột",
    help: "Trợ giúp: phím tắt",
    exported: "Đã xuất tệp",
    exportFailed: "Không xuất được",
    reloaded: "Đã tải lại dữ liệu",
    reloadFailed: "Tệp dữ liệu mới có lỗi, vẫn hiển thị dữ liệu cũ",
    cannotReload: "Dữ liệu mẫu có sẵn trong chương trình, không có tệp để tải lại",
    tooSmall: "Cửa sổ quá nhỏ",
    needs: "cần",
    lastError: "Lỗi tải lại gần nhất"
  )

  public static let english = Strings(
    language: .en,
    report: "Report",
    data: "Data",
    illustrativeLegend: "* illustrative figure, not official data",
    nationalFigures: "National figures",
    pillars: "Pillars",
    provinces: "Provinces and cities",
    provincesFullyGreen: "Provinces fully green",
    phaseShort: "P",
    phase: "Phase",
    communesGreen: "Communes green on all criteria",
    communesGreenPartial: "over provinces with data",
    provincialCriteria: "Provincial criteria",
    rank: "#",
    province: "Province",
    provincial: "Provincial",
    communes: "Communes",
    status: "Status",
    noData: "no data",
    over: "over",
    about: "about",
    sort: "Sort",
    sortKeys: [
      .rank: "rank", .name: "name", .provincial: "provincial %", .commune: "commune %",
      .region: "region",
    ],
    sortDirections: [
      .name: ("A→Z", "Z→A"), .provincial: ("high→low", "low→high"), .commune: ("high→low", "low→high"),
      .region: ("as listed", "reverse of list"),
    ],
    stillOpen: "Still open",
    stillOpenNone: "none, every criterion is green",
    noneOpen: "Every row is green",
    openOnlyShort: "not green only",
    communeSortNames: [.listed: "as listed", .name: "name A→Z", .status: "status, not green first"],
    noCommuneMatch: "No unit matches",
    helpScroll: "↑↓ scroll",
    filter: "Filter",
    noMatch: "No province matches the filter",
    filteredBy: "Filtered by",
    sources: "Sources",
    undated: "undated",
    statusNames: [.green: "Green", .yellow: "Yellow", .red: "Red", .notReported: "Not reported"],
    typeNames: [.city: "Centrally-run city", .province: "Province"],
    unitKindNames: [.ward: "Ward", .commune: "Commune", .specialZone: "Special zone"],
    unitKindCounts: [.ward: "wards", .commune: "communes", .specialZone: "special zones"],
    units: "commune-level units",
    unit: "Unit",
    region: "Region",
    greenTable: "Green completion table",
    criterionID: "ID",
    criterion: "Criterion",
    group: "Group",
    block: "Block",
    pillar: "Pillar",
    byPhase: "By phase",
    byBlock: "By block",
    byGroup: "By task group",
    byPillar: "By pillar",
    communeCriteria: "Commune-level criteria (communes green)",
    communeList: "Commune-level units",
    communeListMissing: "The data has no list of individual communes",
    code: "Code",
    kind: "Kind",
    changeSince: "Change since",
    phaseGreenPublished: "green as published",
    derived: "derived from statuses",
    matrixTitle: "Provinces × criteria matrix",
    columns: "columns",
    help: "Help: keys",
    exported: "Exported",
    exportFailed: "Export failed",
    reloaded: "Data reloaded",
    reloadFailed: "The data file has errors; showing the last good data",
    cannotReload: "The built-in demo data has no file to reload",
    tooSmall: "terminal too small",
    needs: "needs",
    lastError: "Last reload error"
  )
}

/// Words of the exports' column headings and of provenance, in the interface's language.
extension Strings {
  private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  public var value: String { pick("Giá trị", "Value") }
  public var target: String { pick("Mục tiêu", "Target") }
  public var qualifier: String { pick("Mức", "Qualifier") }
  public var total: String { pick("Tổng số", "Total") }
  public var greenCount: String { pick("Số đạt", "Green") }
  public var publisher: String { pick("Cơ quan phát hành", "Publisher") }
  public var sourceTitle: String { pick("Tiêu đề", "Title") }
  public var date: String { pick("Ngày", "Date") }
  public var rankSource: String { pick("Nguồn xếp hạng", "Rank source") }
  public var regionSource: String { pick("Nguồn vùng", "Region source") }
  public var phaseSource: String { pick("Nguồn xanh theo giai đoạn", "Phase source") }
  public var statusSource: String { pick("Nguồn trạng thái", "Status source") }
  public var provincialSource: String { pick("Nguồn cấp tỉnh", "Provincial source") }
  public var communesSource: String { pick("Nguồn cấp xã", "Commune source") }
  public var builtInDemo: String { pick("demo.json (dữ liệu mẫu có sẵn)", "demo.json (built in)") }
  /// The `*` legend where the full one does not fit beside what a line already says.
  public var illustrativeLegendShort: String { pick("* số liệu minh họa", "* illustrative") }
  /// The same, short enough for the matrix's legend line.
  public var modelledPlanShort: String {
    pick("* danh mục tiêu chí là mô hình minh họa", "* the criteria list is modelled")
  }
  /// Said once by each screen that lists the criteria, when the data marks the plan as modelled.
  public var modelledPlan: String {
    pick(
      "* danh mục tiêu chí, phân giai đoạn và tên khối là mô hình minh họa, không phải danh mục chính thức",
      "* the criteria, their phase split and the block names are modelled, not an official list")
  }
}

// MARK: lang (issue 16, items 6 and 7)

extension Strings {
  /// What "green" means for a province at the report date (statuses as of that date): every
  /// criterion due by then is green, not every criterion of the plan.
  public var provincesGreenMeaning: String {
    pick("xanh mọi tiêu chí, nhiệm vụ đến hạn", "green on every criterion due")
  }
  /// Before the loader's warnings in the `?` overlay and the status line.
  public var dataWarnings: String { pick("Cảnh báo về dữ liệu", "Data warnings") }
}
