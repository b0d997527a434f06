/// What the `e` key exports: the view's name for the file name, and its document.
///
/// The document is not built when the key is pressed: the request holds a copy of the state and
/// builds the text when the shell reads `text`, on the thread that writes the file, so a large
/// export never stalls the input loop.
public struct ExportRequest: Sendable, Equatable {
  public let viewName: String
  private let build: @Sendable () -> String

  public init(viewName: String, text: String) {
    self.viewName = viewName
    build = { text }
  }

  init(viewName: String, build: @escaping @Sendable () -> String) {
    self.viewName = viewName
    self.build = build
  }

  /// The document's text, built on each read.
  public var text: String { build() }

  public static func == (lhs: ExportRequest, rhs: ExportRequest) -> Bool {
    lhs.viewName == rhs.viewName && lhs.text == rhs.text
  }
}

public struct ExportError: Error, Sendable, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }
}
