import DigiTrackModel

/// The `e` key's format prompt (issue 12, item 18): the status line offers one key per format,
/// Esc cancels, and the chosen format goes to the shell as a value in the `.export` effect.
extension AppState {
  /// The keys the prompt offers, in the order the status line lists them.
  static let exportFormatKeys: [(key: Character, format: ExportFileFormat)] = [
    ("t", .text), ("m", .markdown), ("c", .csv), ("j", .json), ("x", .xlsx),
  ]

  /// Opens the prompt (the `e` key).
  mutating func openExportPrompt() {
    exportPrompt = true
    status = StatusMessage(text: exportPromptText, isError: false)
  }

  /// A key while the prompt is open: a format key exports (Enter takes text, as `e` alone did),
  /// Esc cancels; any other key leaves the prompt open.
  mutating func handleExportPromptKey(_ key: Key) -> [Effect] {
    let strings = context.strings
    switch key {
    case .escape:
      exportPrompt = false
      status = StatusMessage(text: strings.exportCancelled, isError: false)
      return []
    case .enter:
      exportPrompt = false
      status = nil
      return [.export(exportRequest(format: .text))]
    case .character(let character):
      guard let chosen = Self.exportFormatKeys.first(where: { $0.key == character }) else { return [] }
      exportPrompt = false
      status = nil
      return [.export(exportRequest(format: chosen.format))]
    default:
      return []
    }
  }

  /// `Xuất: t văn bản · m Markdown · c CSV · j JSON · x Excel · Esc hủy`.
  var exportPromptText: String {
    let strings = context.strings
    let names = Self.exportFormatKeys.map { "\($0.key) \(strings.exportFormatName($0.format))" }
    return strings.exportPrompt + ": " + names.joined(separator: " · ") + " · Esc " + strings.exportCancel
  }
}

// MARK: export prompt

extension Strings {
  private func pickExport(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

  public var exportPrompt: String { pickExport("Xuất", "Export") }
  public var exportCancel: String { pickExport("hủy", "cancel") }
  public var exportCancelled: String { pickExport("Đã hủy xuất", "Export cancelled") }

  public func exportFormatName(_ format: ExportFileFormat) -> String {
    switch format {
    case .text: pickExport("văn bản", "text")
    case .markdown: "Markdown"
    case .csv: "CSV"
    case .json: "JSON"
    case .xlsx: "Excel"
    }
  }
}
