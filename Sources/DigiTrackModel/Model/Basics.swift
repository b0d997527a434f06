/// The two languages DigiTrack speaks. Vietnamese is the default everywhere.
public enum Language: String, Sendable, CaseIterable {
  case vi
  case en
}

/// Text given in both languages, as every label of the plan is.
public struct LocalizedText: Sendable, Hashable {
  public var vi: String
  public var en: String

  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  public subscript(language: Language) -> String {
    switch language {
    case .vi: vi
    case .en: en
    }
  }
}

/// Where a figure comes from: a cited source, or nowhere (an illustrative value in demo data).
public enum Provenance: Sendable, Hashable {
  case source(Int)  // index into `Dataset.sources`
  case illustrative

  public var isIllustrative: Bool { self == .illustrative }
}

/// A calendar date without time or zone: report dates and deadlines are days.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Returns nil for dates that do not exist (2025-02-29, 2025-13-01).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.days(inMonth: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, exactly.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// The state of one criterion for one province or commune, in the GREEN / YELLOW / RED vocabulary
/// of Plan 02 reporting, plus the state every real dataset needs: nothing reported.
public enum Status: UInt8, Sendable, CaseIterable {
  case green
  case yellow
  case red
  case notReported

  /// The word used in the JSON format.
  public var jsonName: String {
    switch self {
    case .green: "green"
    case .yellow: "yellow"
    case .red: "red"
    case .notReported: "not_reported"
    }
  }

  public init?(jsonName: String) {
    guard let status = Status.allCases.first(where: { $0.jsonName == jsonName }) else { return nil }
    self = status
  }
}
