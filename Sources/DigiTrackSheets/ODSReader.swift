import DigiTrackModel

/// Reads the cells of an OpenDocument spreadsheet (`.ods`, LibreOffice's own format) with the
/// `.xlsx` reader's design: `ZipArchive` opens the container, libxml2 parses `content.xml` as it is
/// inflated, under the same limits against ZIP bombs, and the repeated cells of the format are
/// charged against the same per-part limit (see `ODSContentHandler`).
public struct ODSReader: Sendable {
  public var maxEntryBytes = XLSXReader.partLimit
  public var maxTotalBytes = XLSXReader.workbookLimit

  public init() {}

  static let spreadsheetTypes: Set<String> = [
    "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template",
  ]

  public func read(path: String, name: String) throws(FormProblem) -> [SheetCells] {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    let archive = try SpreadsheetContainer.open(path: path, name: name, kind: "ods")
    let context = PartReader(archive: archive, name: name, maxEntry: maxEntryBytes, maxTotal: maxTotalBytes)
    guard context["content.xml"] != nil else { throw problem(.noODSContent) }
    if let entry = context["mimetype"], let mimetype = Self.mimetype(entry, in: archive),
      !Self.spreadsheetTypes.contains(mimetype)
    {
      throw problem(.notAnODSSpreadsheet(mimetype))
    }
    var total: UInt64 = 0
    if context["META-INF/manifest.xml"] != nil,
      try context.parse("META-INF/manifest.xml", ODSManifestHandler(), total: &total).encrypted
    {
      throw problem(.odsPasswordProtected)
    }
    let content = try context.parse("content.xml", ODSContentHandler(budget: maxEntryBytes), total: &total)
    if content.overBudget { throw problem(.repeatedCellsTooMany("content.xml", mebibytes: maxEntryBytes >> 20)) }
    if content.sheets.isEmpty { throw problem(.noSheets) }
    return content.sheets
  }

  /// The `mimetype` entry's text (a few dozen bytes, stored first); nil when it is missing or odd.
  static func mimetype(_ entry: ZipEntry, in archive: ZipArchive) -> String? {
    guard entry.uncompressedSize <= 256 else { return nil }
    var bytes: [UInt8] = []
    // The bytes read before an error still say what the file is, as they did with ZIPFoundation.
    try? archive.extract(entry, chunkSize: 256) { chunk in
      if bytes.count + chunk.count <= 256 { bytes += chunk }
    }
    return String(validating: bytes, as: UTF8.self)?.trimmingWhitespace()
  }
}
