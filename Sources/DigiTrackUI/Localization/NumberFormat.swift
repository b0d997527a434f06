import DigiTrackModel
import FoundationEssentials
import Glibc

/// Numbers, percentages and dates as each language writes them.
///
/// vi: 4.450.000 · 84,0% · 29/12/2025 — en: 4,450,000 · 84.0% · 2025-12-29.
/// Written by hand rather than with Foundation's formatters, whose output depends on the locale
/// data installed on the machine; a report must read the same everywhere.
public struct NumberFormat: Sendable {
  public let thousandsSeparator: Character
  public let decimalSeparator: Character
  public let language: Language

  public init(language: Language) {
    self.language = language
    switch language {
    case .vi:
      thousandsSeparator = "."
      decimalSeparator = ","
    case .en:
      thousandsSeparator = ","
      decimalSeparator = "."
    }
  }

  public func integer(_ value: Int) -> String {
    let grouped = group(String(value.magnitude))
    return value < 0 ? "-" + grouped : grouped
  }

  /// A string of decimal digits with the language's thousands separator every three digits.
  private func group(_ digits: String) -> String {
    var result = ""
    let count = digits.count
    for (index, digit) in digits.enumerated() {
      if index > 0, (count - index) % 3 == 0 { result.append(thousandsSeparator) }
      result.append(digit)
    }
    return result
  }

  /// A figure from the data: whole numbers with separators, others with up to two decimals.
  ///
  /// Total over every Double: a value `validate` accepts must never trap when it is shown, so
  /// nothing here converts a Double to Int beyond 9e15, where every Double is already whole.
  /// Whole numbers up to 10^21 keep all their digits; larger ones read "1,8e308". NaN and ±∞
  /// (which a data file cannot hold, but arithmetic on its figures can give) read "–".
  public func number(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    if value.rounded() == value, value.magnitude < 9e15 { return integer(Int(value)) }
    let scaled = (value * 100).rounded()
    guard scaled.magnitude < 9e15 else { return large(value.rounded()) }
    let cents = Int(scaled)
    var fraction = String(cents.magnitude % 100)
    if fraction.count < 2 { fraction = "0" + fraction }
    while fraction.last == "0" { fraction.removeLast() }
    var whole = integer(cents / 100)
    if cents < 0, cents / 100 == 0 { whole = "-" + whole }  // -0,5 keeps its sign
    return fraction.isEmpty ? whole : whole + String(decimalSeparator) + fraction
  }

  /// A finite whole number too large for the cents path: exact digits below 10^21 (printf's
  /// "%.0f" is exact for a whole Double), a significand with two decimals and an exponent above.
  private func large(_ value: Double) -> String {
    let sign = value < 0 ? "-" : ""
    let magnitude = value.magnitude
    if magnitude < 1e21 { return sign + group(CFormat.string("%.0f", magnitude)) }
    var exponent = Int(log10(magnitude).rounded(.down))
    var significand = magnitude / pow(10, Double(exponent))
    // log10 can be off by one at exact powers of ten, and rounding to cents can reach 10.
    if (significand * 100).rounded() >= 1000 {
      significand /= 10
      exponent += 1
    } else if significand < 1 {
      significand *= 10
      exponent -= 1
    }
    return sign + number(significand) + "e" + String(exponent)
  }

  /// A fraction (0…1) as a percentage with one decimal: "84,0%". NaN reads "–"; anything
  /// outside 0…1 (∞ included) is clamped.
  public func percent(_ fraction: Double) -> String {
    guard !fraction.isNaN else { return "–" }
    let tenths = Int((min(1, max(0, fraction)) * 1000).rounded())
    return integer(tenths / 10) + String(decimalSeparator) + String(tenths % 10) + "%"
  }

  /// A percentage, or the language's "no data" for 0/0.
  public func percent(_ ratio: Ratio, strings: Strings) -> String {
    guard let fraction = ratio.fraction else { return strings.noData }
    return percent(fraction)
  }

  public func date(_ date: CalendarDate) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    switch language {
    case .vi: return "\(two(date.day))/\(two(date.month))/\(date.year)"
    case .en: return date.description
    }
  }

  /// "31/32"
  public func ratio(_ ratio: Ratio) -> String {
    "\(integer(ratio.done))/\(integer(ratio.total))"
  }

  /// A signed change: "+3", "−2", "±0".
  public func delta(_ value: Int) -> String {
    value > 0 ? "+" + integer(value) : value < 0 ? integer(value) : "±0"
  }
}
