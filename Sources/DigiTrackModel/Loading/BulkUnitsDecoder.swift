import FoundationEssentials
import Glibc

/// Units lists taken from a `BulkDocument` instead of the tape: the skeleton holds `[k]` where
/// the file held block k of units. The checks are the fast path's (`fastUnit` and
/// `StatusMatcher.read`); whatever would need a message, even a warning, sets `bulkRefused`, and
/// the loader then reads the whole file the precise way, so the messages are always its own.
extension DatasetDecoder {
  func bulkUnits(_ value: JSONValue, bulk: BulkDocument, total: Int, date: CalendarDate?) -> CommuneUnits? {
    var elements = value.elements.makeIterator()
    guard value.isArray, let marker = elements.next(), elements.next() == nil, let block = marker.integerValue,
      block >= 0, block < bulk.blockCount, !bulkBlocksRead.contains(block),
      let units = readBlock(bulk.units(ofBlock: block), bulk, date: date),
      units.count == total
    else {
      bulkRefused = true
      return nil
    }
    bulkBlocksRead.insert(block)
    return units
  }

  private func readBlock(_ range: Range<Int>, _ bulk: BulkDocument, date: CalendarDate?) -> CommuneUnits? {
    let matcher = communeMatcher
    let keyCriteria = bulkKeyCriteria(bulk, matcher: matcher)
    let size = communeCount
    var result = CommuneUnits(codes: [], names: [], kinds: [], statuses: [], criteriaCount: size)
    result.codes.reserveCapacity(range.count)
    result.names.reserveCapacity(range.count)
    result.kinds.reserveCapacity(range.count)
    var statuses = [Status](repeating: .notReported, count: range.count * size)
    var seenCodes: Set<String> = []
    var seenShortCodes: Set<UInt64> = []
    seenShortCodes.reserveCapacity(range.count)
    var seen = [Bool](repeating: false, count: size)
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
        let criterion = keyCriteria[Int(keys[entry])]
        guard criterion >= 0, let status = Status(rawValue: words[entry]) else { return nil }
        let ordinal = matcher.levelOrdinal[criterion]
        guard !seen[ordinal] else { return nil }
        if status == .red, let date {
          let phase = matcher.phases[criterion]
          if phase <= matcher.deadlines.count, let deadline = matcher.deadlines[phase - 1], date < deadline {
            return nil
          }
        }
        seen[ordinal] = true
        statuses[row * size + ordinal] = status
      }
      // Codes of at most eight bytes (most are) are told apart as one word; longer ones as Strings.
      let codeText = String(decoding: code, as: UTF8.self)
      if code.count <= 8 {
        var word: UInt64 = 0
        for (offset, byte) in code.enumerated() { word |= UInt64(byte) << (8 * UInt64(offset)) }
        guard seenShortCodes.insert(word).inserted else { return nil }
      } else {
        guard seenCodes.insert(codeText).inserted else { return nil }
      }
      result.codes.append(codeText)
      result.names.append(String(decoding: name, as: UTF8.self))
      result.kinds.append(kinds[Int(unit.kind)])
    }
    result.statuses = statuses
    return result
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
