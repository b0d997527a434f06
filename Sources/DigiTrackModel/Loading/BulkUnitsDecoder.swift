import CSimdJSON
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// Units lists taken from a `BulkDocument` instead of the tape: the skeleton holds `[k]` where
/// the file held block k of units. The checks are the fast path's (`fastUnit` and
/// `StatusMatcher.read`); whatever would need a message, even a warning, sets `bulkRefused`, and
/// the loader then reads the whole file the precise way, so the messages are always its own.
///
/// Every block is read when the first one is asked for (the plan is known by then), on two threads
/// for a large file: a block depends on the plan and its own units only. The one check that needs
/// the report, a red status before its phase's deadline, is made when the report takes the block.
extension DatasetDecoder {
  /// Units from this many up are read on two threads: below it, the second thread costs about
  /// what it saves (the national data has 3,321).
  static let bulkUnitsToSplit = 2_000

  /// Whether a second core is likely free, by the walk's own rule (`dj_core_is_free`, csimdjson.h).
  /// On a busy machine the second thread waits for a core and costs CPU time of its own.
  static func aCoreIsFree() -> Bool { dj_core_is_free() != 0 }

  func bulkUnits(_ value: JSONValue, bulk: BulkDocument, total: Int, date: CalendarDate?) -> (
    units: CommuneUnits, greens: GreenCounts
  )? {
    var elements = value.elements.makeIterator()
    guard value.isArray, let marker = elements.next(), elements.next() == nil, let block = marker.integerValue,
      block >= 0, block < bulk.blockCount, !bulkBlocksRead.contains(block),
      let read = bulkBlock(block, bulk), read.units.count == total, redsAreDue(read.redKeys, bulk, date: date)
    else {
      bulkRefused = true
      return nil
    }
    bulkBlocksRead.insert(block)
    return (read.units, read.greens)
  }

  private func bulkBlock(_ block: Int, _ bulk: BulkDocument) -> BulkBlock? {
    if bulkBlocks.isEmpty { bulkBlocks = readBlocks(bulk) }
    return bulkBlocks[block]
  }

  /// Whether every red status of the block is allowed on `date`: none before its phase's deadline.
  private func redsAreDue(_ redKeys: [UInt8], _ bulk: BulkDocument, date: CalendarDate?) -> Bool {
    guard let date else { return true }
    let matcher = communeMatcher
    let keyCriteria = bulkKeyCriteria(bulk, matcher: matcher)
    for key in redKeys {
      let phase = matcher.phases[keyCriteria[Int(key)]]
      if phase <= matcher.deadlines.count, let deadline = matcher.deadlines[phase - 1], date < deadline {
        return false
      }
    }
    return true
  }

  /// Every block of `bulk`, nil where one needs the precise path.
  private func readBlocks(_ bulk: BulkDocument) -> [BulkBlock?] {
    let reader = BulkBlockReader(
      bulk: bulk, matcher: communeMatcher, keyCriteria: bulkKeyCriteria(bulk, matcher: communeMatcher),
      size: communeCount)
    let count = bulk.blockCount
    let automatic = bulk.view.unit_count >= Self.bulkUnitsToSplit && Self.aCoreIsFree()
    guard count > 1, bulkThreads == 2 || (bulkThreads == 0 && automatic) else {
      return (0..<count).map { reader.read(block: $0) }
    }
    // Both threads take the next block not taken yet; on a busy machine the second may start
    // late or never, and this one then reads every block without waiting for it.
    let shared = SharedBlocks(count: count)
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      guard shared.claim(.side) else { return }
      shared.read(with: reader)
      finished.signal()
    }
    shared.read(with: reader)
    if !shared.claim(.caller) { finished.wait() }
    return shared.blocks.withLock { $0 }
  }

  /// For each status key of the bulk: the commune-level criterion it names, or -1.
  private func bulkKeyCriteria(_ bulk: BulkDocument, matcher: StatusMatcher) -> [Int] {
    if let known = bulkKeyCriteriaCache { return known }
    let found = bulk.keys.map { key in
      guard let criterion = matcher.index[key], matcher.levels[criterion] == .commune else { return -1 }
      return criterion
    }
    bulkKeyCriteriaCache = found
    return found
  }
}

/// The blocks two threads read (`readBlocks`): the next one to take, who claimed the second
/// thread's part (its own, or the caller closing it because it had not begun), and the results.
private final class SharedBlocks: Sendable {
  enum Claimant: Int { case side = 1, caller = 2 }
  let count: Int
  let next = Atomic<Int>(0)
  let claimed = Atomic<Int>(0)
  let blocks: Mutex<[BulkBlock?]>

