import DigiTrackModel
import Foundation
import TestSupport
import Testing

@testable import DigiTrackSheets

/// Our ZIP reader (`ZipArchive`) against Python's zipfile, the independent reader and writer: every
/// entry of archives written by zipfile, libxlsxwriter (`form`) and openpyxl reads as Python reads
/// it, and hostile archives get a `ZipError`, never a crash or a read outside the file.
@Suite struct ZipArchiveTests {
  static let script: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ZipArchives.py.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "raise SystemExit('ZipArchives.py.txt is missing')"
  }()

  /// Runs a command of ZipArchives.py.txt in `folder`.
  static func python(_ arguments: [String], in folder: String) throws {
    let argv = (["zip"] + arguments).map { "'\($0)'" }.joined(separator: ", ")
    try Run.python("import sys\nsys.argv = [\(argv)]\n" + script, in: folder)
  }

  /// Every entry's path and bytes, as our reader gives them, in the directory's order.
  static func read(_ path: String) throws -> [(String, [UInt8])] {
    let archive = try ZipArchive(path: path)
    return try archive.entries.map { entry in
      var bytes: [UInt8] = []
      try archive.extract(entry) { chunk in bytes += chunk }
      return (entry.path, bytes)
    }
  }

  /// What Python read, from the `.json` its `dump` wrote beside the archive.
  static func pythonRead(_ path: String) throws -> [(String, [UInt8])] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path + ".json"))
    let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    return try list.map { pair in (pair[0], [UInt8](try #require(Data(base64Encoded: pair[1])))) }
  }

  static func expectSameAsPython(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let ours = try read(path)
    let theirs = try pythonRead(path)
    #expect(ours.map(\.0) == theirs.map(\.0), "\(path)", sourceLocation: sourceLocation)
    for (mine, python) in zip(ours, theirs) {
      #expect(mine.1 == python.1, "\(path): \(mine.0)", sourceLocation: sourceLocation)
    }
  }

  /// The error reading `path` gives, at opening or at any entry; nil when it reads.
  static func failure(_ path: String) -> ZipError? {
    do {
      _ = try read(path)
      return nil
    } catch let error as ZipError {
      return error
    } catch {
      Issue.record("not a ZipError: \(error)")
      return nil
    }
  }

  /// A folder with the archives of ZipArchives.py.txt's `make`, its random data seeded.
  static func archives() throws -> String {
    let folder = try Run.folder()
    var random = SeededRandom.fromEnvironment("ZipArchiveTests")
    try python(["make", "\(random.next() >> 1)"], in: folder)
    return folder
  }

  @Test func archivesOfPythonsZipfileReadAsPythonReadsThem() throws {
    let folder = try Self.archives()
    let names = ["stored", "deflated", "zip64", "streamed", "cp437", "nothing", "central64", "empty-deflated"].map {
      $0 + ".zip"
    }
    try Self.python(["dump"] + names, in: folder)
    for name in names { try Self.expectSameAsPython(folder + "/" + name) }
    // The names as the test means them, not only as both readers agree on them.
    #expect(try Self.read(folder + "/cp437.zip").map(\.0) == ["café.txt", "überß.txt"])
    let deflated = try ZipArchive(path: folder + "/deflated.zip")
    #expect(deflated.entries.map(\.path).contains("Tiêu chí cấp tỉnh.xml"))
    #expect(deflated.entries.first { $0.path == "empty" }?.uncompressedSize == 0)
    #expect(try ZipArchive(path: folder + "/nothing.zip").entries.isEmpty)
  }

  @Test func formsOfLibxlsxwriterAndOpenpyxlReadAsPythonReadsThem() throws {
    let folder = try Run.folder()
    _ = try Demo.form(in: folder)
    try Run.python(
      """
      import openpyxl
      wb = openpyxl.load_workbook('lang-son.xlsx')
      wb['Tiêu chí cấp tỉnh']['I6'].value = 'Xanh'
      wb.save('openpyxl.xlsx')
      """, in: folder)
    try Self.python(["dump", "lang-son.xlsx", "openpyxl.xlsx"], in: folder)
    try Self.expectSameAsPython(folder + "/lang-son.xlsx")
    try Self.expectSameAsPython(folder + "/openpyxl.xlsx")
  }

  /// 65,535 entries fill the end record's count; 65,536 need the ZIP64 end record and locator.
  @Test(arguments: [65_535, 65_536])
  func everyEntryOfAnArchiveWithManyIsListed(_ count: Int) throws {
    let folder = try Run.folder()
    try Self.python(["many", "\(count)", "many.zip"], in: folder)
    let archive = try ZipArchive(path: folder + "/many.zip")
    #expect(archive.entries.count == count)
    #expect(archive.entries.last?.path == "e/\(count - 1)")
    let entry = try #require(archive.entries.first { $0.path == "e/65000" })
    var bytes: [UInt8] = []
    try archive.extract(entry) { bytes += $0 }
    #expect(bytes == Array("65000".utf8))
  }

  @Test func aZeroByteFileAndTruncationsAtEverySixteenthAreRefused() throws {
    let folder = try Self.archives()
    _ = try Demo.form(in: folder)
    FileManager.default.createFile(atPath: folder + "/zero.zip", contents: Data())
    #expect(Self.failure(folder + "/zero.zip") == .noEndRecord)
    for name in ["deflated.zip", "stored.zip", "zip64.zip", "central64.zip", "lang-son.xlsx"] {
      let whole = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
      for sixteenth in 1..<16 {
        let path = folder + "/cut-\(sixteenth)-" + name
        try whole.prefix(whole.count * sixteenth / 16).write(to: URL(fileURLWithPath: path))
        #expect(Self.failure(path) != nil, "\(name) cut at \(sixteenth)/16 reads")
      }
    }
  }

  /// Random bytes of a form changed, most in its directory and end record: each copy reads, or
  /// gives a `ZipError`; none crashes or reads outside the file.
  @Test func randomlyDamagedFormsReadOrGiveAZipError() throws {
    let folder = try Run.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let whole = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Demo.form(in: folder))))
    let directory = try ZipArchive(path: folder + "/lang-son.xlsx").directoryOffset
    var random = SeededRandom.fromEnvironment("ZipArchiveTests.randomlyDamaged")
    for copy in 0..<300 {
      var bytes = whole
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let low = Bool.random(using: &random) ? Int(directory) : 0
        bytes[Int.random(in: low..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
      }
      let path = folder + "/damaged-\(copy % 4).xlsx"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      _ = Self.failure(path)
    }
  }

  /// Each hostile change of ZipArchives.py.txt's `patch`, and the error it must give.
  static let hostile: [(String, String, ZipError)] = [
    ("directory-past-end", "deflated.zip", .directoryOutsideFile),
    ("directory-too-long", "deflated.zip", .directoryOutsideFile),
    ("absurd-count", "deflated.zip", .tooManyEntries(60000)),
    ("several-disks", "deflated.zip", .severalDisks),
    ("wrong-crc", "deflated.zip", .checksumMismatch),
    ("wrong-crc", "stored.zip", .checksumMismatch),
    ("wrong-size", "deflated.zip", .sizeMismatch(expected: 300_001, actual: 300_000)),
    ("short-size", "stored.zip", .sizeMismatch(expected: 299_999, actual: 300_000)),
    ("encrypted", "deflated.zip", .encrypted),
    ("method-99", "deflated.zip", .unsupportedMethod(99)),
    ("offset-past-end", "deflated.zip", .entryOutsideFile(0)),
    ("compressed-past-end", "deflated.zip", .pastEndOfFile),
    ("local-signature", "deflated.zip", .brokenLocalHeader),
    ("name-past-directory", "deflated.zip", .brokenRecord(.directoryEntry(5))),
    ("broken-signature", "deflated.zip", .brokenRecord(.directoryEntry(5))),
    ("zip64-extra-missing", "deflated.zip", .brokenRecord(.zip64Extra(0))),
    ("zip64-end-signature", "central64.zip", .brokenRecord(.zip64End)),
  ]

  @Test func hostileArchivesGetTheirError() throws {
    let folder = try Self.archives()
    for (index, (kind, source, expected)) in Self.hostile.enumerated() {
      let target = "hostile-\(index).zip"
      try Self.python(["patch", kind, source, target], in: folder)
      #expect(Self.failure(folder + "/" + target) == expected, "\(kind) of \(source)")
    }
    // A local name that runs into the next entry: its data is wrong, and some error says so.
    try Self.python(["patch", "local-name-long", "deflated.zip", "long-name.zip"], in: folder)
    #expect(Self.failure(folder + "/long-name.zip") != nil)
    // Deflate data that is not deflate: zlib's own reason.
    try Self.python(["patch", "deflate-garbage", "deflated.zip", "garbage.zip"], in: folder)
    guard case .brokenDeflate(let reason) = Self.failure(folder + "/garbage.zip") else {
      Issue.record("garbage deflate data reads")
      return
    }
    #expect(!reason.isEmpty)
    let other = try ZipArchive(path: folder + "/other-methods.zip")
    #expect(other.entries.map(\.method) == [12, 14])
    #expect(throws: ZipError.unsupportedMethod(12)) { try other.extract(other.entries[0]) { _ in } }
  }

  /// A 1 GiB bomb that claims 1,000 bytes: the caller's closure sees at most one chunk at a time
  /// and stops it by throwing, which `extract` passes on; memory stays bounded.
  @Test func aDeflateBombIsStoppedByTheCallerChunkByChunk() throws {
    struct Enough: Error {}
    let folder = try Run.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Run.python("import sys\nsys.argv = ['bomb', 'bomb.zip', '1', '1000']\n" + BadFormTests.bombScript, in: folder)
    let archive = try ZipArchive(path: folder + "/bomb.zip")
    let entry = try #require(archive.entries.last)
    var seen = 0
    var largest = 0
    let growth = Run.peakGrowth {
      #expect(throws: Enough.self) {
        try archive.extract(entry) { chunk in
          seen += chunk.count
          largest = max(largest, chunk.count)
          if seen > 64 << 20 { throw Enough() }
        }
      }
    }
    #expect(largest <= ZipArchive.chunkSize)
    #expect(seen <= (64 << 20) + ZipArchive.chunkSize)
    #expect(growth < 50_000, "peak RSS grew by \(growth) KiB")
  }

  /// Through `import`: the reason in the language of the messages, inside the catalog's message.
  @Test func theReasonComesInBothLanguages() throws {
    let folder = try Run.folder()
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    _ = try Demo.form(in: folder)
    let whole = try Data(contentsOf: URL(fileURLWithPath: folder + "/lang-son.xlsx"))
    try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: folder + "/cut.xlsx"))
    let english = try BadFormTests.refused("cut.xlsx", in: folder)
    #expect(
      english.contains(
        "cut.xlsx: not a spreadsheet: the ZIP archive cannot be read (no end of central directory record"),
      "\(english)")
    let vietnamese = try Run.tui(
      ["import", "cut.xlsx", "--into", "demo.json", "-o", "out.json", "--lang", "vi"], in: folder)
    #expect(
      vietnamese.stderr.contains(
        "cut.xlsx: không phải bảng tính: không đọc được tệp nén ZIP (không thấy bản ghi kết thúc"),
      "\(vietnamese.stderr)")
    try Self.python(["patch", "encrypted", "lang-son.xlsx", "locked.xlsx", "xl/workbook.xml"], in: folder)
    let locked = try BadFormTests.refused("locked.xlsx", in: folder)
    #expect(locked.contains("cannot be inflated (damaged file: the part is encrypted with a password)"), "\(locked)")
  }
}
