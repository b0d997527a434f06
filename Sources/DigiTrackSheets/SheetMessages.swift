import DigiTrackModel

/// The words of the spreadsheet code in both languages: the export's legend, and the messages
/// of `import`, `merge` and `form`. A value of the language, so the command line's message
/// machinery can hand it the `--lang` it resolved.
public struct SheetMessages: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  private func pick(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  // MARK: export legend

  var legendSheet: String { pick("Chú thích", "Legend") }
  var illustrative: String { pick("minh họa", "illustrative") }
  var sourceColumn: String { pick("Cột nguồn", "Source columns") }
  var sourceMeaning: String {
    pick(
      "Mã của nguồn trong trang Nguồn; * nghĩa là số liệu minh họa.",
      "The id of a source on the Sources sheet; * means an illustrative figure.")
  }

  func statusMeaning(_ status: Status) -> String {
    switch status {
    case .green: pick("Đạt", "Met")
    case .yellow: pick("Đang thực hiện", "In progress")
    case .red: pick("Chưa đạt", "Not met")
    case .notReported: pick("Chưa có báo cáo", "No report")
    }
  }

  // MARK: import, merge, form

  /// `out.json: 2 report(s) of 2 province(s) at 2026-01-31 added to a copy of tinh.json`.
  public func imported(output: String, reports: Int, provinces: Int, dates: String, into: String) -> String {
    pick(
      "\(output): đã thêm \(reports) báo cáo của \(provinces) tỉnh, thành phố tại ngày \(dates) vào bản sao của \(into)",
      "\(output): \(reports) report(s) of \(provinces) province(s) at \(dates) added to a copy of \(into)")
  }

  /// Said after the summary when the figures cite no source: what the dashboard will show.
  public var importedAsIllustrative: String {
    pick(
      "số liệu nhập được đánh dấu minh họa (*); dùng --source MÃ để dẫn một nguồn có trong dữ liệu",
      "the imported figures are marked illustrative (*); cite a source of the dataset with --source ID")
  }

  public var nothingToImport: String {
    pick(
      "không có gì để nhập: mọi trạng thái và số liệu trong biểu mẫu đều trống; không ghi tệp nào",
      "nothing to import: every status and count in the forms is empty; nothing written")
  }

  public func errorsNothingWritten(_ count: Int) -> String {
    pick("\(count) lỗi; không ghi tệp nào", "\(count) error(s); nothing written")
  }

  public func unknownSource(_ id: String, known: [String]) -> String {
    pick(
      "--source \(id) không có trong danh sách nguồn của dữ liệu: \(known.joined(separator: ", "))",
      "--source \(id) is not in the dataset's sources: \(known.joined(separator: ", "))")
  }

  public func merged(output: String, files: Int, snapshots: Int) -> String {
    pick(
      "\(output): đã gộp \(files) tệp dữ liệu, \(snapshots) kỳ báo cáo",
      "\(output): \(files) datasets merged, \(snapshots) snapshot(s)")
  }

  public func conflictsNothingWritten(_ count: Int) -> String {
    pick("\(count) xung đột hoặc lỗi; không ghi tệp nào", "\(count) conflict(s) or error(s); nothing written")
  }

  // MARK: --data DIR

  /// `2 tệp bị bỏ qua: a.xlsx: …; b.json: …` — every problem, each naming its file.
  public func badParts(_ problems: [FormProblem]) -> String {
    let files = Set(problems.map(\.file)).count
    return pick("\(files) tệp bị bỏ qua: ", "\(files) file(s) left out: ")
      + problems.map { $0.description(in: language) }.joined(separator: "; ")
  }
}
