import Foundation
import TestSupport
import Testing

/// The non-interactive commands, run as a script would run them.
@Suite struct CommandLineTests {
  static let exports: [(String, [String])] = {
    var cases: [(String, [String])] = []
    for language in ["vi", "en"] {
      for format in ["text", "markdown", "csv", "json"] {
        for view in ["overview", "matrix", "province", "overdue", "trend"] {
          var arguments = ["export", "--view", view, "--format", format, "--lang", language, "--width", "120"]
          if view == "province" { arguments += ["--province", "Lạng Sơn"] }
          let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"][format]!
          cases.append(("export-\(view)-\(language).\(ext)", arguments))
        }
      }
    }
    return cases
  }()

  @Test(arguments: exports.map(\.0))
  func goldenExports(_ name: String) throws {
    let arguments = Self.exports.first { $0.0 == name }!.1
    let result = try Binary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    golden.check(result.stdout, name)
  }

  @Test func overviewIsTheDefaultAndShowsTheSeedFiguresInBothFormats() throws {
    let vi = try Binary.run(["export"])
    #expect(vi.status == 0)
    #expect(vi.stdout.contains("4.450.000 / 5.300.000"))
    #expect(vi.stdout.contains("84,0%"))
    #expect(vi.stdout.contains("Lạng Sơn"))
    #expect(vi.stdout.contains("31/32"))
    #expect(vi.stdout.contains("số liệu minh họa"))
    let en = try Binary.run(["export", "--lang", "en"])
    #expect(en.stdout.contains("4,450,000 / 5,300,000"))
    #expect(en.stdout.contains("84.0%"))
    #expect(en.stdout.contains("illustrative"))
  }

  @Test func csvOverviewHasAHeaderAndOneRowPerProvinceInOverviewOrder() throws {
    let csv = try Binary.run(["export", "--format", "csv"]).stdout
    let rows = csv.split(separator: "\r\n")
    #expect(rows.count == 35)
    #expect(rows[0].hasPrefix("snapshot,rank,code,name,"))
    #expect(rows.contains { $0.contains(",20,Lạng Sơn,") && $0.contains(",31,32,") })
    let text = try Binary.run(["export", "--width", "120"]).stdout
    // The same order as the text overview.
    let csvNames = rows.dropFirst().map { $0.split(separator: ",")[3] }
    var position = text.startIndex
    for name in csvNames {
      guard let found = text.range(of: String(name), range: position..<text.endIndex) else {
        Issue.record("\(name) out of order")
        return
      }
      position = found.upperBound
    }
  }

