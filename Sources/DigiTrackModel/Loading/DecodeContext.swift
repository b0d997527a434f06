import FoundationEssentials
import Glibc

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
  func error(_ message: @autoclosure () -> LocalizedText, key: String? = nil) {
    errorCount += 1
    guard errorCount <= DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.error, .path(pathString(adding: key)), message(), subject: subject))
  }

  func warning(_ message: @autoclosure () -> LocalizedText, key: String? = nil) {
    warningCount += 1
    guard warningCount <= DecodeContext.errorCap else { return }
    diagnostics.append(Diagnostic(.warning, .path(pathString(adding: key)), message(), subject: subject))
  }

  /// A message not yet in `LoadMessages.swift`: the same text in both languages.
  @available(*, deprecated, message: "add the message to LoadMessages.swift in Vietnamese and English")
  func error(_ message: @autoclosure () -> String, key: String? = nil) {
    error(LocalizedText(vi: message(), en: message()), key: key)
  }

  @available(*, deprecated, message: "add the message to LoadMessages.swift in Vietnamese and English")
  func warning(_ message: @autoclosure () -> String, key: String? = nil) {
    warning(LocalizedText(vi: message(), en: message()), key: key)
  }

  /// What the diagnostics reported inside `body` are about (a province's name), so that
  /// `snapshots[1].reports[7]` also reads "Lạng Sơn". Costs one assignment on the success path.
  @inline(__always)
  func about<T>(_ name: String?, _ body: () -> T) -> T {
    let outer = subject
    subject = name
    defer { subject = outer }
    return body()
  }

  private var subject: String?

  /// The diagnostics, with a closing line for each kind the cap cut short.
  func finishedDiagnostics() -> [Diagnostic] {
    var result = diagnostics
    if errorCount > DecodeContext.errorCap {
      let hidden = errorCount - DecodeContext.errorCap
      result.append(
        Diagnostic(.error, .file, .moreErrors(hidden, cap: DecodeContext.errorCap)))
    }
    if warningCount > DecodeContext.errorCap {
      let hidden = warningCount - DecodeContext.errorCap
      result.append(
        Diagnostic(.warning, .file, .moreWarnings(hidden, cap: DecodeContext.errorCap)))
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

/// The first bytes of a long value, as `quoted` shows them: cut before a character that the
/// prefix would split, so that a message never shows U+FFFD where the file has a valid letter.
func quoted(_ bytes: some Collection<UInt8>) -> String {
  var prefix = Array(bytes)
  // Drop a trailing lead byte and its continuation bytes when the sequence is incomplete.
  var start = prefix.count
  while start > 0, prefix[start - 1] & 0xC0 == 0x80, prefix.count - start < 3 { start -= 1 }
  if start > 0 {
    let lead = prefix[start - 1]
    let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    if prefix.count - (start - 1) < needed { prefix.removeLast(prefix.count - (start - 1)) }
  }
  return quoted(String(decoding: prefix, as: UTF8.self))
}

/// Text from the file as a message shows it: cleaned, in double quotes with `"` and `\` escaped,
/// and cut to 40 characters.
func quoted(_ raw: String) -> String {
  var text = SafeText.clean(raw)
  if text.count > 40 { text = String(text.prefix(40)) + "…" }
  return "\"" + text.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
}
