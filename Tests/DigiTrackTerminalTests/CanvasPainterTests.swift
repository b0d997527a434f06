import CNCurses
import DigiTrackUI
import Foundation
import TestSupport
import Testing

@testable import DigiTrackTerminal

/// The painter writes only the rows that changed since the last frame, and what the terminal then
/// shows is exactly what a full paint of the same canvas gives: checked with a real ncurses screen
/// (newterm on a pseudo-terminal, whose terminfo makes the painter's codes) and the screen its
/// bytes make (`TerminalModel`), over seeded random frames of ASCII, Vietnamese, box drawing, wide
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

  /// What the terminal shows at (x, y), read from the painter's bytes (`TerminalModel`), with
  /// the colours as the ncurses pair that draws them.
  static func cell(x: Int, y: Int) -> ScreenCell {
    let shown = terminal[x, y]
    return ScreenCell(text: shown.text, attributes: shown.attributes, pair: pair(shown.foreground, shown.background))
  }

  /// The first pair whose colours are these (the style table makes one pair per colour pair).
  static func pair(_ foreground: Int, _ background: Int) -> Int32 {
    if foreground == -1, background == -1 { return 0 }
    for pair in 1..<max(1, dt_color_pairs()) {
      var pairForeground: Int32 = 0
      var pairBackground: Int32 = 0
      guard extended_pair_content(pair, &pairForeground, &pairBackground) != ERR else { break }
      if Int(pairForeground) == foreground, Int(pairBackground) == background { return pair }
    }
    return -1
  }

  static func screenCells() -> [ScreenCell] {
    (0..<height).flatMap { y in (0..<width).map { cell(x: $0, y: y) } }
  }

  /// The screen the painter of `withScreen` writes to.
  nonisolated(unsafe) static var terminal = TerminalModel(width: width, height: height)

  static func withScreen(
    theme: Theme = .standard, color: Bool = true, term: String = "xterm-256color",
    _ body: (inout CanvasPainter) throws -> Void
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
    let screen = try #require(newterm(term, output, input))
    defer {
      endwin()
      delscreen(screen)
    }
    var painter = CanvasPainter(styles: StyleTable.install(theme: theme, colorEnabled: color), output: fileno(output))
    let terminal = TerminalModel(width: width, height: height, delayedWrap: dt_terminfo_flag("xenl") != 0)
    Self.terminal = terminal
    painter.recorder = { terminal.feed($0) }
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
