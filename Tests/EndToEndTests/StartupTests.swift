import Foundation
import TestSupport
import Testing

@testable import digitrack_tui

/// What every start of the binary costs (docs/PERFORMANCE.md, "Start-up"), kept from coming back.
@Suite struct StartupTests {
  /// libxlsxwriter brings libcrypto's 21,000 relocations into every start; it is loaded with
  /// dlopen when a workbook is written instead (Sources/CXLSXWriter/lazy.c).
  @Test func theBinaryDoesNotLinkLibxlsxwriter() throws {
    let dynamic = try Binary.runProgram("/usr/bin/readelf", ["-d", Binary.path])
    #expect(dynamic.contains("(NEEDED)"), "readelf printed no NEEDED entries: \(dynamic)")
    #expect(!dynamic.contains("libxlsxwriter"), "\(dynamic)")
    #expect(!dynamic.contains("libcrypto"), "\(dynamic)")
  }

  /// libxml2 brings ICU and liblzma into every start; it is loaded with dlopen when a workbook is
  /// read instead (Sources/CLibXML2/sax.c).
  @Test func theBinaryDoesNotLinkLibxml2() throws {
    let dynamic = try Binary.runProgram("/usr/bin/readelf", ["-d", Binary.path])
    #expect(dynamic.contains("(NEEDED)"), "readelf printed no NEEDED entries: \(dynamic)")
    #expect(!dynamic.contains("libxml2"), "\(dynamic)")
    #expect(!dynamic.contains("libicu"), "\(dynamic)")
  }

  /// Full Foundation brings ICU, a fifth more code to page in and 57% more protocol conformance
  /// records for every start's scans; the binary needs only FoundationEssentials
  /// (Sources/DigiTrackModel/Text/PlainText.swift has what it took from full Foundation).
  @Test func theBinaryDoesNotLinkFullFoundation() throws {
    let dynamic = try Binary.runProgram("/usr/bin/readelf", ["-d", Binary.path])
    #expect(dynamic.contains("(NEEDED)"), "readelf printed no NEEDED entries: \(dynamic)")
    #expect(!dynamic.contains("[libFoundation.so]"), "\(dynamic)")
    #expect(!dynamic.contains("libFoundationInternationalization"), "\(dynamic)")
    #expect(!dynamic.contains("_FoundationICU"), "\(dynamic)")
  }

