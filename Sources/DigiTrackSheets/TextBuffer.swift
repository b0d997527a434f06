/// The bytes of the text being collected (a cell's value, a shared string), kept from one cell to
/// the next: clearing it is a store, appending a copy, and it grows only when a longer text comes.
/// An `[UInt8]` cost about 90 instructions per cell to clear and as many per append, through its
/// generic paths. Owned by one handler, which frees it.
struct TextBuffer {
  private(set) var start: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 256) {
    self.capacity = capacity
    start = .allocate(capacity: capacity)
  }

  func free() { start.deallocate() }

  mutating func clear() { count = 0 }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity {
      let grown = max(capacity * 2, count + bytes.count)
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      larger.update(from: start, count: count)
      start.deallocate()
      (start, capacity) = (larger, grown)
    }
    (start + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    count += bytes.count
  }

  /// The bytes, valid until the next change.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
}
