import CSimdJSON
import DigiTrackModel
import DigiTrackSystem
import FoundationEssentials
import Glibc

/// The machine as it is, and where this binary and its bench-only helpers live.
enum Machine {
  /// "2 cores, Intel(R) Xeon(R) Processor": the online cores and /proc/cpuinfo's model name.
  static func describe() -> String {
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    var model = "unknown CPU"
    if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      model = line[line.index(after: colon)...].trimmingSpaces()
    }
    return "\(cores) core\(cores == 1 ? "" : "s"), \(model)"
  }

  /// The kernel simdjson chose at run time for our parser (the DOM parser in CSimdJSON).
  static var simdjsonKernel: String { String(cString: dj_implementation_name()) }

  /// The running kernel's release (uname -r).
  static var kernelRelease: String {
    var names = utsname()
    uname(&names)
    return withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// This program's own file, for running it as a child.
  static func executablePath() -> String {
    RunningProcess.binaryPath ?? CommandLine.arguments[0]
  }

  /// A program SwiftPM built next to this one (`digitrack-floor`, `digitrack-measure`), or nil.
  static func sibling(_ name: String) -> String? {
    let path = PathText.deletingLastComponent(executablePath()) + "/" + name
    return access(path, X_OK) == 0 ? path : nil
  }
}
