import CNCurses
import DigiTrackUI
import Testing

@testable import DigiTrackTerminal

/// `get_wch` results as the dashboard sees them: keypad codes, unmapped control bytes, text.
@Suite struct KeyDecodingTests {
  static func key(_ value: UInt32) -> DecodedInput { KeyDecoding.decode(status: OK, value: value) }
  static func code(_ code: Int32) -> DecodedInput {
    KeyDecoding.decode(status: KEY_CODE_YES, value: UInt32(bitPattern: code))
  }

  @Test func keypadCodes() {
    let table: [(Int32, DecodedInput)] = [
      (KEY_UP, .key(.up)), (KEY_DOWN, .key(.down)), (KEY_LEFT, .key(.left)), (KEY_RIGHT, .key(.right)),
      (KEY_PPAGE, .key(.pageUp)), (KEY_NPAGE, .key(.pageDown)), (KEY_ENTER, .key(.enter)),
      (KEY_BACKSPACE, .key(.backspace)), (KEY_BTAB, .key(.backTab)), (KEY_RESIZE, .resize), (KEY_MOUSE, .mouse),
    ]
    for (code, expected) in table { #expect(Self.code(code) == expected, "key code \(code)") }
  }

  /// tmux and the Linux console send ESC[1~ / ESC[4~, which TERM=xterm-256color decodes as
  /// Find/Select; the keypad sends A1/C1.
  @Test func homeAndEndInEveryForm() {
    for code in [KEY_HOME, KEY_A1, KEY_FIND] { #expect(Self.code(code) == .key(.home), "\(code)") }
    for code in [KEY_END, KEY_C1, KEY_SELECT] { #expect(Self.code(code) == .key(.end), "\(code)") }
  }

  @Test func unusedKeyCodesAreIgnored() {
    #expect(Self.code(KEY_F0 + 1) == .ignored)
    #expect(Self.code(KEY_IC) == .ignored)
  }

  @Test func controlBytesThatArriveUnmapped() {
    #expect(Self.key(13) == .key(.enter))
    #expect(Self.key(10) == .key(.enter))
    #expect(Self.key(27) == .key(.escape))
    #expect(Self.key(127) == .key(.backspace))
    #expect(Self.key(8) == .key(.backspace))
    #expect(Self.key(9) == .key(.tab))
    #expect(Self.key(3) == .key(.interrupt))
    for other: UInt32 in [0, 1, 2, 4, 7, 11, 12, 26, 28, 31] { #expect(Self.key(other) == .ignored, "byte \(other)") }
  }

  @Test func printableText() {
    #expect(Self.key(0x61) == .key(.character("a")))
    #expect(Self.key(0x20) == .key(.character(" ")))
    #expect(Self.key(0x1EC5) == .key(.character("ễ")))
    #expect(Self.key(0x1F600) == .key(.character("😀")))
  }

  /// DEL, the C1 controls, surrogates and values past U+10FFFF never become characters.
  @Test func nonScalarsAndC1ControlsAreIgnored() {
    for value: UInt32 in [0x7F, 0x80, 0x9B, 0x9F, 0xD800, 0xDFFF, 0x11_0000, 0xFFFF_FFFF] {
      #expect(KeyDecoding.printableScalar(value) == nil, "U+\(String(value, radix: 16))")
    }
    #expect(Self.key(0x9B) == .ignored)
    #expect(Self.key(0xD800) == .ignored)
    #expect(KeyDecoding.printableScalar(0xA0) == "\u{A0}")
  }

  @Test func combiningMarksExtendTheCharacterTypedBefore() {
    #expect(KeyDecoding.extends("e", with: "\u{302}"))
    #expect(KeyDecoding.extends("ê", with: "\u{303}"))
    #expect(KeyDecoding.extends("❤", with: "\u{FE0F}"))
    #expect(KeyDecoding.extends("👩", with: "\u{200D}"))
    #expect(!KeyDecoding.extends("e", with: "a"))
    #expect(!KeyDecoding.extends("a", with: " "))
  }
}
