/// The DigiTrack format, version 1, as data: every object, its fields, their types and the
/// ranges of its values.
///
/// This is the one declaration of the format. The decoder takes each object's key list (the
/// unknown-key check and the "allowed:" list of its message) and each field's requiredness from
/// here; the words (statuses, unit kinds, levels, …) and the ranges of numbers and identifiers are
/// defined here once. `FormatSpecTests` proves that docs/digitrack.schema.json and the tables of
/// docs/FORMAT.md say the same, and scripts/make-demo.py reads the words and ranges from the
/// schema. Adding a field: declare it here, read it in the decoder, document it in both docs.
public enum FormatSpec {
  /// The value of the top-level `format` key.
  public static let version = "digitrack/1"

  // MARK: - Ranges

  /// The largest count: far above any real figure (the country has about 5.3 million party
  /// members), and small enough that no sum of counts can overflow.
  public static let maxCount = 1_000_000_000
  /// The largest metric `value` or `target`: well below 2^53, so every accepted amount is an
  /// exact whole number when rounded and converts to `Int` without a trap.
  public static let maxAmount: Double = 1e15
  /// `maxAmount` as messages and documents write it.
  public static let maxAmountText = "1000000000000000"
  /// The longest text, in characters (after cleaning).
  public static let maxTextLength = 1_000
  /// The length of an identifier, in bytes (all of them ASCII).
  public static let identifierLength = 1...32
  /// The identifier rule as messages and documents say it.
  public static let identifierRule = "1–32 characters from A–Z a–z 0–9 _ . -"

  /// Whether `byte` may appear in an identifier: A–Z a–z 0–9 _ . -
  @inline(__always)
  public static func isIdentifierByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
      true
    default: false
    }
  }

  /// Whether `bytes` form an identifier.
  @inline(__always)
  public static func isIdentifier<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    identifierLength.contains(bytes.count) && bytes.allSatisfy(isIdentifierByte)
  }

  // MARK: - Words

  /// The status words, in the order messages list them.
  public static let statuses: [(word: String, value: Status)] = Status.allCases.map { ($0.jsonName, $0) }
  /// The unit kind words.
  public static let unitKinds: [(word: String, value: UnitKind)] = [UnitKind.ward, .commune, .specialZone].map {
    ($0.rawValue, $0)
  }
  /// The criterion level words.
  public static let levels: [(word: String, value: Level)] = [Level.provincial, .commune].map { ($0.rawValue, $0) }
  /// The province type words.
  public static let provinceTypes: [(word: String, value: ProvinceType)] = [ProvinceType.city, .province].map {
    ($0.rawValue, $0)
  }
  /// The metric qualifier words.
  public static let qualifiers: [(word: String, value: Metric.Qualifier)] = [Metric.Qualifier.over, .about].map {
    ($0.rawValue, $0)
  }
  /// The `src` of a figure that no public source gives; reserved as a source id.
  public static let illustrative = "illustrative"

  // MARK: - Objects

  /// The type of a field's value.
  public enum FieldType: Sendable, Equatable {
    case constant(String)
    case text
    case plainString
    case identifier
    case date
    case count
    /// A count that names a phase: 1, 2, …
    case phaseNumber
    case amount
    case url
    case sourceRef
    case words([String])
    case object(String)
    case array(of: String)
    case strings
    case statusMap
    case countMap
  }

  public struct Field: Sendable {
    public let name: StaticString
    public let type: FieldType
    public let required: Bool
    public let doc: String

    public var key: String { "\(name)" }
  }

  /// One object of the format. `name` is its name in the schema's `$defs` ("dataset" for the top
  /// level); the fields are in the order messages list them.
  public struct Object: Sendable {
    public let name: String
    public let doc: String
    public let fields: [Field]
    /// The keys, as the decoder's field table wants them.
    public let keys: [StaticString]

    public init(name: String, doc: String, fields: [Field]) {
      self.name = name
      self.doc = doc
      self.fields = fields
      keys = fields.map(\.name)
    }

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
  }

  static func required(_ name: StaticString, _ type: FieldType, _ doc: String = "") -> Field {
    Field(name: name, type: type, required: true, doc: doc)
  }

  static func optional(_ name: StaticString, _ type: FieldType, _ doc: String = "") -> Field {
    Field(name: name, type: type, required: false, doc: doc)
  }
}
