import CLibXML2
import FoundationEssentials
import Glibc

/// What an XML part's reader does with the parser's events. Names are local names, without their
/// namespace prefix (`x:row` → `row`), as writers differ in the prefixes they use.
class XMLHandler {
  func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {}
  func end(_ name: UnsafePointer<CChar>) {}
  func text(_ bytes: UnsafeBufferPointer<CChar>) {}
  /// Forgets every event so far, as if new: a handler whose part is read `directly` is told
  /// so when its rows turn out not to be regular, before libxml2 reads the part again.
  func reset() { preconditionFailure("\(Self.self) reads no sheet rows directly") }
  /// Whether the handler takes a worksheet's regular rows as `records` (read directly), not as
  /// events: a cell is then one record instead of five calls.
  var takesRecords: Bool { false }
  func records(_ records: UnsafeBufferPointer<dt_sheet_record>) {
    preconditionFailure("\(Self.self) takes no records")
  }
}

/// The attributes of one start tag, as libxml2's SAX2 gives them: five pointers each (local name,
/// prefix, namespace, start and end of the value). Values are not NUL-terminated and are valid
/// only during the callback: a handler reads them as bytes or copies them.
struct XMLAttributes {
  let fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  let count: Int

  /// The value of attribute `index`, in place.
  private func value(at index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = fields![index * 5 + 3]!
    return UnsafeBufferPointer(start: start, count: fields![index * 5 + 4]! - start)
  }

  /// Whether the NUL-terminated `name` is `wanted`: a `StaticString`, so a lookup per cell
  /// compares bytes in place and builds no C string.
  private static func matches(_ name: UnsafePointer<UInt8>?, _ wanted: StaticString) -> Bool {
    guard let name else { return false }
    // Byte by byte: the names looked up are a few letters long, shorter than a call to memcmp.
    let key = wanted.utf8Start
    for index in 0..<wanted.utf8CodeUnitCount where name[index] != key[index] { return false }
    return name[wanted.utf8CodeUnitCount] == 0
  }

  func value(_ wanted: StaticString) -> UnsafeBufferPointer<UInt8>? {
    for index in 0..<count where Self.matches(fields![index * 5], wanted) { return value(at: index) }
    return nil
  }

  /// The same, passing over attributes of the namespace prefix `skipped` (`calcext:value-type`,
  /// which LibreOffice writes beside `office:value-type`).
  func value(_ wanted: StaticString, skipping skipped: StaticString) -> UnsafeBufferPointer<UInt8>? {
    for index in 0..<count where Self.matches(fields![index * 5], wanted) {
      if !Self.matches(fields![index * 5 + 1], skipped) { return value(at: index) }
    }
    return nil
  }

  /// A cell's `r` and `t`, several per row: one pass, each name a single byte compared (a lookup
  /// of two names by `StaticString` cost 180 instructions a cell). libxml2 refuses a tag with an
  /// attribute twice.
  func referenceAndType() -> (UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?) {
    guard let fields else { return (nil, nil) }
    var found: (UnsafeBufferPointer<UInt8>?, UnsafeBufferPointer<UInt8>?) = (nil, nil)
    var index = 0
    while index < count {
      if let name = fields[index * 5], name[0] != 0, name[1] == 0 {
        if name[0] == 0x72 {  // r
          found.0 = value(at: index)
        } else if name[0] == 0x74 {  // t
          found.1 = value(at: index)
        }
      }
      index += 1
    }
    return found
  }

  func string(_ wanted: StaticString) -> String? {
    value(wanted).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// One libxml2 SAX2 parser fed by chunks (`CLibXML2`: a part up to 1 MiB is parsed whole, a larger
/// one pushed chunk by chunk; its sax.c says what keeps a hostile
/// part out: a document type declaration is refused outright, no entity substitution, no DTD
/// loading, no network, libxml2's own depth and size limits on).
///
/// The parser's user data is the handler itself, and the callbacks, several per cell, reach it
/// without retaining it (`_withUnsafeGuaranteedRef`): the parser keeps it alive while it runs.
final class SAXParser {
  private let parser: OpaquePointer
  private let handler: XMLHandler

  /// `directly` for a worksheet or shared-strings part: its regular rows or strings are read
  /// without libxml2 (`CLibXML2`'s sheet_rows.c, shared_strings.c), with the same events.
  init(handler: XMLHandler, directly: Bool = false) {
    self.handler = handler
    parser = dt_xml_parser_new(
      Unmanaged.passUnretained(handler).toOpaque(),
      { user, name, attributes, count in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
          handler.start(
            UnsafeRawPointer(name!).assumingMemoryBound(to: CChar.self),
            XMLAttributes(fields: attributes, count: Int(count)))
        }
      },
      { user, name in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
          handler.end(UnsafeRawPointer(name!).assumingMemoryBound(to: CChar.self))
        }
      },
      { user, bytes, count in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
          handler.text(
            UnsafeBufferPointer(start: UnsafeRawPointer(bytes!).assumingMemoryBound(to: CChar.self), count: Int(count)))
        }
      })!
    if directly {
      dt_xml_parser_read_directly(parser) { user in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { $0.reset() }
      }
      if handler.takesRecords {
        dt_xml_parser_read_records(parser) { user, records, count in
          Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef {
            $0.records(UnsafeBufferPointer(start: records, count: Int(count)))
          }
        }
      }
    }
  }

  /// Whether the rows or strings were read without libxml2 (for tests).
  var readDirectly: Bool { dt_xml_parser_rows_read(parser) != 0 }

  deinit {
    dt_xml_parser_free(parser)
  }

  /// Parses the next chunk; returns why the XML is broken, or nil.
  func feed(_ chunk: Data, final: Bool) -> String? {
    chunk.withUnsafeBytes { raw in feed(raw, final: final) }
  }

  func feed(_ raw: UnsafeRawBufferPointer, final: Bool) -> String? {
    let status = dt_xml_parser_feed(
      parser, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), final ? 1 : 0)
    switch Int(status) {
    case Int(DT_XML_OK): return nil
    case Int(DT_XML_DOCTYPE): return "a document type declaration is not allowed in a workbook"
    default:
      var (line, column): (Int32, Int32) = (0, 0)
      let message = String(cString: dt_xml_parser_error(parser, &line, &column))
      return "\(line):\(column): \(message) (damaged file)"
    }
  }
}
