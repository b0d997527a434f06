import CZlibChecksum

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an archive, or one of its entries, cannot be read. The messages, in both languages, are
/// in SheetCatalog+Zip.swift.
enum ZipError: Error, Equatable, CustomStringConvertible {
  /// The records of the archive that can be broken.
  enum Record: Equatable, Sendable {
    case zip64End
    /// The central directory entry of this index, or its ZIP64 extra field.
    case directoryEntry(Int), zip64Extra(Int)
  }

  // The archive.
  case unreadable(Int32)
  case noEndRecord
  case brokenRecord(Record)
  case directoryOutsideFile
  case entryOutsideFile(Int)
  case severalDisks
  case tooManyEntries(UInt64)
  case pastEndOfFile
  // One entry.
  case encrypted
  case unsupportedMethod(UInt16)
  case brokenLocalHeader
  case brokenDeflate(String)
  case sizeMismatch(expected: UInt64, actual: UInt64)
  case checksumMismatch

  var description: String { ZipMessages.reason(self).en }
}

extension ZipArchive {
  /// 64 KiB of inflated bytes at most per call of the caller's closure.
  static let chunkSize = 1 << 16

  /// Hands the bytes of `entry` to `body`, chunk by chunk, as they are read or inflated: never
  /// more than one chunk ahead of the caller, so that a closure that counts them (the zip-bomb
  /// limits of `PartReader`) can stop a bomb by throwing, which `extract` passes on as it is.
  /// After the last chunk, the size and the CRC-32 (zlib's) are checked against the directory's.
  func extract(_ entry: ZipEntry, chunkSize: Int = chunkSize, _ body: (UnsafeRawBufferPointer) throws -> Void)
    throws
  {
    if entry.isEncrypted { throw ZipError.encrypted }
    guard entry.method == 0 || entry.method == 8 else { throw ZipError.unsupportedMethod(entry.method) }
    // The local header's own name and extra lengths say where the data starts; its sizes are
    // not used (they are zero when a data descriptor follows the data).
    let header = try Self.read(descriptor, at: entry.localHeaderOffset, count: 30)
    guard header.u32(0) == 0x0403_4B50 else { throw ZipError.brokenLocalHeader }
    let start = entry.localHeaderOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
    guard start <= directoryOffset, entry.compressedSize <= directoryOffset - start else {
      throw ZipError.pastEndOfFile
    }
    var checksum: UInt = 0
    var produced: UInt64 = 0
    func deliver(_ chunk: UnsafeRawBufferPointer) throws {
      checksum = crc32(checksum, chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt32(chunk.count))
      produced += UInt64(chunk.count)
      try body(chunk)
    }
    let inputSize = Int(min(UInt64(chunkSize), max(entry.compressedSize, 1)))
    let input = UnsafeMutableRawBufferPointer.allocate(byteCount: inputSize, alignment: 16)
    defer { input.deallocate() }
    if entry.compressedSize == 0 && entry.uncompressedSize == 0 {
      // An empty entry, which some writers mark deflated without a single deflate block.
    } else if entry.method == 0 {
      var position = start
      let end = start + entry.compressedSize
      while position < end {
        let chunk = UnsafeMutableRawBufferPointer(rebasing: input[0..<Int(min(UInt64(inputSize), end - position))])
        try Self.readFully(descriptor, into: chunk, at: position)
        try deliver(UnsafeRawBufferPointer(chunk))
        position += UInt64(chunk.count)
      }
    } else {
      try inflate(from: start, count: entry.compressedSize, input: input, chunkSize: chunkSize, deliver)
    }
    guard produced == entry.uncompressedSize else {
      throw ZipError.sizeMismatch(expected: entry.uncompressedSize, actual: produced)
    }
    guard UInt32(truncatingIfNeeded: checksum) == entry.checksum else { throw ZipError.checksumMismatch }
  }

  /// Raw deflate (windowBits -15), the compressed bytes read `input.count` at a time and the
  /// output handed over one `chunkSize` at a time.
  private func inflate(
    from start: UInt64, count: UInt64, input: UnsafeMutableRawBufferPointer, chunkSize: Int,
    _ deliver: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    // zlib keeps a pointer back to its stream and checks it: the stream must not move.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw ZipError.brokenDeflate("inflateInit2")
    }
    defer { inflateEnd(stream) }
    let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { output.deallocate() }
    var position = start
    let end = start + count
    while true {
      if stream.pointee.avail_in == 0 && position < end {
        let chunk = UnsafeMutableRawBufferPointer(rebasing: input[0..<Int(min(UInt64(input.count), end - position))])
        try Self.readFully(descriptor, into: chunk, at: position)
        position += UInt64(chunk.count)
        stream.pointee.next_in = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(chunk.count)
      }
      stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_out = UInt32(chunkSize)
      let status = CZlibChecksum.inflate(stream, Z_NO_FLUSH)
      let produced = chunkSize - Int(stream.pointee.avail_out)
      if produced > 0 { try deliver(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
      switch status {
      case Z_STREAM_END: return
      case Z_OK: continue
      case Z_BUF_ERROR where stream.pointee.avail_in == 0 && position == end:
        throw ZipError.brokenDeflate("the compressed data ends before its last block")
      default:
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw ZipError.brokenDeflate(message)
      }
    }
  }
}
