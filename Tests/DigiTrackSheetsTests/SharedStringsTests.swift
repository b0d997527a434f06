import DigiTrackModel
import Foundation
import TestSupport
import Testing

@testable import DigiTrackSheets

/// The shared strings read without libxml2 (CLibXML2's shared_strings.c) give what libxml2 gives:
/// each part is read both ways and compared, the strings or the message.
@Suite struct SharedStringsTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  struct Outcome: Equatable {
    var strings: [String]
    var problem: String?
  }

  static func read(_ bytes: [UInt8], direct: Bool) -> (Outcome, Bool) {
    let handler = SharedStringsHandler()
    let parser = SAXParser(handler: handler, directly: direct)
    let problem = bytes.withUnsafeBytes { parser.feed($0, final: true) }
    return (Outcome(strings: problem == nil ? handler.strings : [], problem: problem), parser.readDirectly)
  }

  /// Both ways, compared; whether the strings were read directly.
  @discardableResult
  static func same(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let (direct, wasDirect) = read(bytes, direct: true)
    let (libxml2, _) = read(bytes, direct: false)
    #expect(direct == libxml2, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
    return wasDirect
  }

  static func part(_ strings: String) -> [UInt8] { part(Array(strings.utf8)) }

  static func part(_ strings: [UInt8]) -> [UInt8] {
    Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(main)\" count=\"4\">".utf8)
      + strings + Array("</sst>".utf8)
  }

  /// Strings as libxlsxwriter writes them.
  static let regular =
    "<si><t>Xanh</t></si><si><t>Chưa báo cáo</t></si><si><t xml:space=\"preserve\"> Đỏ </t></si><si><t></t></si>"
    + "<si><t>𝔸\u{80}x\ty</t></si>"

  @Test func regularStringsAreReadDirectlyAsLibxml2ReadsThem() {
    #expect(Self.same(Self.part(Self.regular)))
    #expect(
      Self.read(Self.part(Self.regular), direct: true).0.strings == ["Xanh", "Chưa báo cáo", " Đỏ ", "", "𝔸\u{80}x\ty"])
    #expect(Self.same(Self.part("\n  " + Self.regular + "\n")))
  }

  @Test func anythingElseIsLibxml2sWithTheSameOutcome() {
    let irregular: [[UInt8]] = [
      Self.part("<si><r><t>Đ</t></r><r><t>ỏ</t></r></si>"),
      Self.part("<si><t>漢</t><rPh sb=\"0\" eb=\"1\"><t>かん</t></rPh></si>"),
      Self.part("<si><t>a &amp; b &#65;</t></si>"),
      Self.part("<si><t>a\r\nb</t></si>"),
      Self.part("<si><t/></si>"),
      Self.part("<si><t xml:space=\"default\">x</t></si>"),
      Self.part("<si><t>x</t></si><!-- c --><si><t>y</t></si>"),
      Self.part(Self.regular + "<si><t>a]]>b</t></si>"),
      Self.part(Array("<si><t>".utf8) + [0xC0, 0x80] + Array("</t></si>".utf8)),
      Self.part(Array("<si><t>".utf8) + [0xED, 0xA0, 0x80] + Array("</t></si>".utf8)),
      Self.part(Array("<si><t>".utf8) + [0xEF, 0xBF, 0xBE] + Array("</t></si>".utf8)),
      Self.part(Array("<si><t>".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("</t></si>".utf8)),
      Self.part(Array("<si><t>".utf8) + [0xE1, 0x80] + Array("</t></si>".utf8)),
      Self.part(Array("<si><t>".utf8) + [0x01] + Array("</t></si>".utf8)),
      Array("<sst><si><t>x</t></si></sst><sst/>".utf8),
      Array("<?xml version=\"1.0\"?><x><sst><si><t>x</t></si></sst></x>".utf8),
      Array("<?xml version=\"1.0\"?><sst a=\">\"><si><t>x</t></si></sst>".utf8),
      Array("<?xml version=\"1.0\"?><sst><si><t>x</t></si>".utf8),
      Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><sst><si><t>x</t></si></sst>".utf8),
    ]
    for part in irregular { Self.same(part) }
  }

  @Test func damagedPartsReadTheSameBothWays() {
    var random = SeededRandom.fromEnvironment("SharedStringsTests.damagedPartsReadTheSameBothWays")
    let original = Self.part(Self.regular)
    let alphabet = Array("<>/=\"' \t\r\n&;#sitx:]".utf8) + [0xC3, 0xA0, 0x80, 0xBF, 0xED, 0xEF, 0xF0, 0xF4, 0x00]
    var direct = 0
    for _ in 0..<3000 {
      let bytes = SheetRowsTests.damaged(original, alphabet, &random)
      let (fast, wasDirect) = Self.read(bytes, direct: true)
      let (libxml2, _) = Self.read(bytes, direct: false)
      #expect(fast == libxml2, "seed \(random.seed): \(bytes)")
      if wasDirect { direct += 1 }
    }
    #expect(direct > 100)
  }
}
