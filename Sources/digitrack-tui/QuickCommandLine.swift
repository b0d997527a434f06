import ArgumentParser
import DigiTrackModel
import DigiTrackUI

/// The command lines run every day (the dashboard, `export`, `validate`, `import` and `--version`), read
/// without ArgumentParser's reflection.
///
/// ArgumentParser learns a command's options by walking it with `Mirror` and casting each
/// property to its wrapper protocols; each first cast, and each generic type it names, scans every
/// protocol conformance record in the binary. That was a quarter of a national export's
/// instructions and two thirds of `--version`'s (docs/PERFORMANCE.md, "Start-up"). This reader
/// knows the same options from a table and fills the same plain values the commands run on
/// (`ExportInvocation` and the others), converting every value with the same
/// `ExpressibleByArgument` initialiser and running the same checks.
///
/// It accepts only lines it reads exactly as ArgumentParser does: every option at most once,
/// `--name value` or `--name=value`, values not starting with `-` (but `-` itself). Anything else
/// (help, a mistake, `--`, a short option other than `-o`, a repeated option, a value that fails
/// its check) returns nil, and ArgumentParser parses the line as before, so every message and
/// every help text is its own. `QuickCommandLineTests` holds the two parsers to the same result
/// over every option, form and edge case, and over seeded random lines.
enum QuickCommandLine {
  enum Command: Equatable {
    case version
    case dashboard(DashboardInvocation)
    case export(ExportInvocation)
    case validate(ValidateInvocation)
    case importForms(ImportInvocation)
  }

  static func parse(_ arguments: [String]) -> Command? {
    if arguments == ["--version"] { return .version }
    guard !arguments.contains(where: RootParse.mayAskForText) else { return nil }
    var words = arguments[...]
    var name = "dashboard"
    if let first = words.first, !first.hasPrefix("-") {
      name = first
      words = words.dropFirst()
    }
    switch name {
    case "dashboard": return read(words, Self.dashboardOptions).flatMap(dashboard).map(Command.dashboard)
    case "export": return read(words, Self.exportOptions).flatMap(export).map(Command.export)
    case "validate": return read(words, Self.validateOptions).flatMap(validate).map(Command.validate)
    case "import": return read(words, Self.importOptions).flatMap(importForms).map(Command.importForms)
    default: return nil
    }
  }

  // MARK: - The options of each command, as ArgumentParser names them

  private static let dataRequestOptions = ["--data", "--prefer", "--max-size", "--lang", "--snapshot", "--compare"]
  private static let dashboardOptions = OptionTable(
    valued: dataRequestOptions + ["--theme", "--export-dir"], flags: ["--no-mouse", "--no-color"], positionals: false)
  private static let exportOptions = OptionTable(
    valued: dataRequestOptions + ["--view", "--province", "--format", "--width", "--filter", "--output"],
    flags: ["--excel", "--force"], positionals: false)
  private static let validateOptions = OptionTable(valued: ["--lang", "--max-size"], flags: [], positionals: true)
  private static let importOptions = OptionTable(
    valued: ["--lang", "--into", "--snapshot", "--source", "--output"], flags: ["--force", "--timings"],
    positionals: true)

  // MARK: - Plain values from what was given

  private static func dashboard(_ given: GivenOptions) -> DashboardInvocation? {
    guard let request = dataRequest(given) else { return nil }
    let invocation = DashboardInvocation(
      request: request, theme: given.value("--theme"), exportDir: given.value("--export-dir"),
      noMouse: given.has("--no-mouse"), noColor: given.has("--no-color"))
    return (try? invocation.validate()) == nil ? nil : invocation
  }

  private static func export(_ given: GivenOptions) -> ExportInvocation? {
    guard let request = dataRequest(given) else { return nil }
    var invocation = ExportInvocation.defaults
    invocation.request = request
    guard convert(given.value("--view"), into: &invocation.view),
      convert(given.value("--format"), into: &invocation.format),
      convert(given.value("--width"), into: &invocation.width)
    else { return nil }
    invocation.province = given.value("--province")
    invocation.filter = given.value("--filter") ?? invocation.filter
    invocation.excel = given.has("--excel")
    invocation.output = OutputChoice(output: given.value("--output"), force: given.has("--force"))
    return (try? invocation.validate()) == nil ? nil : invocation
  }

