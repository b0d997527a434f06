import DigiTrackUI
import Testing

@testable import DigiTrackTerminal

/// Theme colours on terminals with fewer colours: rgb → xterm-256 → 16 ANSI → 8 basic (+ bold).
@Suite struct ColorDegradationTests {
  @Test func depthFromTheColourCount() {
    #expect(ColorDepth(colors: 256, enabled: true) == .xterm256)
    #expect(ColorDepth(colors: 16_777_216, enabled: true) == .xterm256)
    #expect(ColorDepth(colors: 88, enabled: true) == .ansi16)
    #expect(ColorDepth(colors: 16, enabled: true) == .ansi16)
    #expect(ColorDepth(colors: 8, enabled: true) == .basic8)
    #expect(ColorDepth(colors: 2, enabled: true) == .none)
    #expect(ColorDepth(colors: -1, enabled: true) == .none)
    #expect(ColorDepth(colors: 256, enabled: false) == .none)
  }

  @Test func noColourMeansTheTerminalsDefault() {
    for color in [TerminalColor.ansi(9), .indexed(200), .rgb(10, 20, 30), .terminalDefault] {
      #expect(ColorDegradation.degrade(color, to: .none) == .terminalDefault)
    }
    #expect(ColorDegradation.degrade(.terminalDefault, to: .xterm256) == .terminalDefault)
  }

  @Test func ansiColours() {
    #expect(ColorDegradation.degrade(.ansi(3), to: .basic8) == DegradedColor(index: 3, wantsBold: false))
    // Bright colours on 8-colour terminals: the basic colour, drawn bold.
    #expect(ColorDegradation.degrade(.ansi(9), to: .basic8) == DegradedColor(index: 1, wantsBold: true))
    #expect(ColorDegradation.degrade(.ansi(9), to: .ansi16) == DegradedColor(index: 9, wantsBold: false))
    #expect(ColorDegradation.degrade(.ansi(9), to: .xterm256) == DegradedColor(index: 9, wantsBold: false))
    // Out-of-range values are clamped, not trusted.
    #expect(ColorDegradation.degrade(.ansi(99), to: .ansi16).index == 15)
    #expect(ColorDegradation.degrade(.ansi(-4), to: .ansi16).index == 0)
  }

  @Test func indexedColours() {
    #expect(ColorDegradation.degrade(.indexed(196), to: .xterm256) == DegradedColor(index: 196, wantsBold: false))
    // 196 is rgb(255, 0, 0): bright red among the 16, red + bold among the 8.
    #expect(ColorDegradation.degrade(.indexed(196), to: .ansi16) == DegradedColor(index: 9, wantsBold: false))
    #expect(ColorDegradation.degrade(.indexed(196), to: .basic8) == DegradedColor(index: 1, wantsBold: true))
    // 0–15 of the palette are the ANSI colours themselves.
    #expect(ColorDegradation.degrade(.indexed(4), to: .basic8) == DegradedColor(index: 4, wantsBold: false))
    #expect(ColorDegradation.degrade(.indexed(999), to: .xterm256).index == 255)
    // 232 is the darkest grey (8, 8, 8): black.
    #expect(ColorDegradation.degrade(.indexed(232), to: .ansi16).index == 0)
  }

  @Test func trueColourGoesToTheCubeOrGreysNeverToTheRethemableSixteen() {
    #expect(ColorDegradation.degrade(.rgb(255, 0, 0), to: .xterm256).index == 196)
    #expect(ColorDegradation.degrade(.rgb(0, 0, 0), to: .xterm256).index == 16)
    #expect(ColorDegradation.degrade(.rgb(255, 255, 255), to: .xterm256).index == 231)
    #expect(ColorDegradation.degrade(.rgb(128, 128, 128), to: .xterm256).index == 244)
    #expect(ColorDegradation.degrade(.rgb(0, 95, 135), to: .xterm256).index == 24)
    for red in stride(from: 0, through: 255, by: 51) {
      for green in stride(from: 0, through: 255, by: 51) {
        let color = TerminalColor.rgb(UInt8(red), UInt8(green), 77)
        #expect(ColorDegradation.degrade(color, to: .xterm256).index >= 16)
      }
    }
  }

  @Test func trueColourOnSmallTerminals() {
    #expect(ColorDegradation.degrade(.rgb(250, 5, 5), to: .ansi16) == DegradedColor(index: 9, wantsBold: false))
    #expect(ColorDegradation.degrade(.rgb(250, 5, 5), to: .basic8) == DegradedColor(index: 1, wantsBold: true))
    #expect(ColorDegradation.degrade(.rgb(0, 200, 0), to: .basic8) == DegradedColor(index: 2, wantsBold: false))
  }

  @Test func thePaletteIsXterms() {
    let palette = ColorDegradation.palette
    #expect(palette.count == 256)
    #expect(palette[16] == ColorDegradation.RGB(red: 0, green: 0, blue: 0))
    #expect(palette[196] == ColorDegradation.RGB(red: 255, green: 0, blue: 0))
    #expect(palette[231] == ColorDegradation.RGB(red: 255, green: 255, blue: 255))
    #expect(palette[232] == ColorDegradation.RGB(red: 8, green: 8, blue: 8))
    #expect(palette[255] == ColorDegradation.RGB(red: 238, green: 238, blue: 238))
    // Each colour is its own nearest.
    for index in 16..<256 {
      #expect(palette[ColorDegradation.nearest(to: palette[index], in: 16..<256)] == palette[index])
    }
  }
}
