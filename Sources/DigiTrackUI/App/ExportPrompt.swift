import DigiTrackModel

/// The `e` key's format prompt (issue 12, item 18): the status line offers one key per format
/// (`exportText`… `exportExcel` in config.json's `keys`), Esc cancels, and the chosen format goes
/// to the shell as a value in the `.export` effect.
extension AppState {
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
    case .character:
      guard let format = options.keys.action(for: key, in: .exportPrompt)?.exportFormat else { return [] }
      exportPrompt = false
      status = nil
      return [.export(exportRequest(format: format))]
    default:
      return []
    }
  }

  /// `Xuất: t văn bản · m Markdown · c CSV · j JSON · x Excel · Esc hủy`.
  var exportPromptText: String {
    let strings = context.strings
    return strings.exportPrompt + ": " + context.exportFormats(separator: " · ") + " · Esc " + strings.exportCancel
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
