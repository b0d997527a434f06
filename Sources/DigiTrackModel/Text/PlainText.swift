import Glibc
@_spi(_Unicode) import Swift

/// The few text operations DigiTrack took from full Foundation, written on the standard library
/// so that the release binary links only FoundationEssentials: full Foundation brings ICU, 57% more
/// protocol conformance records for every start's scans, and 4.5 MB of resident pages
/// (docs/PERFORMANCE.md, "Start-up"). `PlainTextTests` holds each to Foundation's own result.
extension StringProtocol {
  /// Without spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)`: the
  /// Unicode space separators (Zs) and the tab, not line breaks.
  public func trimmingSpaces() -> String {
    trimming { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
  }

  /// Without white space or line breaks at either end, as
  /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
  public func trimmingWhitespace() -> String {
    trimming { scalar in
      scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        || (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028
        || scalar.value == 0x2029
    }
  }

  /// Trimmed of the scalars `drop` accepts, scalar by scalar as Foundation trims. On a String's
  /// own scalars: the generic view's slice and range instantiated their types by name, a
  /// conformance scan each (docs/PERFORMANCE.md, "Start-up").
  private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
    let text = String(self)
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !drop($0) }),
      let last = scalars.lastIndex(where: { !drop($0) })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }

  /// Lower case, without diacritics, full-width ASCII forms as ASCII: what
  /// `folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)`
  /// gives for the words a spreadsheet's status cells hold ("Xanh", "ＸＡＮＨ", "chưa báo cáo").
  public func foldingCaseMarksAndWidth() -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in String(self)._nfd {
      switch scalar.value {
      case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      default:
        if scalar.properties.generalCategory != .nonspacingMark { scalars.append(scalar) }
      }
    }
    // Case folding, as Foundation's: "ß" is "ss" (lowercasing keeps it).
    return String(scalars).lowercased().replacingEvery("ß", with: "ss")
  }

  /// Every occurrence of `target` replaced by `replacement`, byte for byte (UTF-8) and left to
  /// right, as a literal `replacingOccurrences(of:with:)`. Byte matching never lets a combining
  /// mark that follows hide a quote or a backslash from an escape, as character matching would.
  public func replacingEvery(_ target: String, with replacement: String) -> String {
    let pattern = Array(target.utf8)
    let bytes = Array(utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return String(self) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    var found = false
    while index < bytes.count {
      if bytes[index] == pattern[0], index + pattern.count <= bytes.count,
        bytes[index..<(index + pattern.count)].elementsEqual(pattern)
      {
        output.append(contentsOf: replacement.utf8)
        index += pattern.count
        found = true
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return found ? String(decoding: output, as: UTF8.self) : String(self)
  }
}

/// File paths as text, with the rules of Foundation's `NSString` path methods that DigiTrack used:
/// "/" separates, trailing slashes do not make a component, and a lone "/" is the root.
public enum PathText {
  /// "/a/b.json" → "b.json"; "a/b/" → "b"; "/" → "/"; "" → "".
  public static func lastComponent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return path.isEmpty ? "" : "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// "/a/b.json" → "/a"; "/a" → "/"; "a" → ""; "a/b/" → "a"; "/" → "/".
  public static func deletingLastComponent(_ path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return path.isEmpty ? "" : "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    var head = String(trimmed[..<slash])
    while head.count > 1, head.hasSuffix("/") { head.removeLast() }
    return head.isEmpty ? "/" : head
  }

  /// The last component's extension without the dot: "a/b.tar.gz" → "gz"; ".hidden" → "";
  /// "name." → ""; "a.b/c" → "".
  public static func pathExtension(_ path: String) -> String {
    let name = lastComponent(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }

  /// The folder for temporary files, ending in "/": `$TMPDIR` when it is set, else "/tmp/" (the
  /// rule of Foundation's `NSTemporaryDirectory` on Linux).
  public static func temporaryFolder() -> String {
    guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp/" }
    let folder = String(cString: value)
    return folder.hasSuffix("/") ? folder : folder + "/"
  }

  public static func isAbsolute(_ path: String) -> Bool {
    path.hasPrefix("/") || path.hasPrefix("~")
  }

  /// The path without trailing slashes, and runs of slashes as one; "/" stays "/".
  private static func withoutTrailingSlashes(_ path: String) -> String {
    var collapsed = ""
    collapsed.reserveCapacity(path.utf8.count)
    var previousSlash = false
    for character in path {
      if character == "/" {
        if previousSlash { continue }
        previousSlash = true
      } else {
        previousSlash = false
      }
      collapsed.append(character)
    }
    while collapsed.count > 1, collapsed.hasSuffix("/") { collapsed.removeLast() }
    return collapsed
  }
}

/// printf's formatting of numbers, as `String(format:)` gave it, through the C library's
/// `vsnprintf`: "%.0f" and "%.2f" are exact there, which Swift's own `description` is not asked to be.
public enum CFormat {
  public static func string(_ format: String, _ arguments: CVarArg...) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    var needed = withVaList(arguments) { Int(vsnprintf(&buffer, buffer.count, format, $0)) }
    if needed >= buffer.count {
      buffer = [CChar](repeating: 0, count: needed + 1)
      needed = withVaList(arguments) { Int(vsnprintf(&buffer, buffer.count, format, $0)) }
    }
    return String(decoding: buffer.prefix(max(needed, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
