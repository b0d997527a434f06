import Foundation

/// The bookkeeping of one decode: where in the document we are, and what went wrong so far.
final class DecodeContext {
  enum PathComponent {
    case key(String)
    case index(Int)
  }

  static let errorCap = 100

  private(set) var diagnostics: [Diagnostic] = []
  private(set) var errorCount = 0
  private var path: [PathComponent] = []

  var hasErrors: Bool { errorCount > 0 }

  /// Runs `body` one level deeper in the document.
  @inline(__always)
  func at<T>(component: PathComponent, _ body: () -> T) -> T {
    path.append(component)
    defer { path.removeLast() }
    return body()
  }

  @inline(__always)
  func at<T>(_ key: String, _ body: () -> T) -> T { at(component: .key(key), body) }

  @inline(__always)
  func at<T>(_ index: Int, _ body: () -> T) -> T { at(component: .index(index), body) }

  func error(_ message: String, key: String? = nil) {
    errorCount += 1
    guard errorCount <= DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.error, .path(pathString(adding: key)), message))
  }

  func warning(_ message: String, key: String? = nil) {
    let warnings = diagnostics.count - min(errorCount, DecodeContext.errorCap)
    guard warnings < DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.warning, .path(pathString(adding: key)), message))
  }

  /// The diagnostics, with a closing line when the cap cut some errors off.
  func finishedDiagnostics() -> [Diagnostic] {
    guard errorCount > DecodeContext.errorCap else { return diagnostics }
    let hidden = errorCount - DecodeContext.errorCap
    return diagnostics + [
      Diagnostic(.error, .file, "\(hidden) more error(s) not shown (at most \(DecodeContext.errorCap) are listed)")
    ]
  }

  /// `snapshots[1].reports[3].provincial.statuses.T05`
  func pathString(adding key: String? = nil) -> String {
    var text = ""
    for component in path {
      append(component, to: &text)
    }
    if let key { append(.key(key), to: &text) }
    return text.isEmpty ? "(top level)" : text
  }

  private func append(_ component: PathComponent, to text: inout String) {
    switch component {
    case .index(let index):
      text += "[\(index)]"
    case .key(let key):
      let plain =
        !key.isEmpty
        && key.unicodeScalars.allSatisfy {
          $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
      if plain {
        text += text.isEmpty ? key : ".\(key)"
      } else {
        text += "[\"\(SafeText.clean(key).replacingOccurrences(of: "\"", with: "\\\""))\"]"
      }
    }
  }
}
