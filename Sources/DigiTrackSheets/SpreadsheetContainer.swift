import CLibXML2
import DigiTrackModel

#if canImport(Glibc)
  import Glibc
#endif

/// The ZIP container of a workbook (`.xlsx`) or an OpenDocument spreadsheet (`.ods`): the checks
/// made before any part is read, so that a file that is not a spreadsheet gets a message that says
/// what it is instead of a ZIP error.
enum SpreadsheetContainer {
  /// The first bytes of an OLE compound file: an encrypted (password-protected) workbook or an
  /// old `.xls`.
  static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// `kind` is the extension the reader expects, for the messages: `xlsx` or `ods`.
  static func open(path: String, name: String, kind: String) throws(FormProblem) -> ZipArchive {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    let descriptor = ZipArchive.openDescriptor(path)
    if descriptor < 0 { throw problem(.cannotOpen(String(cString: strerror(errno)))) }
    let head = (try? ZipArchive.read(descriptor, upTo: 8, at: 0)) ?? []
    if head.isEmpty || head == oleSignature || head.count < 4 || head[0] != 0x50 || head[1] != 0x4B {
      close(descriptor)
      if head.isEmpty { throw problem(.emptyFile) }
      if head == oleSignature {
        if isEncrypted(path: path) { throw problem(.passwordProtected) }
        throw problem(kind == "xlsx" ? .oldExcelContent : .notAZipArchive(kind: kind))
      }
      throw problem(.notAZipArchive(kind: kind))
    }
    do {
      return try ZipArchive(descriptor: descriptor)
    } catch {
      throw problem(.unreadableZipArchive(error))
    }
  }

  /// An encrypted OOXML file is an OLE file with an `EncryptionInfo` stream; look for its name
  /// (UTF-16LE) in the first megabyte, where the directory of a small file lives.
  static func isEncrypted(path: String) -> Bool {
    let descriptor = ZipArchive.openDescriptor(path)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    guard let bytes = try? ZipArchive.read(descriptor, upTo: 1 << 20, at: 0) else { return false }
    let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    guard bytes.count >= needle.count else { return false }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
      if Array(bytes[start..<(start + needle.count)]) == needle { return true }
    }
    return false
  }
}

/// Inflates one part into libxml2's parser, chunk by chunk, under the limits.
///
/// The archive's central directory was read once, into `archive.entries`; this indexes it by path.
final class PartReader {
  let archive: ZipArchive
  let name: String
  let maxEntry: UInt64
  let maxTotal: UInt64
  private var entries: [String: ZipEntry] = [:]

  init(archive: ZipArchive, name: String, maxEntry: UInt64, maxTotal: UInt64) {
    self.archive = archive
    self.name = name
    self.maxEntry = maxEntry
    self.maxTotal = maxTotal
    for entry in archive.entries where entries[entry.path] == nil { entries[entry.path] = entry }
  }

  /// The part at `path`, if the archive has one (the first, if it has two).
  subscript(path: String) -> ZipEntry? { entries[path] }

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
    do {
      // The size and the CRC-32 are checked by `extract` after the last chunk.
      try archive.extract(entry) { chunk in
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
    } catch let error as ZipError {
      throw problem(.cannotInflate(path, error))
    } catch {
      throw failure ?? problem(.cannotInflate(path, "\(error)"))
    }
    if let message = parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), final: true) {
      throw problem(.brokenXML(path, message))
    }
    total = running
    return handler
  }
}