  @Test func aWorkbookIsStillReadWithTheLibraryLoadedOnFirstUse() throws {
    let folder = try TemporaryFolder()
    let form = folder.path + "/form.xlsx"
    let demo = folder.path + "/demo.json"
    let imported = folder.path + "/imported.json"
    let written = try Binary.run(["form", "--demo", "--province", "lang son", "-o", form, "--lang", "en"])
    #expect(written.status == 0, "\(written.stderr)")
    let template = try Binary.run(["template", "--demo", "-o", demo])
    #expect(template.status == 0, "\(template.stderr)")
    let result = try Binary.run(["import", form, "--into", demo, "-o", imported, "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    let validated = try Binary.run(["validate", imported])
    #expect(validated.status == 0, "\(validated.stderr)")
  }

  @Test func aWorkbookIsStillWrittenWithTheLibraryLoadedOnFirstUse() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/form.xlsx"
    let result = try Binary.run(["form", "--demo", "--province", "lang son", "-o", path, "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "not a ZIP file")
  }

  /// A named subcommand parsed alone gives what the whole tree gives; what it cannot take alone
  /// (help, completion scripts, mistakes, the default subcommand) is left to the whole tree.
  @Test func aNamedSubcommandParsesAloneAsUnderTheRoot() throws {
    let alone: [[String]] = [
      ["export", "--view", "matrix", "--width", "200", "-o", "/dev/null"],
      ["export", "--data", "tinh.json", "--view", "province", "--province", "Lạng Sơn", "--lang", "en"],
      ["validate", "tinh.json"],
      ["generate", "--provinces", "3", "--communes", "30", "--criteria", "4", "--seed", "7"],
      ["themes", "--lang", "en"],
      ["dashboard", "--data", "tinh.json"],
    ]
    for arguments in alone {
      let command = try #require(DigiTrackCommand.parseNamedSubcommand(arguments), "\(arguments)")
      let whole = try DigiTrackCommand.parseAsRoot(arguments)
      #expect(type(of: command) == type(of: whole), "\(arguments)")
      #expect(String(describing: command) == String(describing: whole), "\(arguments)")
    }
    let left: [[String]] = [
      [], ["--version"], ["--help"], ["--data", "tinh.json"], ["export", "--help"], ["help", "export"],
      ["export", "--bogus"], ["export", "--width", "5"], ["export", "--generate-completion-script", "bash"],
      ["validate"], ["exports"],
    ]
    for arguments in left {
      #expect(DigiTrackCommand.parseNamedSubcommand(arguments) == nil, "\(arguments)")
    }
  }

  /// The dashboard and `--version` parse through the whole tree without the completion walks,
  /// to the same command; whatever can print a help, usage or completion text is left to the
  /// whole tree as before, and the root's configuration is its own again afterwards.
  @Test func theRootParsesWithoutCompletionWalksAsTheWholeTree() throws {
    let taken: [[String]] = [
      [], ["--data", "tinh.json"], ["--data", "tinh.json", "--lang", "en", "--snapshot", "first"],
      ["--theme", "mono", "--data", "tinh.json"],
    ]
    for arguments in taken {
      let command = try #require(try DigiTrackCommand.parseRootWithoutCompletionWalks(arguments), "\(arguments)")
      let whole = try DigiTrackCommand.parseAsRoot(arguments)
      #expect(type(of: command) == type(of: whole), "\(arguments)")
      #expect(String(describing: command) == String(describing: whole), "\(arguments)")
      #expect(DigiTrackCommand.configuration._superCommandName == nil)
    }
    #expect(throws: (any Error).self) { try DigiTrackCommand.parseRootWithoutCompletionWalks(["--version"]) }
    let left: [[String]] = [
      ["--help"], ["-h"], ["help"], ["help", "export"], ["--generate-completion-script", "bash"],
      ["--experimental-dump-help"], ["--bogus"], ["--data"], ["--lang", "xx"],
    ]
    for arguments in left {
      #expect(try DigiTrackCommand.parseRootWithoutCompletionWalks(arguments) == nil, "\(arguments)")
      #expect(DigiTrackCommand.configuration._superCommandName == nil)
    }
    let version = try Binary.run(["--version"])
    #expect(version.status == 0 && version.stdout.hasPrefix("digitrack-tui "), "\(version.stderr)")
    let mistake = try Binary.run(["--bogus", "--lang", "en"])
    #expect(
      mistake.stderr.contains("Usage: digitrack-tui ") && !mistake.stderr.contains("digitrack-tui digitrack-tui"),
      "\(mistake.stderr)")
  }

  /// Parsed alone, a subcommand skips ArgumentParser's walks of the completion-script options
  /// (a fifth of a national export's instructions with the first conformance scans they pay):
  /// only a command with a super command does, and the whole tree is unchanged by it.
  @Test func everySubcommandNamesTheRootAsItsSuperCommand() throws {
    for subcommand in DigiTrackCommand.configuration.subcommands {
      #expect(subcommand.configuration._superCommandName == "digitrack-tui", "\(subcommand)")
    }
    #expect(DigiTrackCommand.configuration._superCommandName == nil)
    let script = try Binary.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0 && script.stdout.contains("_digitrack-tui"), "\(script.stderr)")
    let underExport = try Binary.run(["export", "--generate-completion-script", "bash"])
    #expect(underExport.stdout == script.stdout, "\(underExport.stderr)")
  }

  /// The Vietnamese of ArgumentParser's words is plain matching now; the regular expressions it
  /// replaced are the oracle, on texts made of its phrases, their near misses, names and newlines.
  @Test func parserPhrasesTranslateAsTheRegularExpressionsDid() throws {
    var random = SeededRandom.fromEnvironment("parserPhrases")
    let fragments = [
      "Error: ", "Missing expected argument '", "Unknown option '", "'. Did you mean '", "'?",
      "Missing value for '", "Unexpected argument '", "The value '", "' is invalid for '",
      ". Please provide one of the following:", ". Please provide one of ", "' and '", "Usage: ",
      "Help: ", "See '", "' for more information.", " <subcommand>' for detailed help.", "OVERVIEW: ",
      "USAGE: ", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show the version.", "Show help information.",
      "(default: ", " (default)", "'", ".", "\n", "\n", " ", "--data", "tỉnh Lạng Sơn", "x", "?", "Error",
      "USAGE", ":", "(", ")", "'--view'",
    ]
    for _ in 0..<3000 {
      let count = Int.random(in: 1...12, using: &random)
      let text = (0..<count).map { _ in fragments.randomElement(using: &random)! }.joined()
      #expect(
        CommandText.vietnameseParserOutput(text) == Self.withRegularExpressions(text),
        "\(String(reflecting: text)) (seed \(random.seed))")
    }
  }

  /// The implementation before plain matching, verbatim.
  static func withRegularExpressions(_ text: String) -> String {
    var text = text
    let patterns: [(String, String)] = [
      (#"^Error: "#, "Lỗi: "),
      (#"Missing expected argument '(.*?)'"#, "thiếu tham số bắt buộc '$1'"),
      (#"Unknown option '(.*?)'. Did you mean '(.*?)'\?"#, "không có tùy chọn '$1'. Có phải là '$2'?"),
      (#"Unknown option '(.*?)'"#, "không có tùy chọn '$1'"),
      (#"Missing value for '(.*?)'"#, "thiếu giá trị cho '$1'"),
      (#"Unexpected argument '(.*?)'"#, "tham số thừa '$1'"),
      (#"The value '(.*?)' is invalid for '(.*?)'"#, "giá trị '$1' không hợp lệ cho '$2'"),
      (#"\. Please provide one of the following:"#, ". Hãy chọn một trong các giá trị sau:"),
      (#"\. Please provide one of (.*)\."#, ". Hãy chọn một trong các giá trị $1."),
      (#"' and '"#, "' và '"),
      (#"(?m)^Usage: "#, "Cách dùng: "),
      (#"(?m)^Help: "#, "Hướng dẫn: "),
      (#"See '(.*?)' for more information\."#, "Xem '$1' để biết thêm."),
      (#"See '(.*?) <subcommand>' for detailed help\."#, "Xem '$1 <lệnh-con>' để có hướng dẫn chi tiết."),
      (#"(?m)^OVERVIEW: "#, "TỔNG QUAN: "),
      (#"(?m)^USAGE: "#, "CÁCH DÙNG: "),
      (#"(?m)^ARGUMENTS:"#, "THAM SỐ:"),
      (#"(?m)^OPTIONS:"#, "TÙY CHỌN:"),
      (#"(?m)^SUBCOMMANDS:"#, "LỆNH CON:"),
      (#"Show the version\."#, "Hiện phiên bản."),
      (#"Show help information\."#, "Hiện hướng dẫn này."),
      (#"\(default: "#, "(mặc định: "),
      (#" \(default\)"#, " (mặc định)"),
    ]
    for (pattern, replacement) in patterns {
      text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return text
  }
}
