import DigiTrackModel
import FoundationEssentials
import Glibc

/// `--data DIR` (issue 13, item 3): every `.json`, `.xlsx`, `.ods` and `.csv` in a folder as parts of one
/// dataset, for the dashboard, `export` and the folder's live reload.
///
/// The JSON parts are datasets; the first in name order gives the plan and provinces that the
/// spreadsheets are read against. Each spreadsheet becomes a part of its own, so a form and a
/// dataset that report the same province at the same date with different values are a conflict
/// exactly as two datasets are in `merge`, and `--prefer newer|FILE` decides it the same way. A
/// file that cannot be read is listed with its messages and left out: one bad file never hides the
/// others. Imported figures cite no source, so they are illustrative.
public enum FolderDataset {
  public struct Loaded: Sendable {
    public var dataset: Dataset
    /// The files that went in, in name order.
    public var parts: [String]
    /// Every problem of the files left out, each naming its file.
    public var bad: [FormProblem]
  }

  /// The extensions read as parts.
  static let extensions: Set<String> = ["json", "xlsx", "ods", "csv"]

  public static func isFolder(_ path: String) -> Bool {
    var isDirectory = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
  }

  /// The part files of `folder`, in name order (hidden and temporary files left out).
  public static func partFiles(_ folder: String) throws(FormProblems) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      // The system's reason, in both languages: opening the folder again gives its errno.
      let folderHandle = opendir(folder)
      let code = folderHandle == nil ? errno : EIO
      if let folderHandle { closedir(folderHandle) }
      let reason = LocalizedText.systemError(code)
      throw FormProblems([
        FormProblem(
          file: folder, message: .cannotReadFolder(reason))
      ])
    }
    return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
      .filter { extensions.contains(PathText.pathExtension($0).lowercased()) }.sorted()
  }

  /// The folder's dataset, or why there is none: no readable JSON dataset, or conflicts that
  /// `prefer` does not decide (all listed).
  public static func load(folder: String, prefer: DatasetMerge.Preference, maxBytes: Int) -> Result<
    Loaded, FormProblems
  > {
    let files: [String]
    do throws(FormProblems) {
      files = try partFiles(folder)
    } catch {
      return .failure(error)
    }
    let path = { (name: String) in folder.hasSuffix("/") ? folder + name : folder + "/" + name }
    var bad: [FormProblem] = []
    var parts: [DatasetMerge.Part] = []
    let loader = DatasetLoader(maxBytes: maxBytes)
    for name in files where name.lowercased().hasSuffix(".json") {
      do {
        let loaded = try loader.load(path: path(name), displayName: name)
        parts.append(DatasetMerge.Part(file: name, dataset: loaded.dataset, modified: modified(path(name))))
      } catch {
        // The loader's own message, in both languages (its catalog is LoadMessages).
        let message = LocalizedText(vi: error.description(in: .vi), en: error.description(in: .en))
        bad.append(FormProblem(file: name, message: message))
      }
    }
    guard let base = parts.first?.dataset else {
      bad.append(
        FormProblem(
          file: folder,
          message: .noReadableDataset))
      return .failure(FormProblems(bad))
    }
    // A dataset of another plan or other provinces is a bad file here, not a reason to show nothing.
    let criteria = base.plan.criteria.map(\.id)
    let provinces = Set(base.provinces.map(\.code))
    parts = parts.filter { part in
      let dataset = part.dataset
      guard dataset.plan.code == base.plan.code, dataset.plan.criteria.map(\.id) == criteria,
        Set(dataset.provinces.map(\.code)) == provinces
      else {
        bad.append(
          FormProblem(
            file: part.file,
            message: .otherPlanOrProvinces(than: parts[0].file)))
        return false
      }
      return true
    }
    var emptyBase = base
    emptyBase.snapshots = []
    let importer = FormImporter(dataset: base)
    let sheets = files.filter { !$0.lowercased().hasSuffix(".json") }
    for (name, read) in zip(sheets, importer.read(files: sheets.map { (path($0), $0) })) {
      switch read {
      case .failure(let failure): bad += failure.problems
      case .success(let reports):
        switch DatasetUpdate.apply(reports, to: emptyBase, source: .illustrative) {
        case .success(let output):
          parts.append(DatasetMerge.Part(file: name, dataset: output.dataset, modified: modified(path(name))))
        case .failure(let failure): bad += failure.problems
        }
      }
    }
    if parts.count == 1 {
      return .success(Loaded(dataset: base, parts: parts.map(\.file), bad: bad))
    }
    switch DatasetMerge.merge(parts, prefer: prefer) {
    case .success(let merged): return .success(Loaded(dataset: merged, parts: parts.map(\.file), bad: bad))
    case .failure(let failure): return .failure(FormProblems(failure.problems + bad))
    }
  }

  static func modified(_ path: String) -> Double {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
  }
}
