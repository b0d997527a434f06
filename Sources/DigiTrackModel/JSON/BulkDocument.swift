import CSimdJSON

/// The bulk of a file read by simdjson On-Demand (`dj_bulk_parse`, bulk_units.cpp): every
/// report's commune units in compact buffers, and the rest of the file as a small skeleton text in
/// which each units array reads `[k]`, k being its block here. The precise decoder parses the
/// skeleton (a DOM tape of a few kilobytes whatever the scale) and takes each block from here.
///
/// `init` returns nil for anything the walk does not take (an escape, a status object, an
/// unexpected key, malformed JSON, a CPU without AVX2): the loader then reads the file the precise
/// way, which alone decides every message.
final class BulkDocument {
  private let handle: OpaquePointer
  let view: dj_bulk_view
  /// The buffers of `view` (never NULL: dj_bulk_parse gives an empty buffer room for one item).
  let statusKeys: UnsafePointer<UInt8>
  let statusWords: UnsafePointer<UInt8>
  private let pool: UnsafePointer<UInt8>
  private let units: UnsafePointer<dj_bulk_unit>

  /// Walks text in memory (`readable` bytes may be read at its start). `threads`: the units
  /// arrays are parsed on 1 or 2 threads, or with 0 on two from 1 MiB of text up when a second
  /// core is likely free (csimdjson.h); the document is the same whatever the number (BulkThreadTests).
  convenience init?(parsing bytes: UnsafeRawBufferPointer, readable: Int, threads: Int = 0) {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
    self.init(handle: dj_bulk_parse(base, bytes.count, readable, Int32(threads)))
  }

  /// Reads an open file from where it stands, a window at a time (`dj_bulk_read`): `size` is its
  /// size from fstat, and a file longer than `limit` is refused. `threads` as for `parsing`.
  convenience init?(reading descriptor: Int32, size: Int, limit: Int, threads: Int = 0) {
    self.init(handle: dj_bulk_read(descriptor, size, limit, Int32(threads)))
  }

  private init?(handle: OpaquePointer?) {
    guard let handle else { return nil }
    guard let found = dj_bulk_get(handle)?.pointee, let statusKeys = found.status_keys,
      let statusWords = found.status_words, let pool = found.pool, let units = found.units
    else {
      dj_bulk_free(handle)
      return nil
    }
    self.handle = handle
    view = found
    self.statusKeys = statusKeys
    self.statusWords = statusWords
    self.pool = pool
    self.units = units
  }

  deinit { dj_bulk_free(handle) }

  /// The skeleton, with `JSONDocument.padding` readable zero bytes after it.
  var skeleton: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: view.skeleton, count: view.skeleton_length) }

  var blockCount: Int { view.block_count }

  /// The longest units array in bytes: the most of the file simdjson indexed at once.
  var largestSpan: Int { view.largest_span }

  /// The units of block `block`, as indices into `unit(_:)`.
  func units(ofBlock block: Int) -> Range<Int> {
    guard let starts = view.block_starts else { return 0..<0 }
    return Int(starts[block])..<Int(starts[block + 1])
  }

  @inline(__always) func unit(_ index: Int) -> dj_bulk_unit { units[index] }

  @inline(__always) func bytes(offset: UInt32, count: UInt32) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: pool + Int(offset), count: Int(count))
  }

  /// The distinct status keys the walk met, in the order it met them.
  var keys: [String] {
    (0..<view.key_count).map { index in
      guard let offsets = view.key_offsets, let lengths = view.key_lengths else { return "" }
      return String(decoding: bytes(offset: offsets[index], count: lengths[index]), as: UTF8.self)
    }
  }
}
