import DigiTrackModel
import Foundation
import Testing

@testable import DigiTrackUI

/// Issue 12 item 19: config.json's `keys` is read into bindings, and every mistake in it is a
/// message in both languages at the JSON path it is about.
@Suite struct KeyBindingsParsingTests {
  /// `keys`' value as the executable reads it: `JSONTree`'s values.
  static func parse(_ json: String) -> Result<KeyBindings, KeyBindingErrors> {
    let object = (try? JSONTree.parse(Array(json.utf8))) ?? JSONTree.Null()
    return KeyBindings.parse(object)
  }

  /// The only problem `json` has: where it is (spelled as messages spell paths) and its text.
  static func problem(_ json: String) -> (places: [String], name: Bool, text: LocalizedText)? {
    guard case .failure(let errors) = parse(json), errors.problems.count == 1, let only = errors.problems.first else {
      return nil
    }
    return (only.places.map { JSONPositions.spell($0.steps) }, only.places.first?.isName ?? false, only.text)
  }

  @Test func theDefaultsAreTodaysKeysWithoutAClash() throws {
    let bindings = try #require(try? Self.parse("{}").get())
    #expect(bindings == .defaults)
    #expect(bindings.keys(for: .quit) == ["q", "Q"])
    let expected: [KeyAction: Character] = [
      .help: "?", .filter: "/", .onlyOpen: "o", .nextOpen: "n", .previousOpen: "N", .sort: "s", .reverse: "r",
      .previousDate: "[", .nextDate: "]", .compare: "c", .trend: "t", .overdue: "d", .export: "e", .reload: "R",
      .up: "k", .down: "j", .top: "g", .bottom: "G", .left: "h", .right: "l", .previousBand: "H", .nextBand: "L",
      .exportText: "t", .exportMarkdown: "m", .exportCSV: "c", .exportJSON: "j", .exportExcel: "x",
    ]
    #expect(expected.count == KeyAction.allCases.count - 1)
    for (action, key) in expected { #expect(bindings.keys(for: action) == [key], "\(action)") }
  }

  @Test func aBindingReplacesTheDefaultAndSeveralKeysAndNoneAreAllowed() throws {
    let bindings = try #require(try? Self.parse(#"{"quit": ["x", "Q"], "nextOpen": [], "export": "E"}"#).get())
    #expect(bindings.keys(for: .quit) == ["x", "Q"])
    #expect(bindings.keys(for: .nextOpen).isEmpty)
    #expect(bindings.keys(for: .export) == ["E"])
    #expect(bindings.action(for: .character("q")) == nil)
    #expect(bindings.action(for: .character("x")) == .quit)
    #expect(bindings.action(for: .character("e")) == nil)
    // The export prompt's keys are their own: `c` is CSV there and compare on the dashboard.
    #expect(bindings.action(for: .character("c")) == .compare)
    #expect(bindings.action(for: .character("c"), in: .exportPrompt) == .exportCSV)
    #expect(bindings.label(.quit) == "x Q")
    #expect(bindings.label(.quit, all: false) == "x")
  }

  @Test func keysMustBeAnObject() {
    let found = Self.problem(#"["q"]"#)
    #expect(found?.places == ["keys"])
    #expect(found?.text.en == "must be an object such as {\"quit\": [\"q\", \"x\"], \"export\": \"e\"}")
    #expect(found?.text.vi == "phải là một đối tượng dạng {\"quit\": [\"q\", \"x\"], \"export\": \"e\"}")
  }

  @Test func anUnknownActionIsNamedAtItsName() {
    let found = Self.problem(#"{"qiut": "x"}"#)
    #expect(found?.places == ["keys.qiut"])
    #expect(found?.name == true)
    let all = KeyAction.allCases.map(\.rawValue).joined(separator: ", ")
    #expect(found?.text.en == "unknown action \"qiut\"; actions: \(all)")
    #expect(found?.text.vi == "không có thao tác \"qiut\"; các thao tác: \(all)")
    let cased = Self.problem(#"{"Quit": "x"}"#)
    #expect(cased?.text.en.hasPrefix("unknown action \"Quit\" (did you mean \"quit\"?); actions: ") == true)
    #expect(cased?.text.vi.hasPrefix("không có thao tác \"Quit\" (có phải là \"quit\"?); các thao tác: ") == true)
  }

  @Test func aValueMustBeAKeyOrAListOfKeys() {
    for json in [#"{"quit": 5}"#, #"{"quit": {"key": "x"}}"#] {
      let found = Self.problem(json)
      #expect(found?.places == ["keys.quit"], "\(json)")
      #expect(
        found?.text.en == "must be a key (\"x\") or a list of keys ([\"q\", \"Q\"]; [] leaves the action without a key)"
      )
      #expect(
        found?.text.vi
          == "cần một phím (\"x\") hoặc một danh sách phím ([\"q\", \"Q\"]; [] để thao tác không có phím nào)")
    }
    #expect(Self.problem(#"{"quit": ["q", true]}"#)?.places == ["keys.quit[1]"])
  }

  @Test func aKeyIsOnePrintableCharacter() {
    let empty = Self.problem(#"{"export": ""}"#)
    #expect(empty?.places == ["keys.export"])
    #expect(empty?.text == LocalizedText(vi: "phím không được để trống", en: "a key cannot be empty"))

    let two = Self.problem(#"{"export": ["e", "ab"]}"#)
    #expect(two?.places == ["keys.export[1]"])
    #expect(two?.text.en == "\"ab\" is not a key: a key is one character (a list [\"a\", \"b\"] binds several)")
    #expect(
      two?.text.vi
        == "\"ab\" không phải là một phím: mỗi phím là đúng một ký tự (danh sách [\"a\", \"b\"] gán nhiều phím)")

    for (json, shown) in [
      (#"{"export": "\u0001"}"#, "\\u0001"), (#"{"export": " "}"#, " "), (#"{"export": "\t"}"#, "\\u0009"),
    ] {
      let control = Self.problem(json)
      #expect(
        control?.text.en
          == "\"\(shown)\" cannot be bound: control characters, spaces and invisible characters are not keys",
        "\(json): \(String(describing: control?.text.en))")
      #expect(
        control?.text.vi
          == "\"\(shown)\" không gán được: ký tự điều khiển, khoảng trắng và ký tự vô hình không phải là phím")
    }
    // A combining accent typed after a letter is one character: "é" written decomposed is a key.
    #expect((try? Self.parse(#"{"export": "e\u0301"}"#).get())?.keys(for: .export) == ["e\u{301}"])
  }

  @Test func theFixedKeysAndFunctionKeysCannotBeBound() {
    for name in ["Tab", "Enter", "esc", "Backspace", "PgDn", "Ctrl-C", "Space"] {
      let found = Self.problem("{\"export\": \"\(name)\"}")
      #expect(found?.text.en.hasPrefix("\"\(name)\" is a fixed key and cannot be bound (fixed: the arrows,") == true)
      #expect(found?.text.vi.hasPrefix("\"\(name)\" là phím cố định, không gán lại được (phím cố định:") == true)
    }
    let function = Self.problem(#"{"help": "F1"}"#)
    #expect(function?.text.en == "\"F1\": the dashboard does not read function keys; use one character")
    #expect(function?.text.vi == "\"F1\": bảng điều khiển không đọc các phím chức năng; hãy dùng một ký tự")
  }

  @Test func aKeyBoundTwiceNamesBothActions() {
    // Against a default: the message says whose default it is and how to free it.
    let byDefault = Self.problem(#"{"export": "q"}"#)
    #expect(byDefault?.places == ["keys.export"])
    #expect(
      byDefault?.text.en
        == "key \"q\" is bound to both quit and export; \"q\" is quit's default: give quit another key, or [] for none")
    #expect(
      byDefault?.text.vi
        == "phím \"q\" được gán cho cả quit và export; \"q\" là phím mặc định của quit: hãy gán cho quit phím khác, hoặc [] để bỏ"
    )
    // Both in the file: both places, no default to speak of.
    let both = Self.problem(#"{"export": "x", "reload": ["y", "x"]}"#)
    #expect(both?.places == ["keys.export", "keys.reload[1]"])
    #expect(both?.text.en == "key \"x\" is bound to both export and reload")
    #expect(both?.text.vi == "phím \"x\" được gán cho cả export và reload")
    // Freeing the default makes it fine.
    #expect((try? Self.parse(#"{"export": "q", "quit": "x"}"#).get()) != nil)
    // The export prompt's keys clash only among themselves.
    #expect((try? Self.parse(#"{"exportCSV": "v", "exportJSON": "e"}"#).get()) != nil)
    let prompt = Self.problem(#"{"exportCSV": "t"}"#)
    #expect(prompt?.text.en.hasPrefix("key \"t\" is bound to both exportText and exportCSV") == true)
  }

  @Test func quitAndHelpMustKeepAKey() {
    let quit = Self.problem(#"{"quit": []}"#)
    #expect(quit?.places == ["keys.quit"])
    #expect(quit?.text.en == "quit must keep at least one key, or the dashboard could not be left")
    #expect(quit?.text.vi == "quit phải giữ ít nhất một phím, nếu không sẽ không thoát được chương trình")
    let help = Self.problem(#"{"help": []}"#)
    #expect(help?.text.en == "help must keep at least one key, or the keys could not be looked up")
    #expect(help?.text.vi == "help phải giữ ít nhất một phím, nếu không sẽ không xem được danh sách phím")
    #expect((try? Self.parse(#"{"reload": [], "export": []}"#).get()) != nil)
  }

  @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
    guard case .failure(let errors) = Self.parse(#"{"quit": [], "nope": "x", "export": "ab"}"#) else {
      Issue.record("expected problems")
      return
    }
    #expect(errors.problems.count == 3)
  }

  @Test func hostileTextIsCutAndMadePrintable() {
    let long = String(repeating: "a", count: 500)
    let found = Self.problem("{\"\(long)\\u001B[2J\": \"x\"}")
    #expect(found?.text.en.contains(String(repeating: "a", count: 40) + "…") == true)
    #expect(found?.text.en.contains(long) == false)
    let escape = Self.problem(#"{"export": "\u001B[2J"}"#)
    #expect(escape?.text.en.contains("\u{1B}") == false)
    #expect(escape?.text.en.contains("\\u001B") == true)
  }
}
