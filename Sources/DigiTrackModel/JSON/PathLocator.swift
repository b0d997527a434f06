/// Finds where in a document the values at some JSON paths start, so that a rule broken at
/// `snapshots[1].reports[7].communes.total` can also say `tinh.json:412:18:`.
///
/// simdjson's tape keeps no source offsets, so this walks the text once more, and only for a file
/// that has diagnostics: the success path never comes here. The walk descends only into the
/// members on the way to a wanted path and skips every other value without building anything, so
/// its cost is one pass over the bytes plus the widths of the containers on those paths.
/// The document is valid JSON (it parsed); anything unexpected ends the walk with what it found.
struct PathLocator {
  private let bytes: [UInt8]
  private var offset = 0
  /// Every wanted path and each of its prefixes, as `DecodeContext.format` spells them.
  private let prefixes: Set<String>
  private(set) var found: [String: Int] = [:]

  /// The byte offset of each of `paths` that the document has; for a path it lacks (a missing
  /// key), the offset of the deepest container on the way that it has.
  static func offsets(of paths: Set<String>, in bytes: [UInt8]) -> [String: Int] {
    var prefixes: Set<String> = [DecodeContext.format([])]
    for path in paths {
      prefixes.insert(path)
      for index in path.indices.dropFirst() where path[index] == "." || path[index] == "[" {
        prefixes.insert(String(path[..<index]))
      }
    }
    var locator = PathLocator(bytes: bytes, prefixes: prefixes)
    locator.skipSpace()
    locator.value(path: [])
    var result: [String: Int] = [:]
    for path in paths {
      var candidate = Substring(path)
      while result[path] == nil {
        if let at = locator.found[String(candidate)] {
          result[path] = at
        } else if let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }), cut > candidate.startIndex {
          candidate = candidate[..<cut]
        } else {
          result[path] = locator.found[DecodeContext.format([])]
          break
        }
      }
    }
    return result
  }

  private init(bytes: [UInt8], prefixes: Set<String>) {
    self.bytes = bytes
    self.prefixes = prefixes
  }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private mutating func skipSpace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
  }

  /// The value at `offset`, whose path is `path`: recorded, and walked into when a wanted path
  /// goes through it, else skipped.
  private mutating func value(path: [DecodeContext.PathComponent]) {
    let spelled = DecodeContext.format(path)
    found[spelled] = offset
    guard let byte = current else { return }
    switch byte {
    case UInt8(ascii: "{"): container(object: true, path: path)
    case UInt8(ascii: "["): container(object: false, path: path)
    default: skipValue()
    }
  }

  private mutating func container(object: Bool, path: [DecodeContext.PathComponent]) {
    let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
    offset += 1
    var index = 0
    while true {
      skipSpace()
      guard let byte = current else { return }
      if byte == close {
        offset += 1
        return
      }
      if byte == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      let component: DecodeContext.PathComponent
      if object {
        guard byte == UInt8(ascii: "\""), let key = string() else { return }
        component = .key(key)
        skipSpace()
        guard current == UInt8(ascii: ":") else { return }
        offset += 1
        skipSpace()
      } else {
        component = .index(index)
        index += 1
      }
      let child = path + [component]
      if prefixes.contains(DecodeContext.format(child)) {
        value(path: child)
      } else {
        skipValue()
      }
    }
  }

  /// Moves past one value without looking inside it (strings are stepped over whole, so a
  /// bracket inside one does not count). Scans through a buffer pointer: this loop sees most of
  /// the bytes of a large file.
  private mutating func skipValue() {
    var depth = 0
    let start = offset
    let end: Int = bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count {
        let byte = buffer[index]
        if byte == 0x22 {  // "
          index += 1
          while index < buffer.count, buffer[index] != 0x22 {
            index += buffer[index] == 0x5C ? 2 : 1  // \ escapes the next byte
          }
          index += 1
          if depth == 0 { return index }
          continue
        }
        if byte == 0x7B || byte == 0x5B {  // { [
          depth += 1
        } else if byte == 0x7D || byte == 0x5D {  // } ]
          if depth == 0 { return index }
          depth -= 1
          if depth == 0 { return index + 1 }
        } else if byte == 0x2C, depth == 0 {  // ,
          return index
        }
        index += 1
      }
      return buffer.count
    }
    offset = min(end, bytes.count)
  }

  /// Past the closing quote: the next `"` not escaped by an odd run of backslashes. The search is
  /// the standard library's (`firstIndex`), fast even in a debug build over a 50 MB string.
  private mutating func skipString() {
    var from = offset + 1
    while from < bytes.count, let quote = bytes[from...].firstIndex(of: UInt8(ascii: "\"")) {
      var backslashes = 0
      while quote - backslashes - 1 >= from, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
      from = quote + 1
      if backslashes % 2 == 0 { break }
    }
    offset = min(from, bytes.count)
  }

  /// The string at `offset` with its escapes decoded (keys are compared as the decoder saw them).
  private mutating func string() -> String? {
    let start = offset + 1
    skipString()
    let raw = bytes[start..<max(start, offset - 1)]
    guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
    var units: [UInt16] = []
    var iterator = raw.makeIterator()
    var text = ""
    func flush() {
      text += String(decoding: units, as: UTF16.self)
      units.removeAll()
    }
    var pending: [UInt8] = []
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "\\") else {
        if !units.isEmpty { flush() }
        pending.append(byte)
        continue
      }
      text += String(decoding: pending, as: UTF8.self)
      pending.removeAll()
      guard let escaped = iterator.next() else { break }
      switch escaped {
      case UInt8(ascii: "u"):
        var hex = ""
        for _ in 0..<4 { if let digit = iterator.next() { hex.append(Character(Unicode.Scalar(digit))) } }
        units.append(UInt16(hex, radix: 16) ?? 0xFFFD)
        continue
      case UInt8(ascii: "n"): pending.append(0x0A)
      case UInt8(ascii: "t"): pending.append(0x09)
      case UInt8(ascii: "r"): pending.append(0x0D)
      case UInt8(ascii: "b"): pending.append(0x08)
      case UInt8(ascii: "f"): pending.append(0x0C)
      default: pending.append(escaped)
      }
      if !units.isEmpty { flush() }
    }
    if !units.isEmpty { flush() }
    return text + String(decoding: pending, as: UTF8.self)
  }
}