  @Test func exportWritesAFileWithDashO() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let result = try Binary.run(["export", "--view", "matrix", "-o", folder + "/m.txt"])
    #expect(result.status == 0)
    let written = try String(contentsOfFile: folder + "/m.txt", encoding: .utf8)
    #expect(written == (try Binary.run(["export", "--view", "matrix"]).stdout))
  }

  @Test func outputToADeviceOrThroughASymlinkKeepsThemWhatTheyAre() throws {
    #expect(try Binary.run(["export", "-o", "/dev/null", "--lang", "en"]).status == 0)
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null must stay a device")
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.txt", withDestinationPath: folder + "/real.txt")
    #expect(try Binary.run(["template", "-o", folder + "/link.txt", "--lang", "en"]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.txt") == folder + "/real.txt")
    #expect(FileManager.default.contents(atPath: folder + "/real.txt")?.count ?? 0 > 1000)
    let directory = try Binary.run(["template", "-o", folder, "--lang", "en"])
    #expect(directory.status == 2)
    #expect(directory.stderr.contains("is a directory"))
  }

  @Test func exportUnderTheCLocaleFallsBackToASCII() throws {
    let result = try Binary.run(
      ["export", "--view", "province", "--province", "lang son"], environment: ["LANG": "C", "LC_ALL": "C"])
    #expect(result.status == 0)
    #expect(result.stdoutBytes.allSatisfy { $0 < 0x80 })
    #expect(result.stdout.contains("Lang Son"))
  }

  @Test func unknownProvinceIsAClearError() throws {
    let result = try Binary.run(["export", "--view", "province", "--province", "Atlantis", "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no province matches \"Atlantis\"; give a code or a name: 01 Hà Nội,"))
  }

  @Test func templateIsValidAndValidateSaysSo() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    #expect(try Binary.run(["template", "-o", folder + "/t.json", "--lang", "en"]).status == 0)
    let result = try Binary.run(["validate", folder + "/t.json", "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("valid: 34 provinces"))
  }

  @Test func validateReportsEveryErrorWithItsPlaceAndExitsOne() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    var text = try Binary.run(["template", "--demo", "--lang", "en"]).stdout
    text = text.replacingOccurrences(of: "\"T05\": \"green\"", with: "\"T05\": \"blue\"")
    text = text.replacingOccurrences(of: "\"total\": 65,", with: "\"total\": 66,")
    try text.write(toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
    let result = try Binary.run(["validate", folder + "/bad.json", "--lang", "en"])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count >= 2)
    #expect(
      result.stderr.contains(
        "error: snapshots[0].reports[0].provincial.statuses.T05 (Hà Nội): \"blue\" is not one of"), "\(result.stderr)")
    #expect(result.stderr.contains("wards + communes + specialZones = 65, but total is 66"))
  }

  @Test func validateGivesLineAndColumnForSyntaxErrors() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    try "{\n  \"format\": \"digitrack/1\",\n  \"title\": ,\n}".write(
      toFile: folder + "/s.json", atomically: true, encoding: .utf8)
    let result = try Binary.run(["validate", folder + "/s.json", "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(folder + "/s.json:3:12: error: invalid JSON"), "\(result.stderr)")
  }

  @Test func missingFilesAndFoldersAreUnreadable() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let missing = try Binary.run(["validate", folder + "/none.json", "--lang", "en"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("none.json: error: cannot open: No such file or directory"))
    let directory = try Binary.run(["validate", folder, "--lang", "en"])
    #expect(directory.status == 2)
    #expect(directory.stderr.contains("is a directory"))
    let dashboard = try Binary.run(["--data", folder + "/none.json", "--lang", "en"])
    #expect(dashboard.status == 2)
    #expect(dashboard.stdout.isEmpty)
  }

  @Test func aFileAboveTheSizeLimitIsRefusedBeforeReading() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let path = folder + "/big.json"
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 3 << 20)
    try handle.close()
    let result = try Binary.run(["validate", "--max-size", "2", path, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("larger than the 2 MiB limit"))
  }

  @Test func generateIsDeterministicAndValid() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    let arguments = ["generate", "--provinces", "34", "--communes", "3321", "--criteria", "40", "--seed", "7"]
    let first = try Binary.run(arguments)
    let second = try Binary.run(arguments)
    #expect(first.status == 0)
    #expect(first.stdoutBytes == second.stdoutBytes)
    let other = try Binary.run([
      "generate", "--provinces", "34", "--communes", "3321", "--criteria", "40", "--seed", "8", "--lang", "en",
    ])
    #expect(other.stdoutBytes != first.stdoutBytes)
    try first.stdoutBytes.write(to: URL(fileURLWithPath: folder + "/g.json"))
    let validated = try Binary.run(["validate", folder + "/g.json", "--lang", "en"])
    #expect(validated.status == 0, "\(validated.stderr)")
    #expect(validated.stdout.contains("34 provinces, 40 criteria"))
    let province = try Binary.run([
      "export", "--data", folder + "/g.json", "--view", "province", "--province", "P0001", "--lang", "en",
    ])
    #expect(province.stdout.contains("Xã Mẫu"))
  }

  @Test func usageErrorsExitWith64() throws {
    #expect(try Binary.run(["export", "--width", "5"]).status == 64)
    #expect(try Binary.run(["export", "--view", "province"]).status == 64)
    #expect(try Binary.run(["validate"]).status == 64)
    #expect(try Binary.run(["generate", "--provinces", "5", "--communes", "2", "--criteria", "3"]).status == 64)
  }

  /// Issue 12, item 9: a text export narrower than the view's minimum is refused, naming it; the
  /// other formats do not depend on the width.
  @Test func aTooNarrowTextExportIsRefusedWithTheMinimum() throws {
    let refused = try Binary.run(["export", "--width", "45", "--lang", "en"])
    #expect(refused.status == 64 && refused.stderr.contains("the minimum is 60 columns"), "\(refused.stderr)")
    #expect(try Binary.run(["export", "--width", "60"]).status == 0)
    #expect(try Binary.run(["export", "--width", "30", "--format", "csv"]).status == 0)
  }

  @Test(arguments: ["", "export", "validate", "template", "generate", "dashboard", "themes"])
  func everyCommandHasHelpWithExamples(_ command: String) throws {
    let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
    let result = try Binary.run(arguments + ["--lang", "en"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("OPTIONS:"))
  }

  /// Issue 16, item 4: the help is in the user's language, headings and option texts included;
  /// Vietnamese by default, and every option's text is translated (no line is the English one).
  @Test(arguments: ["", "export", "validate", "template", "generate", "dashboard", "themes", "import", "merge", "form"])
  func everyCommandHasHelpInVietnamese(_ command: String) throws {
    let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
    let vi = try Binary.run(arguments)
    let en = try Binary.run(arguments + ["--lang", "en"])
    #expect(vi.status == 0)
    if !command.isEmpty { #expect(vi.stdout == (try Binary.run(arguments + ["--lang", "vi"]).stdout)) }
    for word in ["TỔNG QUAN:", "CÁCH DÙNG:", "TÙY CHỌN:", "Ví dụ:", "Hiện hướng dẫn này."] {
      #expect(vi.stdout.contains(word), "\(command): \(word)")
    }
    for word in ["OVERVIEW:", "OPTIONS:", "Examples:", "Show help information."] {
      #expect(!vi.stdout.contains(word), "\(command): \(word)")
    }
    // An option's line starts with its flag: the text after it differs from the English.
    let options = { (text: String) in
      text.split(separator: "\n").filter { $0.hasPrefix("  -") }.map { String($0) }
    }
    for (english, vietnamese) in zip(options(en.stdout), options(vi.stdout))
    where !english.hasPrefix("  -h, --help") && english.trimmingCharacters(in: .whitespaces).contains("  ") {
      #expect(english != vietnamese, "\(command): untranslated: \(english)")
    }
  }

  @Test func usageErrorsSpeakTheChosenLanguage() throws {
    let vi = try Binary.run(["export", "--bogus"])
    #expect(vi.status == 64)
    #expect(vi.stderr.hasPrefix("Lỗi: không có tùy chọn '--bogus'"), "\(vi.stderr)")
    #expect(vi.stderr.contains("Cách dùng: digitrack-tui export"))
    let en = try Binary.run(["export", "--bogus", "--lang", "en"])
    #expect(en.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(en.stderr)")
    let width = try Binary.run(["export", "--width", "5"])
    #expect(width.stderr.hasPrefix("Lỗi: --width phải từ 20 đến 1000"), "\(width.stderr)")
  }

  @Test func dashboardWithoutATerminalPrintsTheOverview() throws {
    let result = try Binary.run([])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Lạng Sơn"))
    #expect(result.stdout == (try Binary.run(["export"]).stdout))
  }
}

/// Issue 16, item 7, on the command line.
@Suite struct ActionableCommandLineTests {
  @Test func aProvinceQueryThatMatchesSeveralListsOnlyThose() throws {
    let result = try Binary.run(["export", "--province", "son"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "lỗi: \"son\" khớp với nhiều tỉnh, thành phố: 20 Lạng Sơn, 14 Sơn La; hãy ghi mã hoặc tên đầy đủ hơn\n",
      "\(result.stderr)")
    let en = try Binary.run(["export", "--province", "son", "--lang", "en"])
    #expect(en.stderr.contains("\"son\" matches several provinces: 20 Lạng Sơn, 14 Sơn La;"), "\(en.stderr)")
  }

  @Test func aWriteIntoAMissingFolderNamesTheFolder() throws {
    let folder = try Binary.temporaryFolder() + "/khong-co"
    let result = try Binary.run(["export", "-o", folder + "/x.txt"])
    #expect(result.status == 2)
    #expect(
      result.stderr == "\(folder)/x.txt: lỗi: không ghi được tệp: chưa có thư mục \(folder)\n", "\(result.stderr)")
    let en = try Binary.run(["export", "-o", folder + "/x.txt", "--lang", "en"])
    #expect(en.stderr == "\(folder)/x.txt: error: cannot write: the folder \(folder) does not exist\n", "\(en.stderr)")
  }

  @Test func validateSpeaksTheChosenLanguageAndGivesTheValuesPlace() throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../DigiTrackModelTests/Corpus").standardized.path
    let vi = try Binary.run(["validate", corpus + "/count-negative.json"])
    #expect(vi.status == 1)
    #expect(
      vi.stderr.hasSuffix(
        "count-negative.json:56:33: lỗi: snapshots[0].reports[0].communes.green (Lạng Sơn): không được là số âm (gặp -1)\n"
      ),
      "\(vi.stderr)")
    let warned = try Binary.run(["validate", corpus + "/warning-red-before-deadline.json"])
    #expect(warned.status == 0)
    #expect(warned.stdout.contains(": hợp lệ: 2 tỉnh, thành phố, 5 tiêu chí, 2 kỳ số liệu"))
    #expect(warned.stderr.contains(": cảnh báo: snapshots[0].reports[0].provincial.statuses.T03"))
  }
}
