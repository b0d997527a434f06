/// What the `e` key exports: the view's name for the file name, the format chosen at the prompt,
/// and its content.
///
/// The content is not built when the key is pressed: the request holds a copy of the state and
/// builds it when the shell reads `content`, on the thread that writes the file, so a large
/// export never stalls the input loop. DigiTrackUI builds text and the workbook's document; the
/// shell writes the file (a workbook through DigiTrackSheets).
public struct ExportRequest: Sendable, Equatable {
  /// A text document, or the tables a workbook is written from.
  public enum Content: Sendable {
    case text(String)
    case workbook(ExportDocument)
  }

  public let viewName: String
  public let format: ExportFileFormat
  private let build: @Sendable () -> Content

  public init(viewName: String, text: String) {
    self.viewName = viewName
    format = .text
    build = { .text(text) }
  }

  init(viewName: String, format: ExportFileFormat = .text, build: @escaping @Sendable () -> Content) {
    self.viewName = viewName
    self.format = format
    self.build = build
  }

  /// The content, built on each read.
  public var content: Content { build() }

  /// The text of a text format; empty for a workbook.
  public var text: String {
    if case .text(let text) = build() { return text }
    return ""
  }

  /// The file name's extension for the format.
  public var fileExtension: String { format.fileExtension }

  public static func == (lhs: ExportRequest, rhs: ExportRequest) -> Bool {
    lhs.viewName == rhs.viewName && lhs.format == rhs.format && lhs.text == rhs.text
  }
}

/// Every format a view can be exported to: the text formats `render` writes, and a workbook
/// written from `document(view:)` by DigiTrackSheets (binary, so not an `ExportFormat`).
public enum ExportFileFormat: String, Sendable, CaseIterable {
  case text
  case markdown
  case csv
  case json
  case xlsx

  /// The text format, or nil for the workbook.
  public var textFormat: ExportFormat? { ExportFormat(rawValue: rawValue) }

  /// `txt`, `md`, `csv`, `json`, `xlsx`.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .csv: "csv"
    case .json: "json"
    case .xlsx: "xlsx"
    }
  }
}

public struct ExportError: Error, Sendable, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }
}
