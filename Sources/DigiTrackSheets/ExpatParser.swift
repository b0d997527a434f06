import CExpat
import Foundation

/// What an XML part's reader does with expat's events. Names come without their namespace prefix
/// (`x:row` → `row`), as writers differ in the prefixes they use.
class XMLHandler {
  /// Set by the parser that feeds this handler, for its document type callback.
  fileprivate var parser: XML_Parser?
  fileprivate var refusedDoctype = false

  func start(_ name: UnsafePointer<CChar>, _ attributes: XMLAttributes) {}
  func end(_ name: UnsafePointer<CChar>) {}
  func text(_ bytes: UnsafeBufferPointer<CChar>) {}
}

/// The attributes of one start tag, as expat gives them: name, value, name, value, …, NULL.
struct XMLAttributes {
  let pairs: UnsafeMutablePointer<UnsafePointer<CChar>?>

  /// A `StaticString`, so a lookup per cell compares bytes in place and builds no C string.
  func value(_ wanted: StaticString) -> UnsafePointer<CChar>? {
    let key = UnsafeRawPointer(wanted.utf8Start).assumingMemoryBound(to: CChar.self)
    var index = 0
    while let name = pairs[index] {
      if strcmp(ExpatParser.localName(name), key) == 0 { return pairs[index + 1] }
      index += 2
    }
    return nil
  }

  /// The same, passing over attributes of the namespace prefix `skipped` (`calcext:value-type`,
  /// which LibreOffice writes beside `office:value-type`).
  func value(_ wanted: StaticString, skipping skipped: StaticString) -> UnsafePointer<CChar>? {
    let key = UnsafeRawPointer(wanted.utf8Start).assumingMemoryBound(to: CChar.self)
    let prefix = UnsafeRawPointer(skipped.utf8Start).assumingMemoryBound(to: CChar.self)
    var index = 0
    while let name = pairs[index] {
      if strcmp(ExpatParser.localName(name), key) == 0, strncmp(name, prefix, skipped.utf8CodeUnitCount) != 0 {
        return pairs[index + 1]
      }
      index += 2
    }
    return nil
  }

  /// Two attributes in one pass over the tag's attributes (a cell's `r` and `t`).
  func values(_ first: StaticString, _ second: StaticString) -> (UnsafePointer<CChar>?, UnsafePointer<CChar>?) {
    let firstKey = UnsafeRawPointer(first.utf8Start).assumingMemoryBound(to: CChar.self)
    let secondKey = UnsafeRawPointer(second.utf8Start).assumingMemoryBound(to: CChar.self)
    var found: (UnsafePointer<CChar>?, UnsafePointer<CChar>?) = (nil, nil)
    var index = 0
    while let name = pairs[index] {
      let local = ExpatParser.localName(name)
      if found.0 == nil, strcmp(local, firstKey) == 0 {
        found.0 = pairs[index + 1]
      } else if found.1 == nil, strcmp(local, secondKey) == 0 {
        found.1 = pairs[index + 1]
      }
      index += 2
    }
    return found
  }

  func string(_ wanted: StaticString) -> String? {
    value(wanted).map { String(cString: $0) }
  }
}

/// One expat parser fed by chunks. A document type declaration is refused outright: no part of
/// an `.xlsx` has one, and it is where entity expansion attacks live.
///
/// Expat's user data is the handler itself, and the callbacks, several per cell, reach it without
/// retaining it (`_withUnsafeGuaranteedRef`): the parser keeps it alive while it runs, and the
/// reference counting was a tenth of the reading of a form.
final class ExpatParser {
  private let parser: XML_Parser
  private let handler: XMLHandler

  init(handler: XMLHandler) {
    parser = XML_ParserCreate(nil)!
    self.handler = handler
    handler.parser = parser
    handler.refusedDoctype = false
    XML_SetUserData(parser, Unmanaged.passUnretained(handler).toOpaque())
    XML_SetElementHandler(
      parser,
      { user, name, attributes in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
          handler.start(ExpatParser.localName(name!), XMLAttributes(pairs: attributes!))
        }
      },
      { user, name in
        Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
          handler.end(ExpatParser.localName(name!))
        }
      })
    XML_SetCharacterDataHandler(parser) { user, bytes, count in
      Unmanaged<XMLHandler>.fromOpaque(user!)._withUnsafeGuaranteedRef { handler in
        handler.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
      }
    }
    XML_SetStartDoctypeDeclHandler(parser) { user, _, _, _, _ in
      let handler = Unmanaged<XMLHandler>.fromOpaque(user!).takeUnretainedValue()
      handler.refusedDoctype = true
      XML_StopParser(handler.parser, XML_FALSE)
    }
  }

  deinit {
    handler.parser = nil
    XML_ParserFree(parser)
  }

  /// Parses the next chunk; returns why the XML is broken, or nil.
  func feed(_ chunk: Data, final: Bool) -> String? {
    chunk.withUnsafeBytes { raw in feed(raw, final: final) }
  }

  func feed(_ raw: UnsafeRawBufferPointer, final: Bool) -> String? {
    let status = XML_Parse(
      parser, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), final ? 1 : 0)
    if handler.refusedDoctype { return "a document type declaration is not allowed in a workbook" }
    guard status == XML_STATUS_OK else {
      let line = XML_GetCurrentLineNumber(parser)
      let column = XML_GetCurrentColumnNumber(parser)
      let reason = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "broken XML"
      return "\(line):\(column): \(reason) (damaged file)"
    }
    return nil
  }

  /// The part of a name after its namespace prefix.
  static func localName(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
    var local = name
    var cursor = name
    while cursor.pointee != 0 {
      if cursor.pointee == 0x3A { local = cursor + 1 }
      cursor += 1
    }
    return local
  }
}
