import DigiTrackModel

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
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(thousandsSeparator) }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  /// A figure from the data: whole numbers with separators, others with up to two decimals.
  public func number(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    if value.rounded() == value, value.magnitude < 9e15 { return integer(Int(value)) }
    let scaled = (value * 100).rounded()
    guard scaled.magnitude < 9e15 else { return integer(Int(value.rounded())) }
    let cents = Int(scaled)
    var fraction = String(cents.magnitude % 100)
    if fraction.count < 2 { fraction = "0" + fraction }
    while fraction.last == "0" { fraction.removeLast() }
    let whole = integer(cents / 100)
    return fraction.isEmpty ? whole : whole + String(decimalSeparator) + fraction
  }

  /// A fraction (0…1) as a percentage with one decimal: "84,0%".
  public func percent(_ fraction: Double) -> String {
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
    value > 0 ? "+" + integer(value) : value < 0 ? "-" + integer(-value) : "±0"
  }
}
