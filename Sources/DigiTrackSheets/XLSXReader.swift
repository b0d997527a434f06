import CExpat
import CZlibChecksum
import DigiTrackModel
import Foundation
import ZIPFoundation

/// Reads the cells of an `.xlsx` workbook: ZIPFoundation opens the container, expat parses the XML.
///
/// A workbook is a ZIP archive, so a small file can inflate to gigabytes. Each part is inflated in
/// chunks straight into the XML parser, with the bytes counted as they come: a part larger than
/// `maxEntryBytes`, or a workbook larger than `maxTotalBytes` in all, is refused the moment it
/// crosses the limit, whatever sizes its headers claim. Nothing is held whole but the cells.
public struct XLSXReader: Sendable {
  /// 64 MiB per part: a national workbook with every commune listed has sheets of about 2 MB.
  public var maxEntryBytes: UInt64 = 64 << 20
  /// 256 MiB in all, the JSON loader's own limit.
  public var maxTotalBytes: UInt64 = 256 << 20

  public init() {}

  /// The first bytes of an OLE compound file: an encrypted (password-protected) workbook or an
  /// old `.xls`.
  static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  public func read(path: String, name: String) throws(FormProblem) -> [SheetCells] {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      let reason = String(cString: strerror(errno))
      throw problem(.text("không mở được tệp: \(reason)", "cannot open the file: \(reason)"))
    }
    let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
    try? handle.close()
    if head.isEmpty { throw problem(.text("tệp trống, không phải bảng tính", "the file is empty, not a spreadsheet")) }
    if head == Self.oleSignature {
      throw problem(
        XLSXReader.isEncrypted(path: path)
          ? .text(
            "tệp bảng tính có mật khẩu (tệp OLE mã hóa): hãy lưu lại không đặt mật khẩu",
            "the workbook is password-protected (an encrypted OLE file): save it again without a password")
          : .text(
            "đây là tệp Excel 97-2003 (.xls) cũ, không phải .xlsx: hãy lưu lại dạng Excel Workbook (.xlsx)",
            "this is an old Excel 97-2003 (.xls) file, not .xlsx: save it as an Excel workbook (.xlsx)"))
    }
    guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B else {
      throw problem(
        .text(
          "không phải bảng tính: tệp .xlsx là một tệp nén ZIP, còn tệp này thì không",
          "not a spreadsheet: an .xlsx file is a ZIP archive, and this file is not one"))
    }
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw problem(
        .text(
          "không phải bảng tính: không đọc được tệp nén ZIP (\(error))",
          "not a spreadsheet: the ZIP archive cannot be read (\(error))"))
    }
    var total: UInt64 = 0
    let context = PartReader(archive: archive, name: name, maxEntry: maxEntryBytes, maxTotal: maxTotalBytes)
    guard archive["xl/workbook.xml"] != nil else {
      throw problem(
        .text(
          "không phải bảng tính: tệp ZIP không có xl/workbook.xml không phải tệp .xlsx",
          "not a spreadsheet: a ZIP archive without xl/workbook.xml is not an .xlsx workbook"))
    }
    let sheets = try context.parse("xl/workbook.xml", WorkbookHandler(), total: &total).sheets
    if sheets.isEmpty {
      throw problem(.text("tệp bảng tính trống: không có trang nào", "the workbook is empty: it has no sheets"))
    }
    let relations = try context.parse("xl/_rels/workbook.xml.rels", RelationsHandler(), total: &total).targets
    var strings: [String] = []
    if archive["xl/sharedStrings.xml"] != nil {
      strings = try context.parse("xl/sharedStrings.xml", SharedStringsHandler(), total: &total).strings
    }
    var result: [SheetCells] = []
    for sheet in sheets {
      guard let target = relations[sheet.relation] else {
        throw problem(
          .text(
            "trang \"\(sheet.name)\" không có phần dữ liệu trong tệp (tệp bị hỏng)",
            "sheet \"\(sheet.name)\" has no part in the workbook (damaged file)"))
      }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      let handler = SheetHandler(name: sheet.name, strings: strings)
      result.append(try context.parse(path, handler, total: &total).cells)
    }
    return result
  }

  /// An encrypted OOXML file is an OLE file with an `EncryptionInfo` stream; look for its name
  /// (UTF-16LE) in the first megabyte, where the directory of a small file lives.
  static func isEncrypted(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.read(upToCount: 1 << 20) else {
      return false
    }
    let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let bytes = [UInt8](data)
    guard bytes.count >= needle.count else { return false }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
      if Array(bytes[start..<(start + needle.count)]) == needle { return true }
    }
    return false
  }
}

/// Inflates one part into expat, chunk by chunk, under the limits.
final class PartReader {
  let archive: Archive
  let name: String
  let maxEntry: UInt64
  let maxTotal: UInt64

  init(archive: Archive, name: String, maxEntry: UInt64, maxTotal: UInt64) {
    self.archive = archive
    self.name = name
    self.maxEntry = maxEntry
    self.maxTotal = maxTotal
  }

  private struct Stop: Error {}

  func parse<Handler: XMLHandler>(_ path: String, _ handler: Handler, total: inout UInt64) throws(FormProblem)
    -> Handler
  {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    guard let entry = archive[path] else {
      throw problem(
        .text(
          "tệp bảng tính thiếu phần \(path) (tệp bị hỏng)", "the workbook has no part \(path) (damaged file)"))
    }
    let limitMessage = LocalizedText.text(
      "\(path) giải nén ra hơn \(maxEntry >> 20) MiB (bom ZIP, hoặc lớn hơn mọi biểu mẫu rất nhiều): không đọc",
      "\(path) inflates to more than \(maxEntry >> 20) MiB (a ZIP bomb, or far larger than any form): refused")
    let totalMessage = LocalizedText.text(
      "tệp bảng tính giải nén ra tổng cộng hơn \(maxTotal >> 20) MiB: không đọc",
      "the workbook inflates to more than \(maxTotal >> 20) MiB in all: refused")
    if entry.uncompressedSize > maxEntry { throw problem(limitMessage) }
    if total + entry.uncompressedSize > maxTotal { throw problem(totalMessage) }
    let parser = ExpatParser(handler: handler)
    var inflated: UInt64 = 0
    var failure: FormProblem?
    var running = total
    // The checksum is zlib's: ZIPFoundation's own is a byte-at-a-time loop on Linux.
    var checksum: UInt = 0
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
        checksum = chunk.withUnsafeBytes { raw in
          crc32(checksum, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt32(raw.count))
        }
        inflated += UInt64(chunk.count)
        running += UInt64(chunk.count)
        if inflated > self.maxEntry {
          failure = problem(limitMessage)
          throw Stop()
        }
        if running > self.maxTotal {
          failure = problem(totalMessage)
          throw Stop()
        }
        if let message = parser.feed(chunk, final: false) {
          failure = problem(.text("\(path): lỗi XML: \(message)", "\(path): \(message)"))
          throw Stop()
        }
      }
    } catch {
      throw failure
        ?? problem(
          .text(
            "không giải nén được \(path) (tệp bị hỏng: \(error))", "\(path) cannot be inflated (damaged file: \(error))"
          ))
    }
    if UInt32(truncatingIfNeeded: checksum) != entry.checksum {
      throw problem(
        .text(
          "không giải nén được \(path) (tệp bị hỏng: tổng kiểm tra không khớp)",
          "\(path) cannot be inflated (damaged file: its checksum does not match)"))
    }
    if let message = parser.feed(Data(), final: true) {
      throw problem(.text("\(path): lỗi XML: \(message)", "\(path): \(message)"))
    }
    total = running
    return handler
  }
}
