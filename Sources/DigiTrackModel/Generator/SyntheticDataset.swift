/// Writes synthetic datasets of any size, for tests and benchmarks.
///
/// The output is a function of the parameters and the seed alone (a SplitMix64 stream, no clock,
/// no hashing order), so one seed always gives the same bytes. Every figure is marked illustrative
/// and every name says it is a sample, so generated data can never pass for real data.
public struct SyntheticDataset: Sendable {
  public var provinces: Int
  public var communes: Int
  public var criteria: Int
  public var snapshots: Int
  /// Days between report dates (weekly by default); the last is 2025-12-29, like the demo's.
  public var every: Int
  public var seed: UInt64

  public init(
    provinces: Int = 34, communes: Int = 3321, criteria: Int = 40, snapshots: Int = 1, every: Int = 7,
    seed: UInt64 = 1
  ) {
    self.provinces = provinces
    self.communes = communes
    self.criteria = criteria
    self.snapshots = snapshots
    self.every = every
    self.seed = seed
  }

  /// The most report dates a file may have: ten years of weekly reports.
  public static let maxSnapshots = 520

  /// Parameters out of range. The model does not know how a caller names its parameters (the
  /// command line calls them `--provinces`, …): `message(naming:)` lets the caller say it.
  public struct Invalid: Error, CustomStringConvertible {
    public enum Parameter: String, Sendable {
      case provinces, communes, criteria, snapshots, every
    }

    /// The parameter out of range.
    public let parameter: Parameter
    /// The rule, with each parameter it names as a placeholder.
    private let rule: [Piece]

    enum Piece {
      case text(LocalizedText)
      case name(Parameter)
    }

    init(_ parameter: Parameter, _ rule: [Piece]) {
      self.parameter = parameter
      self.rule = rule
    }

    /// The message, each parameter named by `name`: "provinces must be between 1 and 10000".
    public func message(language: Language = .en, naming name: (Parameter) -> String) -> String {
      rule.map { piece in
        switch piece {
        case .text(let text): text[language]
        case .name(let parameter): name(parameter)
        }
      }.joined()
    }

    /// The message with each parameter under its own name ("provinces must be …").
    public var description: String { message { $0.rawValue } }
  }

  /// Checks the parameters: every province needs at least one commune, and the plan at least one
  /// provincial-level criterion.
  public func validate() throws(Invalid) {
    func between(_ parameter: Invalid.Parameter, _ range: ClosedRange<Int>) -> Invalid {
      let (low, high) = (range.lowerBound, range.upperBound)
      return Invalid(
        parameter,
        [
          .name(parameter),
          .text(LocalizedText(vi: " phải từ \(low) đến \(high)", en: " must be between \(low) and \(high)")),
        ])
    }
    guard (1...10_000).contains(provinces) else { throw between(.provinces, 1...10_000) }
    guard communes >= provinces, communes <= 10_000_000 else {
      throw Invalid(
        .communes,
        [
          .name(.communes), .text(LocalizedText(vi: " phải ít nhất bằng ", en: " must be at least ")),
          .name(.provinces),
          .text(
            LocalizedText(
              vi: " (mỗi tỉnh một đơn vị) và tối đa 10000000", en: " (one per province) and at most 10000000")),
        ])
    }
    guard (1...999).contains(criteria) else { throw between(.criteria, 1...999) }
    guard (1...Self.maxSnapshots).contains(snapshots) else { throw between(.snapshots, 1...Self.maxSnapshots) }
    guard (1...366).contains(every) else { throw between(.every, 1...366) }
  }

  /// Commune-level criteria: a fifth of all criteria (the plan's proportion), the rest provincial.
  var communeCriteria: Int { criteria >= 2 ? max(1, criteria / 5) : 0 }
  var provincialCriteria: Int { criteria - communeCriteria }

