import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

// MARK: Messages with values

extension CommandText {
  static var errorLabel: String { Diagnostic.Severity.error.label[CommandLanguage.current] }

  static func cannotWrite(_ path: String, _ problem: LocalizedText) -> String {
    say(
      "\(path): lỗi: không ghi được tệp: \(problem.vi)", "\(path): error: cannot write: \(problem.en)")
  }

  static func valid(_ file: String, _ dataset: Dataset) -> String {
    let (provinces, criteria, snapshots) = (
      dataset.provinces.count, dataset.plan.criteria.count, dataset.snapshots.count
    )
    return say(
      "\(file): hợp lệ: \(provinces) tỉnh, thành phố, \(criteria) tiêu chí, \(snapshots) kỳ số liệu",
      "\(file): valid: \(provinces) provinces, \(criteria) criteria, \(snapshots) snapshot(s)")
  }

  static func availableThemes(_ names: [String]) -> String {
    let list = names.joined(separator: ", ")
    return say("các bộ màu hiện có: \(list) (digitrack-tui themes)", "available themes: \(list) (digitrack-tui themes)")
  }

  /// `--province son` matched none or several: the ones that match, or all when none does.
  static func noSingleProvince(_ query: String, candidates: [String], matched: Bool) -> String {
    let list = candidates.joined(separator: ", ")
    if matched {
      return say(
        "lỗi: \"\(query)\" khớp với nhiều tỉnh, thành phố: \(list); hãy ghi mã hoặc tên đầy đủ hơn",
        "error: \"\(query)\" matches several provinces: \(list); give a code or a fuller name")
    }
    return say(
      "lỗi: không có tỉnh, thành phố nào khớp với \"\(query)\"; hãy ghi mã hoặc tên, ví dụ: \(list)",
      "error: no province matches \"\(query)\"; give a code or a name: \(list)")
  }

  static func noReportAt(_ snapshot: String, flag: String = "--snapshot", dates: String) -> String {
    say(
      "lỗi: \(flag) \(snapshot): dữ liệu không có báo cáo vào ngày đó; các ngày có báo cáo: \(dates)",
      "error: \(flag) \(snapshot): the data has no report at that date; it has: \(dates)")
  }

  static func badSnapshot(_ snapshot: String, flag: String = "--snapshot") -> String {
    say(
      "\(flag) phải là YYYY-MM-DD, dd/mm/yyyy, first hoặc latest, không phải \"\(snapshot)\"",
      "\(flag) must be YYYY-MM-DD, dd/mm/yyyy, first or latest, not \"\(snapshot)\"")
  }

  static func badISOSnapshot(_ snapshot: String) -> String {
    say(
      "--snapshot phải là ngày viết theo dạng YYYY-MM-DD, không phải \"\(snapshot)\"",
      "--snapshot must be a date written YYYY-MM-DD, not \"\(snapshot)\"")
  }

  static func demoHasNoReport(_ date: CalendarDate, dates: String) -> String {
    say(
      "dữ liệu mẫu không có báo cáo ngày \(date); các ngày có báo cáo: \(dates)",
      "the demo has no report dated \(date); its dates are \(dates)")
  }

  static func configProblem(_ path: String, _ problem: String) -> String { "\(path): \(errorLabel): \(problem)" }

  static func unknownConfigKey(_ key: String) -> String {
    say(
      "khóa \"\(key)\" không hợp lệ (các khóa được dùng: theme, lang, data, exportDir, keys)",
      "unknown key \"\(key)\" (allowed: theme, lang, data, exportDir, keys)")
  }

  static func themeLine(origin: ThemeCatalog.Origin) -> String {
    switch origin {
    case .builtIn: say("có sẵn", "built-in")
    case .installed(let path): say("đã cài đặt: \(path)", "installed: \(path)")
    case .user(let path): say("của người dùng: \(path)", "user: \(path)")
    }
  }

  static func brokenTheme(_ problem: String) -> String { say("  [lỗi: \(problem)]", "  [broken: \(problem)]") }

  static func mergedInvalid(_ output: String, _ error: LoadError) -> String {
    let details = error.description(in: CommandLanguage.current)
    return say(
      "\(output): lỗi: bộ dữ liệu sau khi gộp không hợp lệ:\n\(details)",
      "\(output): error: the merged dataset is not valid:\n\(details)")
  }

  static func notADate(_ text: String) -> String {
    say(
      "--snapshot \(text) không phải là ngày (YYYY-MM-DD hoặc dd/mm/yyyy)",
      "--snapshot \(text) is not a date (YYYY-MM-DD or dd/mm/yyyy)")
  }

  static func noTemporaryFolder(_ reason: LocalizedText) -> LocalizedText {
    LocalizedText(vi: "không tạo được thư mục tạm: \(reason.vi)", en: "no temporary folder: \(reason.en)")
  }
}
