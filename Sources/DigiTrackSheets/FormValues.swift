import DigiTrackModel
import FoundationEssentials
import Glibc

/// Reading the values of single cells: dates, counts, codes.
enum FormValues {
  /// A report date as a cell holds it: a date cell (a serial day number), `YYYY-MM-DD` or
  /// `dd/mm/yyyy` text.
  static func date(_ value: CellValue?) -> CalendarDate? {
    switch value {
    case .number(let serial)?: return date(serial: serial)
    case .text(let text)?: return date(text: text)
    default: return nil
    }
  }

  static func date(text: String) -> CalendarDate? {
    let trimmed = text.trimmingSpaces()
    if let iso = CalendarDate(iso: trimmed) { return iso }
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]),
      let year = Int(parts[2])
    else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// Excel's day numbers count from 1899-12-30 (in the 1900 system, past its leap-year bug).
  static func date(serial: Double) -> CalendarDate? {
    guard serial >= 61, serial < 2_958_466 else { return nil }
    // Days from 1899-12-30 to the civil date, by the proleptic Gregorian algorithm.
    let days = Int(serial.rounded(.down)) - 25_569 + 719_468  // to days since 0000-03-01
    let era = days / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return CalendarDate(year: year, month: month, day: day)
  }

  enum Count: Equatable {
    case empty
    case value(Int)
    case invalid
  }

  /// A whole number ≥ 0, from a number cell or from text that holds only digits.
  static func count(_ value: CellValue?) -> Count {
    switch value {
    case nil: return .empty
    case .number(let number)?:
      return number >= 0 && number == number.rounded() && number < 1e9 ? .value(Int(number)) : .invalid
    case .text(let text)?:
      let trimmed = text.trimmingSpaces()
      if trimmed.isEmpty { return .empty }
      return Int(trimmed).map { $0 >= 0 ? .value($0) : .invalid } ?? .invalid
    default: return .invalid
    }
  }

  /// The text of a code cell. A code typed as a number ("1" for "01") is matched by value later.
  static func text(_ value: CellValue?) -> String {
    trim(value?.display ?? "")
  }

  /// Spaces off both ends; most cells have none, and are returned as they are (seen from their
  /// first and last bytes, without reading characters).
  static func trim(_ text: String) -> String {
    if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x80).contains(first),
      (0x21..<0x80).contains(last)
    {
      return text
    }
    guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
    return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
