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

  @OptionGroup var outputOptions: OutputOptions

  func run() throws {
    try outputOptions.write(Array(DemoDataset.bytes))
  }
}
