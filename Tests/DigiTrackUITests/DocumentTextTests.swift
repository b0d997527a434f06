import DigiTrackModel
import Testing

@testable import DigiTrackUI

/// The text export is drawn line by line; it must equal the full canvas of the same pages, byte
/// for byte (the goldens check the same through the binary).
@Suite struct DocumentTextTests {
  @Test(arguments: [20, 60, 80, 120, 200])
  func lineByLineEqualsTheFullCanvas(_ width: Int) {
    for language in [Language.vi, .en] {
      for unicode in [true, false] {
        var state = Fixtures.state(width, 100_000, language, unicode: unicode)
        let screens = [
          AppState.Screen.overview, .matrix, .province(Fixtures.index(of: "Lạng Sơn"), back: .overview), .overdue,
        ]
        for screen in screens {
          state.screen = screen
          // The pages an export writes (with the deadline line where the title has no room).
          let pages = state.exportPages()
          #expect(Canvas.documentText(pages, width: width) == state.document().text, "\(screen) at \(width)")
        }
      }
    }
  }

  @Test func anEmptyDocumentIsOneNewline() {
    #expect(Canvas.documentText([], width: 80) == Canvas(width: 80, height: 0).text)
  }
}
