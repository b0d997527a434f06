import CLibXML2
import CZlibChecksum
import DigiTrackModel
import Foundation
import ZIPFoundation

/// The ZIP container of a workbook (`.xlsx`) or an OpenDocument spreadsheet (`.ods`): the checks
/// made before any part is read, so that a file that is not a spreadsheet gets a message that says
/// what it is instead of a ZIP error.
enum SpreadsheetContainer {
  /// The first bytes of an OLE compound file: an encrypted (password-protected) workbook or an
  /// old `.xls`.
  static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// `kind` is the extension the reader expects, for the messages: `xlsx` or `ods`.
  static func open(path: String, name: String, kind: String) throws(FormProblem) -> Archive {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw problem(.cannotOpen(String(cString: strerror(errno))))
    }
    let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
    try? handle.close()
    if head.isEmpty { throw problem(.emptyFile) }
    if head == oleSignature {
      if isEncrypted(path: path) { throw problem(.passwordProtected) }
      throw problem(kind == "xlsx" ? .oldExcelContent : .notAZipArchive(kind: kind))
    }
    guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B else { throw problem(.notAZipArchive(kind: kind)) }
    do {
      return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw problem(.unreadableZipArchive("\(error)"))
    }
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

/// Inflates one part into libxml2's parser, chunk by chunk, under the limits.
///
/// The archive's central directory is read once, into `entries`: ZIPFoundation's own lookup by
/// path reads it again from the file for every part asked for.
final class PartReader {
  let archive: Archive
  let name: String
  let maxEntry: UInt64
  let maxTotal: UInt64
  private var entries: [String: Entry] = [:]

  init(archive: Archive, name: String, maxEntry: UInt64, maxTotal: UInt64) {
    self.archive = archive
    self.name = name
    self.maxEntry = maxEntry
    self.maxTotal = maxTotal
    for entry in archive {
      // Decoded as UTF-8 first: ZIPFoundation's code page 437 decoding, for names without the
      // UTF-8 flag (libxlsxwriter's), goes scalar by scalar. An ASCII name reads the same in both.
      let utf8 = entry.path(using: .utf8)
      let path = !utf8.isEmpty && utf8.utf8.allSatisfy { $0 < 0x80 } ? utf8 : entry.path
      if entries[path] == nil { entries[path] = entry }
    }
  }

  /// The inflate buffer for a part: ZIPFoundation zero-fills a buffer of this size for every
  /// chunk, so a small part (most of a workbook's) gets a small one. 64 KiB at most; the header's
  /// size only chooses the buffer, the limits count the bytes that come.
  static func bufferSize(_ entry: Entry) -> Int {
    Int(min(max(entry.uncompressedSize + 64, 4096), 1 << 16))
  }

  /// The part at `path`, if the archive has one (the first, if it has two).
  subscript(path: String) -> Entry? { entries[path] }

  private struct Stop: Error {}

  /// `directly` for a worksheet or the shared strings: see `SAXParser.init(handler:directly:)`.
  func parse<Handler: XMLHandler>(
    _ path: String, _ handler: Handler, total: inout UInt64, directly: Bool = false
  ) throws(FormProblem) -> Handler {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    guard let entry = entries[path] else {
      throw problem(.missingPart(path))
    }
    let limitMessage = LocalizedText.partTooLarge(path, mebibytes: maxEntry >> 20)
    let totalMessage = LocalizedText.workbookTooLarge(mebibytes: maxTotal >> 20)
    if entry.uncompressedSize > maxEntry { throw problem(limitMessage) }
    if total + entry.uncompressedSize > maxTotal { throw problem(totalMessage) }
    // libxml2 is loaded on first use (CLibXML2): a system without it gets a message, not a crash.
    if let reason = dt_xml_load_error() { throw problem(.xmlReaderMissing(String(cString: reason))) }
    let parser = SAXParser(handler: handler, directly: directly)
    var inflated: UInt64 = 0
    var failure: FormProblem?
    var running = total
    // The checksum is zlib's: ZIPFoundation's own is a byte-at-a-time loop on Linux.
    var checksum: UInt = 0
    do {
      _ = try archive.extract(entry, bufferSize: Self.bufferSize(entry), skipCRC32: true) { chunk in
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
          failure = problem(.brokenXML(path, message))
          throw Stop()
        }
      }
    } catch {
      throw failure ?? problem(.cannotInflate(path, "\(error)"))
    }
    if UInt32(truncatingIfNeeded: checksum) != entry.checksum {
      throw problem(.checksumMismatch(path))
    }
    if let message = parser.feed(Data(), final: true) {
      throw problem(.brokenXML(path, message))
    }
    total = running
    return handler
  }
}
