import DigiTrackModel
import DigiTrackUI
import FoundationEssentials
import Glibc

/// One data file the bench measures: generated at a scale, or given with --data.
struct BenchInput {
  var label: String
  var path: String
  /// Communes generated; nil for a given file.
  var communes: Int?

  /// Generates each scale's file in `folder` (34 provinces, 3321 × scale communes, 40 criteria,
  /// seed 1), or takes the given file. --quick: a tenth of the national data, one file.
  static func prepare(_ settings: BenchSettings, folder: String) throws -> [BenchInput] {
    if let data = settings.dataFile {
      return [BenchInput(label: PathText.lastComponent(data), path: data, communes: nil)]
    }
    var inputs: [BenchInput] = []
    for scale in settings.quick ? [1] : settings.scales {
      let communes = settings.quick ? 332 : 3321 * scale
      let generator = SyntheticDataset(provinces: 34, communes: communes, criteria: 40, seed: 1)
      let label = settings.quick ? "tiny" : "\(scale)×"
      inputs.append(try generated(generator, label: label, path: folder + "/x\(scale).json"))
    }
    return inputs
  }

  /// Writes the generator's file at `path`.
  static func generated(_ generator: SyntheticDataset, label: String, path: String) throws -> BenchInput {
    let bytes: [UInt8]
    do {
      bytes = try generator.json()
    } catch {
      throw BenchError.invalidData(error.description)
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw BenchError.cannotWrite(path)
    }
    return BenchInput(label: label, path: path, communes: generator.communes)
  }

  /// Loads and aggregates the file, or fails with the loader's message (as `validate` prints it).
  func load() throws -> DashboardData {
    do {
      let loaded = try DatasetLoader().load(path: path, displayName: label)
      return DashboardData(dataset: loaded.dataset, sourceName: label)
    } catch {
      throw BenchError.invalidData(error.description)
    }
  }

  /// The "Data" table: what each file holds.
  static func table(_ inputs: [BenchInput]) throws -> TextTable {
    var table = TextTable(["data", "provinces", "communes", "criteria", "file size"])
    for input in inputs {
      let dataset = try input.load().dataset
      let communes = dataset.snapshots.last?.reports.reduce(0) { $0 + ($1?.communes.units?.count ?? 0) } ?? 0
      table.add([
        input.label, "\(dataset.provinces.count)", "\(communes)", "\(dataset.plan.criteria.count)",
        Format.bytes(Format.fileSize(input.path)),
      ])
    }
    return table
  }
}
