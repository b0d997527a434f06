import DigiTrackModel

/// The shape of a DigiTrack form, shared by the writer and the reader so that they cannot drift.
///
/// Every sheet has label rows on top (title, report date, plan), then one header row, then data.
/// The reader finds the header row and the columns by their words, in either language, so a form
/// written in English imports the same as one in Vietnamese, and a column moved by hand still reads.
public enum FormLayout {
  /// Rows 1–3 hold the title, the report date and the plan code; the header is row 5.
  public static let headerRow = 4  // zero-based
  public static let dateRow = 1
  public static let planRow = 2

  /// The columns a sheet can have. Each knows its header in both languages.
  public enum Column: CaseIterable, Sendable {
    case provinceCode, provinceName
    case criterionID, criterionName, phase, group, block, deadline, status
    case unitCode, unitName, unitKind
    case unitsTotal, communesGreen

    public func header(_ language: Language) -> String {
      let words: (vi: String, en: String) =
        switch self {
        case .provinceCode: ("Mã tỉnh", "Province code")
        case .provinceName: ("Tỉnh/thành phố", "Province")
        case .criterionID: ("Mã", "Id")
        case .criterionName: ("Tiêu chí, nhiệm vụ", "Criterion")
        case .phase: ("Giai đoạn", "Phase")
        case .group: ("Nhóm nhiệm vụ", "Group")
        case .block: ("Khối", "Block")
        case .deadline: ("Hạn", "Deadline")
        case .status: ("Trạng thái", "Status")
        case .unitCode: ("Mã đơn vị", "Unit code")
        case .unitName: ("Tên đơn vị", "Unit name")
        case .unitKind: ("Loại", "Kind")
        case .unitsTotal: ("Tổng số đơn vị cấp xã", "Commune-level units")
        case .communesGreen: ("Số đơn vị đạt xanh mọi tiêu chí", "Units green on every criterion")
        }
      return language == .vi ? words.vi : words.en
    }
  }

  /// The sheets of a form.
  public enum Sheet: CaseIterable, Sendable {
    case provincial, units, counts, instructions

    public func name(_ language: Language) -> String {
      switch (self, language) {
      case (.provincial, .vi): "Tiêu chí cấp tỉnh"
      case (.provincial, .en): "Provincial criteria"
      case (.units, .vi): "Đơn vị cấp xã"
      case (.units, .en): "Commune-level units"
      case (.counts, .vi): "Số liệu cấp xã"
      case (.counts, .en): "Commune-level counts"
      case (.instructions, .vi): "Hướng dẫn"
      case (.instructions, .en): "Instructions"
      }
    }

    /// The sheet a name belongs to, in either language (case and diacritics ignored).
    public init?(name: String) {
      let folded = StatusWords.fold(name)
      guard
        let sheet = Sheet.allCases.first(where: { sheet in
          Language.allCases.contains { StatusWords.fold(sheet.name($0)) == folded }
        })
      else { return nil }
      self = sheet
    }
  }

  /// Labels of the rows on top.
  public static func dateLabel(_ language: Language) -> String {
    language == .vi ? "Số liệu đến ngày" : "Report date"
  }

  public static func planLabel(_ language: Language) -> String {
    language == .vi ? "Kế hoạch" : "Plan"
  }

  public static func title(_ language: Language) -> String {
    language == .vi ? "Biểu mẫu báo cáo DigiTrack" : "DigiTrack report form"
  }

  /// The column a header names, in either language.
  public static func column(header: String) -> Column? {
    if let exact = exactHeaders[header] { return exact }
    // Headers are short: a long cell (a criterion's name, the plan's) is never folded.
    guard header.utf8.count <= 64 else { return nil }
    return headers[StatusWords.fold(header)]
  }

  private static let exactHeaders: [String: Column] = {
    var headers: [String: Column] = [:]
    for column in Column.allCases {
      for language in Language.allCases { headers[column.header(language)] = column }
    }
    return headers
  }()

  private static let headers: [String: Column] = {
    var headers: [String: Column] = [:]
    for column in Column.allCases {
      for language in Language.allCases { headers[StatusWords.fold(column.header(language))] = column }
    }
    return headers
  }()

  /// A zero-based cell position as a spreadsheet names it: (4, 2) → "C5".
  public static func cellName(row: Int, column: Int) -> String {
    columnName(column) + String(row + 1)
  }

  public static func columnName(_ column: Int) -> String {
    var name = ""
    var rest = column + 1
    while rest > 0 {
      let digit = (rest - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      rest = (rest - 1) / 26
    }
    return name
  }
}
