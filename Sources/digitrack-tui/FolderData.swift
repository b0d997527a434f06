import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackSystem
import DigiTrackUI

extension DataChoice {
  /// `--data DIR`: the folder's parts merged. Bad files are printed and left out; conflicts that
  /// `--prefer` does not decide (or a folder with no dataset) are printed and refused, as `merge`
  /// refuses them.
  func loadFolder(_ folder: String) throws -> (data: DashboardData, bad: [FormProblem]) {
    switch FolderDataset.load(folder: folder, prefer: DataReload.preference(prefer), maxBytes: loader.maxBytes) {
    case .success(let loaded):
      for problem in loaded.bad { Console.error(problem.description(in: CommandLanguage.current)) }
      if !loaded.bad.isEmpty {
        let count = Set(loaded.bad.map(\.file)).count
        let shown = loaded.parts.joined(separator: ", ")
        Console.error(
          say("\(count) tệp bị bỏ qua; đang hiển thị \(shown)", "\(count) file(s) left out; showing \(shown)"))
      }
      return (DashboardData(dataset: loaded.dataset, sourceName: DataReload.folderName(folder)), loaded.bad)
    case .failure(let failure):
      for problem in failure.problems { Console.error(problem.description(in: CommandLanguage.current)) }
      Console.error(
        say(
          "\(folder): không có gì để hiển thị; giải quyết xung đột bằng --prefer newer|TỆP",
          "\(folder): nothing to show; decide conflicts with --prefer newer|FILE"))
      throw ExitCode(ExitStatus.invalid)
    }
  }
}
