import ArgumentParser
import DigiTrackModel
import DigiTrackSheets
import DigiTrackSystem
import DigiTrackUI

extension DataOptions {
  /// `--data DIR`: the folder's parts merged. Bad files are printed and left out; conflicts that
  /// `--prefer` does not decide (or a folder with no dataset) are printed and refused, as `merge`
  /// refuses them.
  func loadFolder(_ folder: String) throws -> (data: DashboardData, bad: [FormProblem]) {
    switch FolderDataset.load(folder: folder, prefer: DataReload.preference(prefer), maxBytes: loader.maxBytes) {
    case .success(let loaded):
      for problem in loaded.bad { Console.error(problem.description) }
      if !loaded.bad.isEmpty {
        Console.error(
          "\(Set(loaded.bad.map(\.file)).count) file(s) left out; showing \(loaded.parts.joined(separator: ", "))")
      }
      return (DashboardData(dataset: loaded.dataset, sourceName: DataReload.folderName(folder)), loaded.bad)
    case .failure(let failure):
      for problem in failure.problems { Console.error(problem.description) }
      Console.error("\(folder): nothing to show; decide conflicts with --prefer newer|FILE")
      throw ExitCode(ExitStatus.invalid)
    }
  }
}
