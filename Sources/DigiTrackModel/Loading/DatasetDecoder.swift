import FoundationEssentials
import Glibc

/// Turns a parsed JSON document into a `Dataset`, checking every rule of the format as it goes
/// (docs/FORMAT.md). It never stops at the first problem: it reports as many as it can find.
final class DatasetDecoder {
  let context = DecodeContext()
  /// The ids declared so far: what a later reference is checked against.
  var ids = DeclaredIDs()
  var sources: [Source] = []
  var phaseCount = 0
  /// Indexed by phase number - 1; nil where that phase's deadline is invalid.
  var phaseDeadlines: [CalendarDate?] = []
  /// Provincial-level criteria in the file, counting those refused for another reason.
  var declaredProvincial = 0
  /// The UTF-8 bytes of each criterion id, indexed like `criteria`.
  var criterionKeys = PackedKeys()
  /// The accelerators of status maps, one per level, built at first use (after the plan).
  lazy var provincialMatcher = statusMatcher(.provincial)
  lazy var communeMatcher = statusMatcher(.commune)
  var statusScratch: [Status] = []
  var seenScratch: [Bool] = []
  /// The `doneOn` dates of the last status map read, by level ordinal (empty when it had none).
  var doneOnScratch: [Int: CalendarDate] = [:]
  /// For each criterion index: its position among the criteria of its level.
  var levelOrdinal: [Int] = []
  var criteria: [Criterion] = []
  var provincialCount = 0
  var communeCount = 0
  /// Plan indices of the commune-level criteria, in order.
  var communeCriteria: [Int] = []
  var provinces: [Province] = []
  /// The units lists, when `root` is a `BulkDocument`'s skeleton (see BulkUnitsDecoder.swift).
  var bulk: BulkDocument?
  /// Set when a block of `bulk` needs the precise path: the result must then be thrown away.
  var bulkRefused = false
  var bulkKeyCriteriaCache: [Int]?
  /// Every block of `bulk`, read when the first is asked for (nil where one needs the precise path).
  var bulkBlocks: [BulkBlock?] = []
  /// 1 or 2, or 0 for two from `bulkUnitsToSplit` units up on a machine of two cores or more.
  var bulkThreads = 0
  /// The blocks taken so far: each exactly once, and every one of them, or the result is refused.
  var bulkBlocksRead = BlockTally()

  /// Decodes `root`; returns the dataset, or nil with `diagnostics` saying why.
  static func decode(_ root: JSONValue) -> (Dataset?, [Diagnostic]) {
    let decoder = DatasetDecoder()
    let dataset = decoder.dataset(root)
    let diagnostics = decoder.context.finishedDiagnostics()
    return (decoder.context.hasErrors ? nil : dataset, diagnostics)
  }

  /// Decodes a bulk document's skeleton: the dataset only when nothing at all was to be said
  /// (no error, no warning, no block refused); nil tells the loader to take the precise path.
  /// `threads` as `DatasetLoader.bulkThreads`: the threads the blocks are read on.
  static func decode(skeleton root: JSONValue, bulk: BulkDocument, threads: Int = 0) -> Dataset? {
    let decoder = DatasetDecoder()
    decoder.bulk = bulk
    decoder.bulkThreads = threads
    let dataset = decoder.dataset(root)
    let clean =
      !decoder.bulkRefused && decoder.bulkBlocksRead.count == bulk.blockCount && decoder.context.errorCount == 0
      && decoder.context.warningCount == 0
    return clean ? dataset : nil
  }

  func dataset(_ root: JSONValue) -> Dataset? {
    guard
      let fields = Fields(
        root,
        FormatSpec.dataset,
        context: context)
    else { return nil }

    if let format = fields.value("format") {
      context.at("format") {
        if format.kind != .string || !format.equals("digitrack/1") {
          let found = format.stringValue.map { LocalizedText.both(quoted($0), quoted($0)) } ?? .noun(format.kind)
          context.error(.wrongFormat(found))
        }
      }
    }
    let title = fields.value("title").flatMap { v in context.at("title") { context.text(v) } }
    let asOf = fields.value("asOf").flatMap { v in context.at("asOf") { context.date(v) } }
    if let value = fields.value("sources") { context.at("sources") { decodeSources(value) } }
    let plan = fields.value("plan").flatMap { v in context.at("plan") { self.plan(v) } }
    let regions = fields.value("regions").flatMap { v in context.at("regions") { self.regions(v) } } ?? []
    if let value = fields.value("provinces") { context.at("provinces") { decodeProvinces(value) } }
    let snapshots = fields.value("snapshots").flatMap { v in context.at("snapshots") { self.snapshots(v) } } ?? []

    if let asOf, let first = snapshots.first, asOf < first.date {
      context.error(.asOfBeforeFirst(asOf, first.date), key: "asOf")
    }
    guard let title, let asOf, let plan, !snapshots.isEmpty, !context.hasErrors else { return nil }
    return Dataset(
      title: title, asOf: asOf, sources: sources, plan: plan, regions: regions,
      provinces: provinces, snapshots: snapshots)
  }

  // MARK: - Sources and provenance

  func decodeSources(_ value: JSONValue) {
    guard let list = context.array(value) else {
      ids.markUnavailable("source")
      return
    }
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard
          let fields = Fields(
            element, FormatSpec.source, context: context)
        else { return }
        let id = fields.value("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let title = fields.value("title").flatMap { v in context.at("title") { context.string(v) } }
        let publisher = fields.value("publisher").flatMap { v in context.at("publisher") { context.string(v) } }
        let url = fields.value("url").flatMap { v in context.at("url") { context.string(v) } }
        let date = fields.value("date").flatMap { v in context.at("date") { context.date(v) } }
        var valid = !fields.has("date") || date != nil
        if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
          context.error(.notAnURL(quoted(url)), key: "url")
          valid = false
        }
        guard let id else { return }
        if ids.sources[id] != nil {
          context.error(.duplicateID(.kindName("source"), id), key: "id")
          return
        }
        if id == "illustrative" {
          context.error(.illustrativeReserved, key: "id")
          return
        }
        guard let title, let publisher, let url, valid else {
          ids.markBroken("source", id)
          return
        }
        ids.sources[id] = sources.count
        sources.append(Source(id: id, title: title, publisher: publisher, url: url, date: date))
      }
    }
  }

  /// Reads the required `src` of a figure-holding object.
  func provenance(_ fields: Fields) -> Provenance? {
    guard let value = fields.value("src") else { return nil }
    return context.at("src") {
      if value.kind == .string, value.equals("illustrative") { return .illustrative }
      guard let id = context.identifier(value) else { return nil }
      return sourceReference(id)
    }
  }

  func sourceReference(_ id: String) -> Provenance? {
    guard let index = ids.sources[id] else {
      if !ids.isBroken("source", id) {
        context.error(.unknownSource(id))
      }
      return nil
    }
    return .source(index)
  }
}

/// Which bulk blocks were taken, a flag each: a `Set<Int>` instantiated its type by name at every
/// load, a scan of every protocol conformance record (docs/PERFORMANCE.md, "Start-up").
struct BlockTally {
  private var taken: [Bool] = []
  private(set) var count = 0

  func contains(_ block: Int) -> Bool { block >= 0 && block < taken.count && taken[block] }

  mutating func insert(_ block: Int) {
    guard block >= 0, !contains(block) else { return }
    if block >= taken.count { taken += repeatElement(false, count: block + 1 - taken.count) }
    taken[block] = true
    count += 1
  }
}