  private static func validate(_ given: GivenOptions) -> ValidateInvocation? {
    var invocation = ValidateInvocation(files: given.positionals)
    guard convert(given.value("--lang"), into: &invocation.language),
      convert(given.value("--max-size"), into: &invocation.maxSize)
    else { return nil }
    return (try? invocation.validate()) == nil ? nil : invocation
  }

  private static func importForms(_ given: GivenOptions) -> ImportInvocation? {
    guard let into = given.value("--into"), let output = given.value("--output") else { return nil }
    var invocation = ImportInvocation(
      files: given.positionals, into: into, snapshot: given.value("--snapshot"), source: given.value("--source"),
      output: output, force: given.has("--force"), timings: given.has("--timings"))
    guard convert(given.value("--lang"), into: &invocation.language) else { return nil }
    return (try? invocation.validate()) == nil ? nil : invocation
  }

  /// `--data`, `--prefer`, `--max-size`, `--lang`, `--snapshot` and `--compare`; nil when a value
  /// does not convert.
  private static func dataRequest(_ given: GivenOptions) -> DataRequest? {
    var request = DataRequest(
      data: DataChoice(data: given.value("--data"), prefer: given.value("--prefer")),
      dates: DateChoice(snapshot: given.value("--snapshot"), compare: given.value("--compare")))
    guard convert(given.value("--max-size"), into: &request.data.maxSize),
      convert(given.value("--lang"), into: &request.language)
    else { return nil }
    return request
  }

  /// Converts a given value as ArgumentParser does; false when it is not one.
  private static func convert<Value: ExpressibleByArgument>(_ text: String?, into value: inout Value) -> Bool {
    guard let text else { return true }
    guard let converted = Value(argument: text) else { return false }
    value = converted
    return true
  }

  private static func convert<Value: ExpressibleByArgument>(_ text: String?, into value: inout Value?) -> Bool {
    guard let text else { return true }
    guard let converted = Value(argument: text) else { return false }
    value = converted
    return true
  }

  // MARK: - Reading the words

  /// One command's options: those that take a value, flags, and whether it takes positional words.
  struct OptionTable {
    let valued: [String]
    let flags: [String]
    let positionals: Bool
  }

  /// What a line gave, each option once at most. Arrays, not a dictionary or set: those would
  /// instantiate their generic types by name at every start, a conformance scan each.
  struct GivenOptions {
    var values: [(name: String, value: String)] = []
    var flags: [String] = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values.first { $0.name == name }?.value }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func gave(_ name: String) -> Bool { has(name) || value(name) != nil }
  }

  static func read(_ words: ArraySlice<String>, _ table: OptionTable) -> GivenOptions? {
    var given = GivenOptions()
    var index = words.startIndex
    while index < words.endIndex {
      let word = words[index]
      index += 1
      guard word.hasPrefix("-"), word != "-" else {
        guard table.positionals else { return nil }
        given.positionals.append(word)
        continue
      }
      guard word.hasPrefix("--") || word == "-o" else { return nil }
      var name = word
      var inline: String?
      if let equals = word.utf8.firstIndex(of: UInt8(ascii: "=")) {
        name = String(word[..<equals])
        inline = String(word[word.index(after: equals)...])
      }
      if name == "-o" { name = "--output" }
      guard !given.gave(name) else { return nil }
      if table.flags.contains(name) {
        guard inline == nil else { return nil }
        given.flags.append(name)
        continue
      }
      guard table.valued.contains(name) else { return nil }
      if let inline {
        guard !inline.isEmpty else { return nil }
        given.values.append((name, inline))
        continue
      }
      guard index < words.endIndex, words[index] == "-" || !words[index].hasPrefix("-") else { return nil }
      given.values.append((name, words[index]))
      index += 1
    }
    return given
  }
}

extension QuickCommandLine.Command {
  func run() throws {
    switch self {
    // ArgumentParser's words are put in the command line's language, and the version line has
    // none (`QuickCommandLineTests`): resolving the language would read config.json for nothing.
    case .version: Console.output(DigiTrackVersion.line)
    case .dashboard(let invocation): try invocation.run()
    case .export(let invocation): try invocation.run()
    case .validate(let invocation): try invocation.run()
    case .importForms(let invocation): try invocation.run()
    }
  }
}
