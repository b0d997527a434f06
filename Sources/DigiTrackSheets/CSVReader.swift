import DigiTrackModel
import FoundationEssentials
import Glibc

/// Reads a CSV file as one sheet of text cells (RFC 4180 quoting), as Excel or LibreOffice save it.
///
/// The separator is `,` or, as a vi-VN Excel writes, `;`: whichever the first line that holds
/// either has more of, outside quotes. A UTF-8 BOM is skipped. Text must be UTF-8.
public struct CSVReader: Sendable {
  public var maxBytes = 256 << 20

  public init() {}

  public func read(path: String, name: String) throws(FormProblem) -> SheetCells {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      throw problem(.cannotOpen(reason))
    }
    guard Int(info.st_size) <= maxBytes else {
      throw problem(.fileTooLarge(mebibytes: maxBytes >> 20))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw problem(.cannotRead)
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: SpreadsheetContainer.oleSignature) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw problem(.csvIsAWorkbook)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw problem(.csvNotUTF8)
    }
    return parse(text, separator: Self.separator(of: bytes))
  }

  static func separator(of bytes: [UInt8]) -> UInt8 {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if quoted { continue }
      if byte == UInt8(ascii: "\n"), commas + semicolons > 0 { break }
      if byte == UInt8(ascii: ",") { commas += 1 }
      if byte == UInt8(ascii: ";") { semicolons += 1 }
    }
    return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  func parse(_ text: String, separator: UInt8) -> SheetCells {
    var cells = SheetCells(name: nil)
    var row = 0
    var column = 0
    var field: [UInt8] = []
    var quoted = false
    var wasQuoted = false
    let bytes = Array(text.utf8)
    var index = 0
    func flush() {
      if !field.isEmpty || wasQuoted {
        cells.set(row: row, column: column, .text(String(decoding: field, as: UTF8.self)))
      }
      field.removeAll(keepingCapacity: true)
      wasQuoted = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\""), field.isEmpty {
        quoted = true
        wasQuoted = true
      } else if byte == separator {
        flush()
        column += 1
      } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        flush()
        if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        row += 1
        column = 0
      } else {
        field.append(byte)
      }
      index += 1
    }
    flush()
    return cells
  }
}