  public func json() throws(Invalid) -> [UInt8] {
    try validate()
    var random = SplitMix64(seed: seed)
    var out = JSONWriter()
    let provincialIDs = (1...provincialCriteria).map { "T" + pad($0, 3) }
    let communeIDs = communeCriteria == 0 ? [] : (1...communeCriteria).map { "C" + pad($0, 3) }

    out.raw("{\n  \"format\": \"\(FormatSpec.version)\",\n")
    out.raw(
      "  \"title\": {\"vi\": \"Dữ liệu tổng hợp để kiểm thử (không phải số liệu thật)\", \"en\": \"Generated test data (not real figures)\"},\n"
    )
    out.raw("  \"asOf\": \"\(snapshotDate(snapshots - 1))\",\n  \"sources\": [],\n")

    // The plan: two phases, eight groups, seven pillars, four blocks.
    out.raw("  \"plan\": {\n    \"code\": \"02-KH/BCĐTW\",\n")
    out.raw("    \"name\": {\"vi\": \"Kế hoạch mẫu\", \"en\": \"Sample plan\"},\n")
    out.raw("    \"issued\": \"2025-06-19\", \"src\": \"illustrative\",\n")
    out.raw(
      "    \"phases\": [{\"number\": 1, \"name\": {\"vi\": \"Giai đoạn 1\", \"en\": \"Phase 1\"}, \"deadline\": \"2025-06-30\"}, "
    )
    out.raw(
      "{\"number\": 2, \"name\": {\"vi\": \"Giai đoạn 2\", \"en\": \"Phase 2\"}, \"deadline\": \"2025-12-31\"}],\n")
    for (key, prefix, count, vi, en) in [
      ("groups", "G", 8, "Nhóm", "Group"), ("pillars", "P", 7, "Trụ cột", "Pillar"),
      ("blocks", "B", 4, "Khối", "Block"),
    ] {
      out.raw("    \"\(key)\": [")
      for index in 1...count {
        if index > 1 { out.raw(", ") }
        out.raw("{\"id\": \"\(prefix)\(index)\", \"name\": {\"vi\": \"\(vi) \(index)\", \"en\": \"\(en) \(index)\"}}")
      }
      out.raw("],\n")
    }
    out.raw("    \"criteria\": [\n")
    let all = provincialIDs.map { ($0, Level.provincial.rawValue) } + communeIDs.map { ($0, Level.commune.rawValue) }
    for (index, (id, level)) in all.enumerated() {
      let phase = index % 5 < 2 ? 1 : 2
      out.raw(
        "      {\"id\": \"\(id)\", \"name\": {\"vi\": \"Tiêu chí mẫu \(id)\", \"en\": \"Sample criterion \(id)\"}, ")
      out.raw(
        "\"level\": \"\(level)\", \"phase\": \(phase), \"group\": \"G\(index % 8 + 1)\", \"pillar\": \"P\(index % 7 + 1)\", \"block\": \"B\(index % 4 + 1)\"}"
      )
      out.raw(index == all.count - 1 ? "\n" : ",\n")
    }
    out.raw("    ]\n  },\n")
    out.raw(
      "  \"regions\": [{\"id\": \"R1\", \"name\": {\"vi\": \"Vùng mẫu\", \"en\": \"Sample region\"}, \"src\": \"illustrative\"}],\n"
    )

    // Provinces, with communes spread unevenly (as real provinces are) but summing exactly.
    var sizes = Array(repeating: 1, count: provinces)
    var weights = (0..<provinces).map { _ in 1 + random.next() % 4 }
    let weightSum = weights.reduce(0, +)
    var assigned = provinces
    for index in 0..<provinces {
      let share = Int(UInt64(communes - provinces) * weights[index] / weightSum)
      sizes[index] += share
      assigned += share
    }
    var index = 0
    while assigned < communes {
      sizes[index % provinces] += 1
      assigned += 1
      index += 1
    }
    weights.removeAll()
    out.raw("  \"provinces\": [\n")
    for province in 0..<provinces {
      let wards = sizes[province] / 5
      out.raw("    {\"code\": \"P\(pad(province + 1, 4))\", \"name\": \"Tỉnh Mẫu \(pad(province + 1, 2))\", ")
      out.raw(
        "\"type\": \"\(province % 6 == 0 ? ProvinceType.city.rawValue : ProvinceType.province.rawValue)\", \"region\": \"R1\", "
      )
      out.raw(
        "\"units\": {\"total\": \(sizes[province]), \"wards\": \(wards), \"communes\": \(sizes[province] - wards), \"specialZones\": 0, \"src\": \"illustrative\"}}"
      )
      out.raw(province == provinces - 1 ? "\n" : ",\n")
    }
    out.raw("  ],\n  \"snapshots\": [\n")

    // When each criterion is done, per province and per commune: drawn once, so dates follow on.
    let provincialProgress = SyntheticProgress(snapshots: snapshots, perOwner: provincialIDs.count, random: &random)
    let communeProgress = SyntheticProgress(snapshots: snapshots, perOwner: communeIDs.count, random: &random)
    let phaseOfCriterion = all.indices.map { $0 % 5 < 2 ? 1 : 2 }
    let deadlines = [CalendarDate(year: 2025, month: 6, day: 30), CalendarDate(year: 2025, month: 12, day: 31)]
    for snapshot in 0..<snapshots {
      let date = snapshotDate(snapshot)
      let due = deadlines.map { deadline in deadline.map { date.isPast($0) } ?? false }
      // Progress of the national metric: the share of provincial criteria green at this date.
      let progress = UInt64(55 + 40 * (snapshot + 1) / snapshots)
      out.raw(
        "    {\"date\": \"\(snapshotDate(snapshot))\", \"label\": {\"vi\": \"Kỳ báo cáo \(snapshot + 1)\", \"en\": \"Report \(snapshot + 1)\"},\n"
      )
      out.raw(
        "     \"metrics\": [{\"id\": \"records\", \"label\": {\"vi\": \"Hồ sơ mẫu\", \"en\": \"Sample records\"}, ")
      out.raw(
        "\"value\": \(communes * Int(progress)), \"target\": \(communes * 100), \"unit\": {\"vi\": \"hồ sơ\", \"en\": \"records\"}, \"src\": \"illustrative\"}],\n"
      )
      out.raw("     \"reports\": [\n")
      var unitNumber = 0
      for province in 0..<provinces {
        out.raw(
          "      {\"province\": \"P\(pad(province + 1, 4))\", \"provincial\": {\"src\": \"illustrative\", \"statuses\": {"
        )
        for (position, id) in provincialIDs.enumerated() {
          if position > 0 { out.raw(", ") }
          let item = province * provincialIDs.count + position
          let status = provincialProgress.status(
            item: item, snapshot: snapshot, due: due[phaseOfCriterion[position] - 1])
          out.raw("\"\(id)\": \"\(status.jsonName)\"")
        }
        out.raw("}},\n       \"communes\": {\"src\": \"illustrative\", \"units\": [")
        for unit in 0..<sizes[province] {
          unitNumber += 1
          let kind =
            unit < sizes[province] / 5 ? (UnitKind.ward.rawValue, "Phường") : (UnitKind.commune.rawValue, "Xã")
          out.raw(unit == 0 ? "\n" : ",\n")
          out.raw(
            "        {\"code\": \"U\(pad(unitNumber, 7))\", \"name\": \"\(kind.1) Mẫu \(pad(unitNumber, 5))\", \"kind\": \"\(kind.0)\", \"statuses\": {"
          )
          for (position, id) in communeIDs.enumerated() {
            if position > 0 { out.raw(", ") }
            let item = (unitNumber - 1) * communeIDs.count + position
            let status = communeProgress.status(
              item: item, snapshot: snapshot, due: due[phaseOfCriterion[provincialIDs.count + position] - 1])
            out.raw("\"\(id)\": \"\(status.jsonName)\"")
          }
          out.raw("}}")
        }
        out.raw("]}}")
        out.raw(province == provinces - 1 ? "\n" : ",\n")
      }
      out.raw("     ]}")
      out.raw(snapshot == snapshots - 1 ? "\n" : ",\n")
    }
    out.raw("  ]\n}\n")
    return out.bytes
  }

  /// Report dates `every` days apart, the last on 2025-12-29 like the demo's year-end review.
  private func snapshotDate(_ index: Int) -> CalendarDate {
    let last = CalendarDate(year: 2025, month: 12, day: 29)!
    return last.adding(days: -(snapshots - 1 - index) * every)
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// A tiny, fast, deterministic random stream (Steele, Lea & Flood's SplitMix64).
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Appends UTF-8 to a byte buffer; the generator only writes text it controls, so no escaping.
/// The words it writes (format version, levels, kinds, statuses) come from `FormatSpec` and the
/// model's enums, so the generator cannot drift from the decoder.
struct JSONWriter {
  var bytes: [UInt8] = []

  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
