import DigiTrackModel
import DigiTrackUI
import TestSupport

/// The screens and style masks of `Goldens/`.
let golden = GoldenFiles()

enum Fixtures {
  /// The demo data, loaded once.
  static let demo: DashboardData = {
    do {
      let loaded = try DemoDataset.load()
      return DashboardData(dataset: loaded.dataset, sourceName: DemoDataset.name)
    } catch {
      fatalError("the built-in demo must load: \(error)")
    }
  }()

  static func state(_ width: Int, _ height: Int, _ language: Language = .vi, unicode: Bool = true) -> AppState {
    AppState(data: demo, options: DisplayOptions(language: language, unicode: unicode), width: width, height: height)
  }

  /// Applies keys one by one and returns the effects of the last one.
  @discardableResult
  static func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    var effects: [Effect] = []
    for key in keys { effects = state.update(.key(key)) }
    return effects
  }

  static func type(_ state: inout AppState, _ text: String) {
    for character in text { _ = state.update(.key(.character(character))) }
  }

  static func index(of name: String) -> Int {
    demo.dataset.provinces.firstIndex { $0.name == name } ?? -1
  }
}
