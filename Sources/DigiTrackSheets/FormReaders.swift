import DigiTrackModel
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// The readers of each kind of form file. Reading a file's cells needs no dataset, so `import`
/// starts it before the dataset is loaded (`start`) and the load overlaps the forms' XML.
public struct FormReaders: Sendable {
  public var xlsx = XLSXReader()
  public var csv = CSVReader()
  public var ods = ODSReader()

  public init() {}

  /// The cells of one file by its extension, or why it cannot be read.
  public func cells(path: String, name: String) -> Result<[SheetCells], FormProblem> {
    Result { () throws(FormProblem) in
      switch PathText.pathExtension(path).lowercased() {
      case "xlsx", "xlsm": return try xlsx.read(path: path, name: name)
      case "csv", "txt": return [try csv.read(path: path, name: name)]
      case "ods": return try ods.read(path: path, name: name)
      case "xls": throw FormProblem(file: name, message: .oldExcelExtension)
      default: throw FormProblem(file: name, message: .notASpreadsheetExtension)
      }
    }
  }

  /// The cells of files being read in the background, one per core.
  public final class Reading: Sendable {
    let files: [(path: String, name: String)]
    private let done = DispatchSemaphore(value: 0)
    private let results: Mutex<[Result<[SheetCells], FormProblem>?]>

    fileprivate init(files: [(path: String, name: String)]) {
      self.files = files
      results = Mutex(Array(repeating: nil, count: files.count))
    }

    /// The largest files first: the cores then finish together, instead of one reading the
    /// largest form alone at the end (provinces have 40 to 168 communes).
    fileprivate func run(_ readers: FormReaders) {
      let order = files.indices.sorted { Self.size(files[$0].path) > Self.size(files[$1].path) }
      DispatchQueue.concurrentPerform(iterations: files.count) { position in
        let index = order[position]
        let result = readers.cells(path: files[index].path, name: files[index].name)
        results.withLock { $0[index] = result }
      }
      done.signal()
    }

    private static func size(_ path: String) -> Int {
      var status = stat()
      return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Waits until every file is read; called once, before `take`.
    func wait() { done.wait() }

    /// File `index`'s cells, handed over: they are freed where their reports are made, side by
    /// side, not all at once on the thread that drops the last reference (7 M instructions).
    func take(_ index: Int) -> Result<[SheetCells], FormProblem> {
      results.withLock { results in
        defer { results[index] = nil }
        return results[index]!
      }
    }
  }

  /// Starts reading `files` in the background and returns at once.
  public func start(files: [(path: String, name: String)]) -> Reading {
    let reading = Reading(files: files)
    let readers = self
    DispatchQueue.global(qos: .userInitiated).async { reading.run(readers) }
    return reading
  }
}
