#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file of a ZIP archive, as its central directory entry describes it.
struct ZipEntry: Sendable, Equatable {
  var path: String
  /// General purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name.
  var flags: UInt16
  /// 0 stored, 8 deflated; any other is refused when the entry is read.
  var method: UInt16
  var checksum: UInt32
  var compressedSize: UInt64
  var uncompressedSize: UInt64
  var localHeaderOffset: UInt64

  var isEncrypted: Bool { flags & 1 != 0 }
}

/// A read-only ZIP archive over an open file, for the spreadsheet readers.
///
/// Our own, on POSIX `pread` and zlib, rather than ZIPFoundation: that one imports full
/// Foundation (and ICU with it), which costs every start of the static binary 50 MB of binary,
/// 4.5 MB of resident memory and 1.6 M instructions (issue 14, target 6). The central directory is
/// read once, into `entries`; `extract` (ZipExtraction.swift) streams one entry in chunks. Every
/// size and offset read from the file is checked against the file before it is used, so a damaged
/// or hostile archive gets a `ZipError`, never a crash or a read outside the file.
final class ZipArchive {
  /// Every entry, in the central directory's order; a path may appear twice.
  let entries: [ZipEntry]
  let fileSize: UInt64
  /// Where the central directory starts: every entry's data lies before it.
  let directoryOffset: UInt64
  let descriptor: Int32

  /// The end record is 22 bytes, followed by a comment of at most 65,535.
  static let endSearchLength: UInt64 = 22 + 0xFFFF

  convenience init(path: String) throws(ZipError) {
    let descriptor = Self.openDescriptor(path)
    if descriptor < 0 { throw .unreadable(errno) }
    try self.init(descriptor: descriptor)
  }

  /// Takes `descriptor` over: it is closed with the archive, or at once when the archive is refused.
  init(descriptor: Int32) throws(ZipError) {
    let directory: (entries: [ZipEntry], offset: UInt64)
    let size: UInt64
    do throws(ZipError) {
      var info = stat()
      if fstat(descriptor, &info) != 0 { throw .unreadable(errno) }
      size = UInt64(max(info.st_size, 0))
      directory = try Self.readDirectory(descriptor, fileSize: size)
    } catch {
      close(descriptor)
      throw error
    }
    self.descriptor = descriptor
    fileSize = size
    entries = directory.entries
    directoryOffset = directory.offset
  }

  deinit { close(descriptor) }

