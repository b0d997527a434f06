import Foundation
import Testing

/// Live reload on a real terminal (issue 10 item 7): a failure shows at once, by the watcher, even
/// right after a good reload, and so does a file that is deleted or becomes a symbolic link loop.
@Suite(.serialized) struct LiveReloadStatusTests {
  static var binary: String { Tmux.quote(Binary.path) }

  /// The dashboard on `folder/tinh.json`, started in `folder` so the status line has room for the
  /// message after the file's name.
  private func start(_ folder: String) throws -> Tmux {
    let tmux = try Tmux(
      width: 120, height: 40,
      command: "sh -c " + Tmux.quote("cd \(Tmux.quote(folder)) && exec \(Self.binary) --data tinh.json"))
    try tmux.waitFor(text: "Trạng thái")
    return tmux
  }

  /// Replaces the file the way editors save: a new file renamed over the old one.
  private func save(_ text: String, to path: String) throws {
    try text.write(toFile: path + ".new", atomically: false, encoding: .utf8)
    #expect(rename(path + ".new", path) == 0)
  }

  @Test func aBadSaveAfterAGoodReloadShowsTheErrorWithoutAKey() throws {
    let folder = try Binary.temporaryFolder()
    let path = folder + "/tinh.json"
    let good = try Binary.run(["template", "--demo"]).stdout
    try save(good, to: path)
    let tmux = try start(folder)
    try save(good.replacingOccurrences(of: "\"vi\": \"Tổng kết năm 2025\"", with: "\"vi\": \"Bản sửa\""), to: path)
    try tmux.waitFor(text: "Đã tải lại dữ liệu")
    try save(String(good.prefix(500)), to: path)
    let screen = try tmux.waitFor(text: "vẫn hiển thị dữ liệu cũ")
    #expect(!screen.contains("Đã tải lại dữ liệu"), "the newest event wins the status line")
    #expect(screen.contains("tinh.json"))
    #expect(screen.contains("Lạng Sơn") && screen.contains("31/32"), "the last good data stays")
  }

  @Test func aDeletedFileIsSaidAtOnceAndItsReturnIsReloaded() throws {
    let folder = try Binary.temporaryFolder()
    let path = folder + "/tinh.json"
    let good = try Binary.run(["template", "--demo"]).stdout
    try save(good, to: path)
    let tmux = try start(folder)
    #expect(unlink(path) == 0)
    // In the dashboard's language, never a Vietnamese prefix before an English system error.
    let gone = try tmux.waitFor(text: "không có tệp hoặc thư mục này")
    #expect(!gone.contains("No such file"))
    #expect(gone.contains("tinh.json") && gone.contains("31/32"), "named, with the last good data kept")
    try save(good, to: path)
    try tmux.waitFor(text: "Đã tải lại dữ liệu")
    #expect(!tmux.paneDead)
  }

  @Test func aSymbolicLinkLoopIsSaidAtOnce() throws {
    let folder = try Binary.temporaryFolder()
    let path = folder + "/tinh.json"
    try save(try Binary.run(["template", "--demo"]).stdout, to: folder + "/real.json")
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "real.json")
    let tmux = try start(folder)
    // tinh.json → loop.json → tinh.json
    try FileManager.default.createSymbolicLink(atPath: folder + "/loop.json", withDestinationPath: "tinh.json")
    try FileManager.default.createSymbolicLink(atPath: folder + "/tinh.new", withDestinationPath: "loop.json")
    #expect(rename(folder + "/tinh.new", path) == 0)
    try tmux.waitFor(text: "không đọc được tệp: quá nhiều liên kết")
    #expect(!tmux.paneDead)
  }
}
