import CNCurses
import DigiTrackUI
import Foundation
import TestSupport
import Testing

@testable import DigiTrackTerminal

/// The painter copies only the rows that changed since the last frame, and what stdscr then holds is
/// exactly what a full copy of the same canvas gives: checked on a real ncurses screen (newterm on
/// a pseudo-terminal), over seeded random frames of ASCII, Vietnamese, box drawing, wide
/// characters and combining marks in every role.
@Suite(.serialized) struct CanvasPainterTests {
  static let width = 40
  static let height = 8

  @Test func changedRowsOnlyAreCopiedAndTheScreenMatchesAFullCopy() throws {
    try Self.withScreen { painter in
      var random = SeededRandom.fromEnvironment("CanvasPainterTests")
      let seed = random.seed
      var canvas = Self.randomCanvas(&random)
      let first = painter.paint(canvas)
      #expect(first)
      #expect(painter.cellsCopied == Self.width * Self.height)
      for step in 0..<60 {
        let before = canvas
        canvas = Self.changed(canvas, &random)
        _ = painter.paint(canvas)
        let incremental = Self.screenCells()
        let changedRows = (0..<Self.height).filter { y in
          (0..<Self.width).contains { before[$0, y] != canvas[$0, y] }
        }
        // Only changed rows are copied.
        #expect(painter.cellsCopied == changedRows.count * Self.width, "step \(step) seed \(seed)")
        painter.forget()
        painter.paint(canvas)
        let full = Self.screenCells()
        let first = full.indices.first { full[$0] != incremental[$0] }
        #expect(
          first == nil,
          """
          step \(step) seed \(seed): at \(first ?? 0) a full copy gives \(first.map { full[$0] } as Any), \
          not \(first.map { incremental[$0] } as Any)
          """
        )
      }
    }
  }

  @Test func anIdenticalFrameCopiesNothingAndOneCellCopiesItsRow() throws {
    try Self.withScreen { painter in
      var canvas = Canvas(width: Self.width, height: Self.height)
      canvas.put("Hà Nội ─ 12.345", x: 1, y: 2, role: .label)
      painter.paint(canvas)
      let again = painter.paint(canvas)
      #expect(again == false)
      #expect(painter.cellsCopied == 0)
      canvas.put("X", x: 7, y: 5, role: .statusRed)
      let one = painter.paint(canvas)
      #expect(one)
      #expect(painter.cellsCopied == Self.width)
      // The cell carries its style as a full copy would draw it.
      let style = painter.styles[.statusRed, false]
      let drawn = Self.cell(x: 7, y: 5)
      #expect(drawn == ScreenCell(text: "X", attributes: style.attributes, pair: style.pair))
    }
  }

  // MARK: - A screen on a pseudo-terminal

  struct ScreenCell: Equatable {
    var text: String
    var attributes: attr_t
    var pair: Int32
  }

  static func cell(x: Int, y: Int) -> ScreenCell {
    var stored = cchar_t()
    _ = mvwin_wch(dt_stdscr(), Int32(y), Int32(x), &stored)
    var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    var attributes: attr_t = 0
    var shortPair: Int16 = 0
    var pair: Int32 = 0
    _ = getcchar(&stored, &text, &attributes, &shortPair, &pair)
    let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
    var string = ""
    string.unicodeScalars.append(contentsOf: scalars)
    let styling = dt_a_bold() | dt_a_reverse() | dt_a_underline() | dt_a_dim()
    return ScreenCell(text: string, attributes: attributes & styling, pair: pair)
  }

  static func screenCells() -> [ScreenCell] {
    (0..<height).flatMap { y in (0..<width).map { cell(x: $0, y: y) } }
  }

  static func withScreen(
    theme: Theme = .standard, color: Bool = true, _ body: (inout CanvasPainter) throws -> Void
  ) throws {
    setlocale(LC_ALL, "C.UTF-8")
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    typealias OpenPTY =
      @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?,
        UnsafeRawPointer?, UnsafeRawPointer?
      ) -> Int32
    let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openpty"))
    try #require(unsafeBitCast(symbol, to: OpenPTY.self)(&master, &slave, nil, nil, &size) == 0)
    defer { close(master) }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    let drained = master
    let output = try #require(fdopen(slave, "w"))
    let input = try #require(fdopen(dup(slave), "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    // Reads the master side after each frame so that ncurses' writes never block.
    let drain = Thread {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while chunk.withUnsafeMutableBytes({ read(drained, $0.baseAddress, $0.count) }) != 0 {
        usleep(1000)
        if Thread.current.isCancelled { break }
      }
    }
    drain.start()
    defer { drain.cancel() }
    let screen = try #require(newterm("xterm-256color", output, input))
    defer {
      endwin()
      delscreen(screen)
    }
    var painter = CanvasPainter(styles: StyleTable.install(theme: theme, colorEnabled: color))
    try body(&painter)
  }

  // MARK: - Seeded random frames

  static let pieces = ["Hà Nội", "Đắk Lắk", "abc", "12.345", "─┼─", "█▌", "中文", "e\u{301}", "✓", " ", "Ω"]

  static func randomCanvas(_ random: inout SeededRandom) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    for y in 0..<height { draw(row: y, into: &canvas, &random) }
    return canvas
  }

  static func changed(_ canvas: Canvas, _ random: inout SeededRandom) -> Canvas {
    var canvas = canvas
    for _ in 0..<Int.random(in: 0...3, using: &random) {
      draw(row: Int.random(in: 0..<height, using: &random), into: &canvas, &random)
    }
    return canvas
  }

  static func draw(row y: Int, into canvas: inout Canvas, _ random: inout SeededRandom) {
    var x = Int.random(in: 0..<4, using: &random)
    while x < width {
      let role = Role.allCases.randomElement(using: &random) ?? .normal
      let text = pieces.randomElement(using: &random) ?? " "
      x += max(1, canvas.put(text, x: x, y: y, role: role, selected: Bool.random(using: &random)))
    }
  }
}