  init(count: Int) {
    self.count = count
    blocks = Mutex(Array(repeating: nil, count: count))
  }

  /// Whether `claimant` is first: the side thread to read, or the caller to close its part.
  func claim(_ claimant: Claimant) -> Bool {
    claimed.compareExchange(expected: 0, desired: claimant.rawValue, ordering: .acquiringAndReleasing).exchanged
  }

  func read(with reader: BulkBlockReader) {
    while true {
      let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
      guard block < count else { return }
      let read = reader.read(block: block)
      blocks.withLock { $0[block] = read }
    }
  }
}

/// One block of a `BulkDocument` as the model holds it, its green counts, and the status keys
/// that said red in it.
struct BulkBlock {
  var units: CommuneUnits
  var greens: GreenCounts
  var redKeys: [UInt8]
}

/// Reads blocks of a `BulkDocument` with what the plan gave; on any thread, as it changes nothing.
struct BulkBlockReader: @unchecked Sendable {
  // Unchecked: the document and the matcher are only read while blocks are.
  let bulk: BulkDocument
  let matcher: StatusMatcher
  let keyCriteria: [Int]
  let size: Int

  func read(block: Int) -> BulkBlock? {
    let range = bulk.units(ofBlock: block)
    var result = CommuneUnits(codes: [], names: [], kinds: [], statuses: [], criteriaCount: size)
    result.codes.reserveCapacity(range.count)
    result.names.reserveCapacity(range.count)
    result.kinds.reserveCapacity(range.count)
    var statuses = [Status](repeating: .notReported, count: range.count * size)
    var seenCodes: Set<String> = []
    var seenShortCodes: Set<UInt64> = []
    var shortCodes: [UInt64] = []
    shortCodes.reserveCapacity(range.count)
    var ascending = true
    var seen = [Bool](repeating: false, count: size)
    var red = [Bool](repeating: false, count: keyCriteria.count)
    let kinds: [UnitKind] = [.ward, .commune, .specialZone]
    let keys = bulk.statusKeys
    let words = bulk.statusWords
    for (row, index) in range.enumerated() {
      let unit = bulk.unit(index)
      let code = bulk.bytes(offset: unit.code_offset, count: unit.code_length)
      let name = bulk.bytes(offset: unit.name_offset, count: unit.name_length)
      guard FormatSpec.isIdentifier(code), !name.isEmpty, name.count <= DecodeContext.maxTextLength,
        SafeText.isClean(name), Int(unit.kind) < kinds.count
      else { return nil }
      for ordinal in seen.indices { seen[ordinal] = false }
      for entry in Int(unit.status_first)..<Int(unit.status_first + unit.status_count) {
        let key = Int(keys[entry])
        let criterion = keyCriteria[key]
        guard criterion >= 0, let status = Status(rawValue: words[entry]) else { return nil }
        let ordinal = matcher.levelOrdinal[criterion]
        guard !seen[ordinal] else { return nil }
        if status == .red { red[key] = true }
        seen[ordinal] = true
        statuses[row * size + ordinal] = status
      }
      // Codes of at most eight bytes (most are) are told apart as one word, its first byte the
      // highest (identifier bytes are never zero, so the word orders codes as text does): while
      // they ascend, as files list them, they are distinct without a set. Longer ones as Strings.
      let codeText = String(decoding: code, as: UTF8.self)
      if code.count <= 8 {
        var word: UInt64 = 0
        for (offset, byte) in code.enumerated() { word |= UInt64(byte) << (56 - 8 * UInt64(offset)) }
        if ascending, shortCodes.last.map({ $0 < word }) ?? true {
          shortCodes.append(word)
        } else {
          if ascending {
            ascending = false
            seenShortCodes = Set(shortCodes)
          }
          guard seenShortCodes.insert(word).inserted else { return nil }
        }
      } else {
        guard seenCodes.insert(codeText).inserted else { return nil }
      }
      result.codes.append(codeText)
      result.names.append(String(decoding: name, as: UTF8.self))
      result.kinds.append(kinds[Int(unit.kind)])
    }
    result.statuses = statuses
    return BulkBlock(
      units: result, greens: GreenCounts(result), redKeys: red.indices.filter { red[$0] }.map { UInt8($0) })
  }
}
