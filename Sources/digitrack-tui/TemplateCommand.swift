import ArgumentParser
import DigiTrackModel
import Foundation

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the demo dataset as a file to start your own from.",
    discussion: """
      The demo marks every figure it has no source for as "illustrative": replace those with your own figures and cite your sources (docs/FORMAT.md).

      Examples:
        digitrack-tui template -o tinh.json
        digitrack-tui template | less
      """
  )

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    let text = String(decoding: DemoDataset.bytes, as: UTF8.self)
    if let output {
      try writeAtomically(text, to: output)
    } else {
      FileHandle.standardOutput.write(Data(DemoDataset.bytes))
    }
  }
}
