import DigiTrackModel
import FoundationEssentials
import Glibc

/// Everything a view needs to turn data into lines.
struct RenderContext: Sendable {
  let data: DashboardData
  let strings: Strings
  let format: NumberFormat
  let glyphs: Glyphs
  let unicode: Bool
  /// The keys that help, hints and prompts name.
  let keys: KeyBindings

  init(data: DashboardData, options: DisplayOptions) {
    self.data = data
    strings = .for(options.language)
    format = NumberFormat(language: options.language)
    glyphs = options.unicode ? .unicode : .ascii
    unicode = options.unicode
    keys = options.keys
  }

  var language: Language { strings.language }
  var dataset: Dataset { data.dataset }

  /// Text as this terminal can show it: unchanged, or folded to ASCII ("Lạng Sơn" → "Lang Son").
  func text(_ value: String) -> String { unicode ? value : SafeText.asciiFolded(value) }

  func text(_ value: LocalizedText) -> String { text(value[language]) }

  /// UI words that may contain symbols (×, …, arrows) are folded the same way.
  func ui(_ value: String) -> String {
    unicode ? value : SafeText.asciiFolded(value.replacingSymbols())
  }

  /// "*" for an illustrative figure, "[n]" for one backed by the n-th source, "" for none.
  func marker(_ provenance: Provenance?) -> String {
    switch provenance {
    case .illustrative?: strings.illustrativeMark
    case .source(let index)?: "[\(index + 1)]"
    case nil: ""
    }
  }

  /// How the data is named: the file name, or the built-in demo in the interface's language.
  var dataName: String {
    data.sourceName == DemoDataset.name ? strings.builtInDemo : data.sourceName
  }

  /// The marker after a space, or nothing when there is none.
  func marked(_ provenance: Provenance?) -> String {
    let mark = marker(provenance)
    return mark.isEmpty ? "" : " " + mark
  }

  func markerRole(_ provenance: Provenance?) -> Role {
    provenance == .illustrative ? .illustrative : .dim
  }

  /// The widest marker this dataset can produce, so marker columns line up.
  var markerWidth: Int { max(1, "[\(dataset.sources.count)]".count) }
}

extension String {
  /// ASCII stand-ins for the symbols the UI text uses, before diacritics are folded.
  func replacingSymbols() -> String {
    var result = ""
    let pairs = replacingEvery("↑↓", with: "Up/Down").replacingEvery("←→", with: "Left/Right")
    for character in pairs {
      switch character {
      case "×": result += "x"
      case "…": result += "..."
      case "↑": result += "Up"
      case "↓": result += "Down"
      case "←": result += "Left"
      case "→": result += "Right"
      case "–", "—", "─": result += "-"
      case "·": result += "|"
      case "▲": result += "^"
      case "▼": result += "v"
      default: result.append(character)
      }
    }
    return result
  }
}
