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
  private(set) var warningCount = 0
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

  /// Reports an error. The message is built only while under the cap: a file with a million
  /// broken values costs no more than one with a hundred.
  func error(_ message: @autoclosure () -> String, key: String? = nil) {
    errorCount += 1
    guard errorCount <= DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.error, .path(pathString(adding: key)), message()))
  }

  func warning(_ message: @autoclosure () -> String, key: String? = nil) {
    warningCount += 1
    guard warningCount <= DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.warning, .path(pathString(adding: key)), message()))
  }

  /// The diagnostics, with a closing line for each kind the cap cut short.
  func finishedDiagnostics() -> [Diagnostic] {
    var result = diagnostics
    if errorCount > DecodeContext.errorCap {
      let hidden = errorCount - DecodeContext.errorCap
      result.append(
        Diagnostic(.error, .file, "\(hidden) more error(s) not shown (at most \(DecodeContext.errorCap) are listed)"))
    }
    if warningCount > DecodeContext.errorCap {
      let hidden = warningCount - DecodeContext.errorCap
      result.append(
        Diagnostic(
          .warning, .file, "\(hidden) more warning(s) not shown (at most \(DecodeContext.errorCap) are listed)"))
    }
    return result
  }

  /// `snapshots[1].reports[3].provincial.statuses.T05`
  func pathString(adding key: String? = nil) -> String {
    Self.format(key.map { path + [.key($0)] } ?? path)
  }

  /// A JSON path as messages print it. Keys that are not plain identifiers are quoted and
  /// escaped, and cut to 40 characters so that a hostile key cannot flood a message.
  static func format(_ components: [PathComponent]) -> String {
    var text = ""
    for component in components {
      switch component {
      case .index(let index):
        text += "[\(index)]"
      case .key(let key):
        let plain =
          !key.isEmpty && key.utf8.count <= 40
          && key.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
          }
        if plain {
          text += text.isEmpty ? key : ".\(key)"
        } else {
          text += "[\(quoted(key))]"
        }
      }
    }
    return text.isEmpty ? "(top level)" : text
  }
}

/// Text from the file as a message shows it: cleaned, in double quotes with `"` and `\` escaped,
/// and cut to 40 characters.
func quoted(_ raw: String) -> String {
  var text = SafeText.clean(raw)
  if text.count > 40 { text = String(text.prefix(40)) + "…" }
  return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
