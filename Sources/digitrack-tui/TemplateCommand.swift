import ArgumentParser
import DigiTrackModel
import Foundation

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the demo dataset as a file to start your own from.",
    discussion: """
      The demo marks every figure it has no source for as "illustrative": replace those with your own figures and cite your sources (docs/FORMAT.md). -o never replaces an existing file unless --force is given (then its mode and owner are kept); a device such as /dev/null is written to, and -o - is standard output.

      Examples:
        digitrack-tui template -o tinh.json
        digitrack-tui template -o tinh.json --force
        digitrack-tui template | less
      """
  )

  @OptionGroup var outputOptions: OutputOptions

  func run() throws {
    try outputOptions.write(Array(DemoDataset.bytes))
  }
}
