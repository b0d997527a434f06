import DigiTrackModel

/// Reads the cells of an `.xlsx` workbook: `ZipArchive` opens the container, libxml2's
/// SAX2 parser reads the XML (`SAXParser`).
///
/// A workbook is a ZIP archive, so a small file can inflate to gigabytes. Each part is inflated in
/// chunks straight into the XML parser, with the bytes counted as they come: a part larger than
/// `maxEntryBytes`, or a workbook larger than `maxTotalBytes` in all, is refused the moment it
/// crosses the limit, whatever sizes its headers claim. Nothing is held whole but the cells and
/// a part of at most 1 MiB, which the parser reads in one go.
public struct XLSXReader: Sendable {
  /// 64 MiB per part: a national workbook with every commune listed has sheets of about 2 MB.
  /// The `.ods` reader takes the same limits.
  public static let partLimit: UInt64 = 64 << 20
  /// 256 MiB in all, the JSON loader's own limit.
  public static let workbookLimit: UInt64 = 256 << 20

  public var maxEntryBytes = partLimit
  public var maxTotalBytes = workbookLimit
  /// The regular rows of a worksheet and shared strings read without libxml2 (`SAXParser`); off
  /// only in tests that compare both ways.
  var readsPartsDirectly = true

  public init() {}

  public func read(path: String, name: String) throws(FormProblem) -> [SheetCells] {
    func problem(_ message: LocalizedText) -> FormProblem { FormProblem(file: name, message: message) }
    let archive = try SpreadsheetContainer.open(path: path, name: name, kind: "xlsx")
    var total: UInt64 = 0
    let context = PartReader(archive: archive, name: name, maxEntry: maxEntryBytes, maxTotal: maxTotalBytes)
    guard context["xl/workbook.xml"] != nil else { throw problem(.noWorkbookPart) }
    let sheets = try context.parse("xl/workbook.xml", WorkbookHandler(), total: &total).sheets
    if sheets.isEmpty { throw problem(.noSheets) }
    let relations = try context.parse("xl/_rels/workbook.xml.rels", RelationsHandler(), total: &total).targets
    var strings: [String] = []
    if context["xl/sharedStrings.xml"] != nil {
      strings = try context.parse(
        "xl/sharedStrings.xml", SharedStringsHandler(), total: &total, directly: readsPartsDirectly
      ).strings
    }
    var result: [SheetCells] = []
    for sheet in sheets {
      guard let target = relations[sheet.relation] else { throw problem(.sheetWithoutPart(sheet.name)) }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      let handler = SheetHandler(name: sheet.name, strings: strings)
      result.append(try context.parse(path, handler, total: &total, directly: readsPartsDirectly).cells)
    }
    return result
  }
}
