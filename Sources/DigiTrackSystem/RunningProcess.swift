import Glibc

/// What the running process knows about itself and its standard streams, without full Foundation
/// (`Bundle`, `FileHandle`): shared by the commands, theme discovery and the bench.
public enum RunningProcess {
  /// The running binary's path, as the kernel knows it (argv[0] is only "digitrack-tui" when found
  /// through PATH); nil where /proc cannot say.
  public static var binaryPath: String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// All of `text` on `descriptor` with write(2), retrying short writes and interruptions; a closed
  /// pipe ends it. `print` would cast its argument to the output protocols, whose first lookups scan
  /// every protocol conformance record in the binary (docs/PERFORMANCE.md, "Start-up").
  public static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
