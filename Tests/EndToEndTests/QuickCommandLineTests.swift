import TestSupport
import Testing

@testable import digitrack_tui

/// `QuickCommandLine` reads the everyday command lines without ArgumentParser; whatever it
/// accepts must be exactly what ArgumentParser makes of the same line, and what it cannot read
/// exactly it must leave to ArgumentParser.
@Suite struct QuickCommandLineTests {
  /// What ArgumentParser makes of a line, in the same terms; nil when it fails, asks for help or
  /// names another command.
  static func viaArgumentParser(_ arguments: [String]) -> QuickCommandLine.Command? {
    do {
      switch try DigiTrackCommand.parseAsRoot(arguments) {
      case let command as DashboardCommand: return .dashboard(command.invocation)
      case let command as ExportCommand: return .export(command.invocation)
      case let command as ValidateCommand: return .validate(command.invocation)
      case let command as ImportCommand: return .importForms(command.invocation)
      default: return nil
      }
    } catch {
      let isVersion =
        DigiTrackCommand.exitCode(for: error) == .success
        && DigiTrackCommand.fullMessage(for: error) == DigiTrackVersion.line
      return isVersion ? .version : nil
    }
  }

  static func expectSameReading(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let quick = QuickCommandLine.parse(arguments) else { return }
    let parsed = viaArgumentParser(arguments)
    #expect(parsed == quick, "\(arguments)", sourceLocation: sourceLocation)
  }

  /// The lines of README, the help texts and the benchmark: read quickly, and as ArgumentParser reads them.
  @Test(arguments: [
    [], ["--version"], ["dashboard"], ["--data", "tinh.json", "--lang", "en"], ["--snapshot", "31/07/2025"],
    ["--compare", "first"], ["--data", "tinh.json", "--lang", "en", "--export-dir", "/tmp/bao-cao"],
    ["--theme", "dark", "--no-mouse", "--no-color", "--max-size", "64", "--prefer", "newer"],
    ["dashboard", "--data=bao-cao", "--snapshot=latest"],
    ["export"], ["export", "--view", "province", "--province", "lang son", "--lang", "en"],
    ["export", "--data", "tinh.json", "--view", "matrix", "--width", "200", "-o", "matrix.txt"],
    ["export", "--data", "x.json", "--view", "matrix", "--width", "200", "-o", "/dev/null"],
    ["export", "--format", "csv", "-o", "tinh.csv"], ["export", "--format", "csv", "--excel", "-o", "tinh.csv"],
    ["export", "--format", "xlsx", "--view", "matrix", "-o", "ma-tran.xlsx", "--force"],
    ["export", "--snapshot", "2025-07-31"], ["export", "--compare", "first", "--format", "json"],
    ["export", "--view", "trend", "--format", "csv", "-o", "xu-huong.csv"], ["export", "--filter", "ha", "-o", "-"],
    ["export", "--output=out.md", "--format=markdown", "--width=80", "--filter=a=b"],
    ["export", "--view", "overdue", "--max-size", "2"], ["validate", "tinh.json"],
    ["validate", "a.json", "b.json", "--lang", "en"], ["validate", "--max-size", "8", "a.json"],
    ["import", "lang-son.xlsx", "--into", "tinh.json", "-o", "tinh-moi.json"],
    ["import", "a.xlsx", "b.ods", "--into", "tinh.json", "--snapshot", "31/01/2026", "-o", "moi.json", "--force"],
    ["import", "--lang", "en", "a.csv", "--into=t.json", "--output=o.json", "--source", "s1", "--timings"],
  ])
  func everydayLinesAreReadQuicklyAndTheSame(_ arguments: [String]) {
    #expect(QuickCommandLine.parse(arguments) != nil, "\(arguments) went to ArgumentParser")
    Self.expectSameReading(arguments)
  }

  /// `--version` prints its line as it is in both languages: it has none of ArgumentParser's words.
  @Test func theVersionLineNeedsNoTranslation() {
    #expect(CommandText.vietnameseParserOutput(DigiTrackVersion.line) == DigiTrackVersion.line)
  }

  /// Help, mistakes and forms it does not read exactly go to ArgumentParser, for its messages.
  @Test(arguments: [
    ["-h"], ["--help"], ["help"], ["export", "--help"], ["help", "export"], ["validate", "help"],
    ["--version", "--data", "x"], ["export", "--version"], ["--generate-completion-script", "bash"],
    ["--experimental-dump-help"], ["export", "--width", "19"], ["export", "--width", "abc"],
    ["export", "--width", "-5"], ["export", "--view", "province"], ["export", "--excel"],
    ["export", "--view", "bogus"], ["export", "--format", "pdf"], ["--lang", "fr"], ["--max-size", "0"],
    ["--max-size", "70000"], ["--snapshot", "yesterday"], ["--compare", "32/13/2025"], ["export", "-o"],
    ["export", "-o=x.txt"], ["export", "-ox.txt"], ["export", "--force=true"], ["export", "--", "x"],
    ["export", "--data", "a", "--data", "b"], ["export", "-o", "a", "--output", "b"], ["--force"],
    ["--filter", "x"], ["stray"], ["-"], ["template"], ["bogus", "--data", "x"], ["validate"],
    ["validate", "--max-size", "x", "a.json"], ["export", "--filter", "--force"],
    ["--data="], ["-x"], ["import", "a.xlsx", "-o", "o.json"], ["import", "--into", "t.json", "-o", "o.json"],
    ["import", "a.xlsx", "--into", "t.json"], ["export", "--view", "province", "--province"],
    ["--no-mouse", "--no-mouse"],
  ])
  func otherLinesAreLeftToArgumentParser(_ arguments: [String]) {
    #expect(QuickCommandLine.parse(arguments) == nil, "\(arguments) was read without ArgumentParser")
  }

  /// Seeded random lines built from every option, value and form: whatever the quick reader
  /// accepts, ArgumentParser reads the same.
  @Test func randomLinesReadTheSameEitherWay() {
    var generator = SeededRandom.fromEnvironment("QuickCommandLineTests")
    let seed = generator.seed
    let commands: [[String]] = [[], ["dashboard"], ["export"], ["validate"], ["import"]]
    let words = [
      "--data", "tinh.json", "--data=x.json", "--prefer", "newer", "--max-size", "3", "--max-size=0", "+5",
      "--lang", "en", "vi", "--lang=fr", "--snapshot", "first", "2025-07-31", "31/07/2025", "--compare=latest",
      "--theme", "dark", "--export-dir", "/tmp", "--no-mouse", "--no-color", "--view", "matrix", "province",
      "trend", "overdue", "--province", "lang son", "--format", "csv", "json", "xlsx", "markdown", "--width", "200",
      "59", "--width=1000", "--filter", "", "a=b", "--excel", "-o", "-", "out.txt", "--output", "--force",
      "a.json", "-", "--", "-v", "--widths", "10", "--into", "t.json", "--source", "s", "--timings",
    ]
    var accepted = 0
    for _ in 0..<1500 {
      var line = commands.randomElement(using: &generator)!
      for _ in 0..<Int.random(in: 0...7, using: &generator) { line.append(words.randomElement(using: &generator)!) }
      if QuickCommandLine.parse(line) != nil { accepted += 1 }
      Self.expectSameReading(line)
    }
    #expect(accepted > 100, "only \(accepted) of 1500 random lines were read quickly (seed \(seed))")
  }
}
