import Foundation
import TestSupport
import Testing

/// `--data DIR` in a real terminal: the dashboard opens with the good parts and names the bad
/// file, and live reload notices a part file added or removed.
@Suite(.serialized) struct DataFolderTmuxTests {
  @Test func aFolderIsWatchedForAddedAndRemovedFiles() throws {
    let temporary = try TemporaryFolder("e2e")
    let folder = temporary.path
    #expect(try Binary.run(["template", "--demo", "-o", folder + "/demo.json"]).status == 0)
    try "not,a,form\n".write(toFile: folder + "/hong.csv", atomically: false, encoding: .utf8)
    let tmux = try Tmux(
      width: 160, height: 30, command: "\(Tmux.quote(Binary.path)) --data \(Tmux.quote(folder))")
    // The dashboard's notice ("…: hong.csv: …"), not the line printed before it opens ("…; đang hiển thị").
    let opened = try tmux.waitFor(text: "1 tệp bị bỏ qua: hong.csv")
    #expect(opened.contains("hong.csv"), "\(opened)")
    #expect(opened.contains("Trạng thái"), "the good parts are shown")
    try FileManager.default.removeItem(atPath: folder + "/hong.csv")
    try tmux.waitFor(text: "Đã tải lại dữ liệu", timeout: 20)
    try "still,not,a,form\n".write(toFile: folder + "/moi.csv", atomically: false, encoding: .utf8)
    let added = try tmux.waitFor(text: "moi.csv", timeout: 20)
    #expect(added.contains("1 tệp bị bỏ qua"), "\(added)")
    try tmux.keys("q")
    try tmux.waitFor("the program to quit") { _ in tmux.paneDead }
  }
}