extension PathLocator {
  /// `diagnostics` with the line and column of each `.path` place's value, found in one walk of
  /// `bytes` (a byte-order mark already dropped) and one sweep for the positions.
  static func locate(_ diagnostics: [Diagnostic], in bytes: [UInt8]) -> [Diagnostic] {
    let paths = Set(
      diagnostics.compactMap { diagnostic -> String? in
        if case .path(let path) = diagnostic.place { return path }
        return nil
      })
    guard !paths.isEmpty else { return diagnostics }
    let offsets = offsets(of: paths, in: bytes)
    let positions = positions(of: Set(offsets.values), in: bytes)
    return diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      if case .path(let path) = diagnostic.place, let offset = offsets[path], let position = positions[offset] {
        diagnostic.location = position
      }
      return diagnostic
    }
  }

  /// Line and column (in characters, from 1) of each offset, in one pass over the bytes.
  static func positions(of offsets: Set<Int>, in bytes: [UInt8]) -> [Int: FilePosition] {
    var result: [Int: FilePosition] = [:]
    var line = 1
    var column = 1
    var index = 0
    bytes.withUnsafeBufferPointer { buffer in
      for offset in offsets.sorted() {
        let stop = min(offset, buffer.count)
        while index < stop {
          let byte = buffer[index]
          if byte == 0x0A {
            line += 1
            column = 1
          } else if byte & 0xC0 != 0x80 {
            column += 1
          }
          index += 1
        }
        result[offset] = FilePosition(line: line, column: column)
      }
    }
    return result
  }

}