  static func openDescriptor(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC) }

  /// Up to `count` bytes at `offset`: fewer at the end of the file.
  static func read(_ descriptor: Int32, upTo count: Int, at offset: UInt64) throws(ZipError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let read = bytes.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
      }
      if read < 0 {
        if errno == EINTR { continue }
        throw .unreadable(errno)
      }
      if read == 0 { break }
      done += read
    }
    bytes.removeSubrange(done...)
    return bytes
  }

  /// `count` bytes at `offset`; a read that ends before them is an error, not a short answer.
  static func read(_ descriptor: Int32, at offset: UInt64, count: Int) throws(ZipError) -> [UInt8] {
    let bytes = try read(descriptor, upTo: count, at: offset)
    if bytes.count < count { throw .pastEndOfFile }
    return bytes
  }

  static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64)
    throws(ZipError)
  {
    var done = 0
    while done < buffer.count {
      let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(errno)
      }
      if count == 0 { throw .pastEndOfFile }
      done += count
    }
  }

  /// The end of central directory record (and the ZIP64 one when its fields say so), then the
  /// central directory, read in one go and parsed into entries.
  private static func readDirectory(_ descriptor: Int32, fileSize: UInt64) throws(ZipError) -> (
    entries: [ZipEntry], offset: UInt64
  ) {
    let tailStart = fileSize - min(fileSize, endSearchLength)
    let tail = try read(descriptor, at: tailStart, count: Int(fileSize - tailStart))
    guard let found = endRecord(in: tail) else { throw .noEndRecord }
    let endOffset = tailStart + UInt64(found)
    var disk = UInt32(tail.u16(found + 4))
    var directoryDisk = UInt32(tail.u16(found + 6))
    var diskCount = UInt64(tail.u16(found + 8))
    var count = UInt64(tail.u16(found + 10))
    var size = UInt64(tail.u32(found + 12))
    var offset = UInt64(tail.u32(found + 16))
    var directoryEnd = endOffset
    if count == 0xFFFF || diskCount == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF || disk == 0xFFFF
      || directoryDisk == 0xFFFF
    {
      // The ZIP64 locator is the 20 bytes just before the end record, and names its record.
      // Without one, the fields are what they say: Python writes 65,535 entries so.
      let locator = endOffset >= 20 ? try read(descriptor, at: endOffset - 20, count: 20) : []
      if locator.count == 20, locator.u32(0) == 0x0706_4B50 {
        let recordOffset = locator.u64(8)
        guard recordOffset <= endOffset - 20, endOffset - 20 - recordOffset >= 56 else {
          throw .brokenRecord(.zip64End)
        }
        let record = try read(descriptor, at: recordOffset, count: 56)
        guard record.u32(0) == 0x0606_4B50 else { throw .brokenRecord(.zip64End) }
        disk = record.u32(16)
        directoryDisk = record.u32(20)
        diskCount = record.u64(24)
        count = record.u64(32)
        size = record.u64(40)
        offset = record.u64(48)
        directoryEnd = recordOffset
      }
    }
    guard disk == 0, directoryDisk == 0, diskCount == count else { throw .severalDisks }
    guard offset <= directoryEnd, size <= directoryEnd - offset else { throw .directoryOutsideFile }
    // A directory entry is at least 46 bytes: a count the directory cannot hold is a lie.
    guard count <= size / 46 else { throw .tooManyEntries(count) }
    let directory = try read(descriptor, at: offset, count: Int(size))
    var entries: [ZipEntry] = []
    entries.reserveCapacity(Int(count))
    var position = 0
    for index in 0..<Int(count) {
      let (entry, next) = try Self.entry(in: directory, at: position, index: index)
      guard entry.localHeaderOffset <= offset, offset - entry.localHeaderOffset >= 30 else {
        throw .entryOutsideFile(index)
      }
      entries.append(entry)
      position = next
    }
    return (entries, offset)
  }

  /// The last end record signature in `tail` whose record fits in it.
  private static func endRecord(in tail: [UInt8]) -> Int? {
    guard tail.count >= 22 else { return nil }
    var position = tail.count - 22
    while position >= 0 {
      if tail[position] == 0x50, tail.u32(position) == 0x0605_4B50,
        position + 22 + Int(tail.u16(position + 20)) <= tail.count
      {
        return position
      }
      position -= 1
    }
    return nil
  }

  /// The central directory entry at `position`, and where the next one starts.
  private static func entry(in directory: [UInt8], at position: Int, index: Int) throws(ZipError) -> (ZipEntry, Int) {
    guard directory.count - position >= 46, directory.u32(position) == 0x0201_4B50 else {
      throw .brokenRecord(.directoryEntry(index))
    }
    let nameLength = Int(directory.u16(position + 28))
    let extraLength = Int(directory.u16(position + 30))
    let next = position + 46 + nameLength + extraLength + Int(directory.u16(position + 32))
    guard next <= directory.count else { throw .brokenRecord(.directoryEntry(index)) }
    let flags = directory.u16(position + 8)
    let name = directory[(position + 46)..<(position + 46 + nameLength)]
    var entry = ZipEntry(
      path: ZipNames.decode(name, utf8: flags & 0x800 != 0), flags: flags, method: directory.u16(position + 10),
      checksum: directory.u32(position + 16), compressedSize: UInt64(directory.u32(position + 20)),
      uncompressedSize: UInt64(directory.u32(position + 24)), localHeaderOffset: UInt64(directory.u32(position + 42)))
    var disk = UInt32(directory.u16(position + 34))
    if entry.uncompressedSize == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF
      || entry.localHeaderOffset == 0xFFFF_FFFF || disk == 0xFFFF
    {
      let extra = (position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)
      guard
        let fields = zip64Fields(
          directory, extra, uncompressed: entry.uncompressedSize == 0xFFFF_FFFF,
          compressed: entry.compressedSize == 0xFFFF_FFFF, offset: entry.localHeaderOffset == 0xFFFF_FFFF,
          disk: disk == 0xFFFF)
      else { throw .brokenRecord(.zip64Extra(index)) }
      entry.uncompressedSize = fields.uncompressed ?? entry.uncompressedSize
      entry.compressedSize = fields.compressed ?? entry.compressedSize
      entry.localHeaderOffset = fields.offset ?? entry.localHeaderOffset
      disk = fields.disk ?? disk
    }
    guard disk == 0 else { throw .severalDisks }
    return (entry, next)
  }

  /// The ZIP64 extended information (extra field 0x0001): only the fields whose 32-bit (or 16-bit)
  /// value is all ones are there, in this order. Nil when the field or one of them is missing.
  private static func zip64Fields(
    _ bytes: [UInt8], _ extra: Range<Int>, uncompressed: Bool, compressed: Bool, offset: Bool, disk: Bool
  ) -> (uncompressed: UInt64?, compressed: UInt64?, offset: UInt64?, disk: UInt32?)? {
    var position = extra.lowerBound
    while extra.upperBound - position >= 4 {
      let id = bytes.u16(position)
      let length = Int(bytes.u16(position + 2))
      let data = position + 4
      guard extra.upperBound - data >= length else { return nil }
      if id == 0x0001 {
        let wanted = [uncompressed, compressed, offset].filter { $0 }.count * 8 + (disk ? 4 : 0)
        guard length >= wanted else { return nil }
        var field = data
        func next() -> UInt64 {
          defer { field += 8 }
          return bytes.u64(field)
        }
        let values = (uncompressed ? next() : nil, compressed ? next() : nil, offset ? next() : nil)
        return (values.0, values.1, values.2, disk ? bytes.u32(field) : nil)
      }
      position = data + length
    }
    return nil
  }
}

/// Little-endian fields of ZIP records; the callers check the bounds first.
extension [UInt8] {
  func u16(_ position: Int) -> UInt16 { UInt16(self[position]) | UInt16(self[position + 1]) << 8 }
  func u32(_ position: Int) -> UInt32 { UInt32(u16(position)) | UInt32(u16(position + 2)) << 16 }
  func u64(_ position: Int) -> UInt64 { UInt64(u32(position)) | UInt64(u32(position + 4)) << 32 }
}

/// Entry names: UTF-8 when the entry says so (flag bit 11) or when the bytes are valid UTF-8 (what
/// LibreOffice and libxlsxwriter write without the flag), otherwise the original IBM PC code page
/// 437, as the ZIP specification says.
enum ZipNames {
  static func decode(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    if utf8 { return String(decoding: bytes, as: UTF8.self) }
    var text = String.UnicodeScalarView()
    for byte in bytes {
      text.append(byte < 0x80 ? Unicode.Scalar(byte) : codePage437[Int(byte) - 0x80])
    }
    return String(text)
  }

  /// Bytes 0x80 to 0xFF of code page 437 (the lower half is ASCII), as Python's `cp437` codec has them.
  static let codePage437: [Unicode.Scalar] = Array(
    ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
      + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}").unicodeScalars)
}
