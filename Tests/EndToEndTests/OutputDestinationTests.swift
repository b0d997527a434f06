import Foundation
import Testing

/// `-o` through the real binary, in a temporary folder: symbolic links are followed from the folder
/// that holds them (issue 10 item 2), an existing file is never replaced without `--force`, and a
/// device is written to, not replaced (issue 12 item 2).
@Suite struct OutputDestinationTests {
  /// A fresh folder, its path, and the bytes `template` writes (a file of a known size).
  private func setUp() throws -> (folder: String, template: String) {
    let folder = try Binary.temporaryFolder()
    return (folder, try Binary.run(["template", "--demo"]).stdout)
  }

  private func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  private func link(_ path: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
  }

  private func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// No temporary file is left behind in `folder`.
  private func expectNoLeftovers(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    #expect(!names.contains { $0.hasPrefix(".digitrack-") }, "\(names)", sourceLocation: sourceLocation)
  }

  @Test func aRelativeLinkInTheWorkingFolderWritesWhereItPoints() throws {
    let (folder, template) = try setUp()
    // Before the fix the writer built "" + "/" + destination: this name at the filesystem root.
    let name = "digitrack-target-\(UUID().uuidString).json"
    try link(folder + "/r.json", to: name)
    let result = try Binary.run(["template", "--demo", "-o", "r.json"], directory: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(contents(folder + "/" + name) == template)
    #expect(!FileManager.default.fileExists(atPath: "/" + name), "nothing is written at the root")
    try? FileManager.default.removeItem(atPath: "/" + name)
    #expect(isLink(folder + "/r.json"), "the link stays a link")
    expectNoLeftovers(folder)
  }

  @Test func aDotDotLinkAndALinkInASubfolderWriteWhereTheyPoint() throws {
    let (folder, template) = try setUp()
    try FileManager.default.createDirectory(atPath: folder + "/sub/deeper", withIntermediateDirectories: true)
    try link(folder + "/sub/up.json", to: "../out.json")
    #expect(try Binary.run(["template", "--demo", "-o", "sub/up.json"], directory: folder).status == 0)
    #expect(contents(folder + "/out.json") == template)
    #expect(!FileManager.default.fileExists(atPath: folder + "/sub/out.json"))

    try link(folder + "/sub/down.json", to: "deeper/in.json")
    #expect(try Binary.run(["template", "--demo", "-o", "sub/down.json"], directory: folder).status == 0)
    #expect(contents(folder + "/sub/deeper/in.json") == template)
    #expect(!FileManager.default.fileExists(atPath: folder + "/deeper/in.json"), "read from the link's folder")

    // A chain: a bare-name link to a link in a subfolder that points back up.
    try link(folder + "/chain.json", to: "sub/hop.json")
    try link(folder + "/sub/hop.json", to: "../end.json")
    #expect(try Binary.run(["export", "--format", "csv", "-o", "chain.json"], directory: folder).status == 0)
    #expect(contents(folder + "/end.json")?.hasPrefix("snapshot,rank,") == true)
    expectNoLeftovers(folder)
    expectNoLeftovers(folder + "/sub")
  }

  @Test func aDanglingLinkCreatesTheFileItPointsToAndALoopIsRefused() throws {
    let (folder, template) = try setUp()
    try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
    try link(folder + "/sub/new.json", to: "made.json")
    #expect(
      try Binary.run(["template", "--demo", "-o", "sub/new.json", "--lang", "en"], directory: folder).status == 0)
    #expect(contents(folder + "/sub/made.json") == template)
    #expect(!FileManager.default.fileExists(atPath: folder + "/made.json"))
    #expect(isLink(folder + "/sub/new.json"))

    // A link into a folder that does not exist is refused, naming that folder.
    try link(folder + "/nowhere.json", to: "missing/x.json")
    let missing = try Binary.run(["template", "--demo", "-o", "nowhere.json", "--lang", "en"], directory: folder)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("missing"), "\(missing.stderr)")

    try link(folder + "/a.json", to: "b.json")
    try link(folder + "/b.json", to: "a.json")
    let loop = try Binary.run(["template", "--demo", "-o", "a.json", "--lang", "en"], directory: folder)
    #expect(loop.status == 2)
    #expect(loop.stderr.contains("a.json") && loop.stderr.contains("symbolic links"), "\(loop.stderr)")
    expectNoLeftovers(folder)
  }

  @Test(arguments: [
    ["template"], ["export", "--format", "csv"],
    ["generate", "--provinces", "2", "--communes", "4", "--criteria", "5"],
  ])
  func anExistingFileIsRefusedWithoutForce(_ command: [String]) throws {
    let (folder, _) = try setUp()
    let path = folder + "/tinh.json"
    try "filled in by hand".write(toFile: path, atomically: false, encoding: .utf8)
    let refused = try Binary.run(command + ["-o", path])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains(path) && refused.stderr.contains("--force"), "\(refused.stderr)")
    #expect(contents(path) == "filled in by hand")

    // Through a link, the message names both and the file behind it is kept too.
    try link(folder + "/link.json", to: "tinh.json")
    let throughLink = try Binary.run(command + ["-o", "link.json"], directory: folder)
    #expect(throughLink.status == 2)
    #expect(throughLink.stderr.contains("link.json") && throughLink.stderr.contains("tinh.json"))
    #expect(contents(path) == "filled in by hand")

    let forced = try Binary.run(command + ["-o", "link.json", "--force"], directory: folder)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(contents(path) != "filled in by hand")
    let plain = try Binary.run(command).stdout
    #expect(contents(path) == plain)
    #expect(isLink(folder + "/link.json"))
    expectNoLeftovers(folder)
  }

  @Test func replacingKeepsTheModeAndTheOwner() throws {
    let (folder, template) = try setUp()
    let path = folder + "/kept.json"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o640) == 0)
    // As root the test can give the file another owner; otherwise it keeps ours and checks that.
    let isRoot = geteuid() == 0
    if isRoot { #expect(chown(path, 65534, 65534) == 0) }
    var before = stat()
    #expect(stat(path, &before) == 0)
    let result = try Binary.run(["template", "--demo", "-o", path, "--force"])
    #expect(result.status == 0, "\(result.stderr)")
    var after = stat()
    #expect(stat(path, &after) == 0)
    #expect(after.st_mode & 0o7777 == 0o640)
    #expect(after.st_uid == before.st_uid && after.st_gid == before.st_gid)
    #expect(after.st_ino != before.st_ino, "replaced by a rename, never half-written in place")
    #expect(contents(path) == template)
  }

  @Test func devicesAreWrittenToAndDashIsStandardOutput() throws {
    let (folder, template) = try setUp()
    for arguments in [["-o", "/dev/null"], ["-o", "/dev/null", "--force"]] {
      #expect(try Binary.run(["template", "--demo", "--lang", "en"] + arguments).status == 0)
    }
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null stays a device")
    let dash = try Binary.run(["template", "--demo", "-o", "-", "--lang", "en"], directory: folder)
    #expect(dash.status == 0 && dash.stdout == template)
    #expect(!FileManager.default.fileExists(atPath: folder + "/-"))
    let stdout = try Binary.run(["export", "--format", "json", "-o", "/dev/stdout", "--lang", "en"])
    let plain = try Binary.run(["export", "--format", "json", "--lang", "en"]).stdout
    #expect(stdout.status == 0 && stdout.stdout == plain)
    let directory = try Binary.run(["template", "--demo", "-o", folder, "--force", "--lang", "en"])
    #expect(directory.status == 2 && directory.stderr.contains("is a directory"))
  }
}
