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

  /// The files being read in the background, one per core: each file's cells, and as soon as the
  /// importer is there (`FormImporter.read(_:)`, once the dataset is loaded) its reports, made on
  /// the thread that read the cells. A file read before that keeps its cells until the importer
  /// takes them.
  public final class Reading: Sendable {
    let files: [(path: String, name: String)]
    private let done = DispatchSemaphore(value: 0)
    private struct State {
      var cells: [Result<[SheetCells], FormProblem>?]
      var reports: [Result<[ImportedReport], FormProblems>?]
      var importer: FormImporter?
    }
    private let state: Mutex<State>

    fileprivate init(files: [(path: String, name: String)]) {
      self.files = files
      state = Mutex(
        State(cells: Array(repeating: nil, count: files.count), reports: Array(repeating: nil, count: files.count)))
    }

    /// The largest files first: the cores then finish together, instead of one reading the
    /// largest form alone at the end (provinces have 40 to 168 communes).
    fileprivate func run(_ readers: FormReaders) {
      let order = files.indices.sorted { Self.size(files[$0].path) > Self.size(files[$1].path) }
      DispatchQueue.concurrentPerform(iterations: files.count) { position in
        let index = order[position]
        let cells = readers.cells(path: files[index].path, name: files[index].name)
        // Its reports made at once while its cells are fresh, and the cells freed here, side by
        // side, not all at once on the thread that drops the last reference (7 M instructions);
        // the heap then reuses their memory for the next file's.
        let importer: FormImporter? = state.withLock { state in
          if state.importer == nil { state.cells[index] = cells }
          return state.importer
        }
        if let importer { report(index, importer.read(cells, name: files[index].name)) }
      }
      done.signal()
    }

    private static func size(_ path: String) -> Int {
      var status = stat()
      return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    func report(_ index: Int, _ result: Result<[ImportedReport], FormProblems>) {
      state.withLock { $0.reports[index] = result }
    }

    /// Gives the importer to the files still being read, and hands over the cells of those
    /// already read (each taken once): called once.
    func start(_ importer: FormImporter) -> [(index: Int, cells: Result<[SheetCells], FormProblem>)] {
      state.withLock { state in
        state.importer = importer
        var read: [(Int, Result<[SheetCells], FormProblem>)] = []
        for index in state.cells.indices {
          if let cells = state.cells[index] { read.append((index, cells)) }
          state.cells[index] = nil
        }
        return read
      }
    }

    /// Every file's reports or problems, in the order given, once every file is read.
    func reports() -> [Result<[ImportedReport], FormProblems>] {
      done.wait()
      return state.withLock { $0.reports.map { $0! } }
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
