import DigiTrackModel

/// One province's report as read from a form, before it joins a dataset.
public struct ImportedReport: Sendable {
  public var province: Int
  public var date: CalendarDate
  /// The file it came from, for conflicts between files.
  public var file: String
  /// Indexed like `Plan.provincialCriteria`.
  public var statuses: [Status]
  public var communes: ImportedCommunes?
}

public enum ImportedCommunes: Sendable {
  /// Counts typed in: units green on every criterion, and per commune-level criterion.
  case counts(green: Int?, byCriterion: [Int?])
  /// The units themselves; `statuses` row-major, criteria as in `Plan.communeCriteria`.
  case units(codes: [String], names: [String], kinds: [UnitKind], statuses: [Status])
}

/// Collects problems for one sheet, so that every error in a file is reported at once.
final class ProblemList {
  private(set) var problems: [FormProblem] = []
  let file: String

  init(file: String) { self.file = file }

  func add(_ sheet: String?, _ cell: String?, _ message: LocalizedText) {
    problems.append(FormProblem(file: file, sheet: sheet, cell: cell, message: message))
  }

  func add(_ problem: FormProblem) { problems.append(problem) }
}

/// Finding a province by what a person types: its code ("20", or 20 typed as a number), its name
/// or an alias, case and diacritics ignored.
struct ProvinceFinder {
  private var byKey: [String: Int] = [:]

  init(_ provinces: [Province]) {
    for (index, province) in provinces.enumerated() {
      byKey[province.code] = index
      if let number = Int(province.code) { byKey["#\(number)"] = index }
      byKey["name:" + StatusWords.fold(province.name)] = index
      for alias in province.aliases { byKey["name:" + StatusWords.fold(alias)] = index }
    }
  }

  func find(code: String) -> Int? {
    if let index = byKey[code] { return index }
    if let number = Int(code) { return byKey["#\(number)"] }
    return nil
  }

  func find(name: String) -> Int? { byKey["name:" + StatusWords.fold(name)] }

  /// By code, else by name: the code column wins when both are there.
  func find(query: String) -> Int? { find(code: query) ?? find(name: query) }
}
