import ChildProcess
import DigiTrackSystem
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// A pseudo-terminal of a fixed size, for drawing the dashboard as it draws on a real terminal.
///
/// What is written to the slave side queues in the kernel until someone reads the master side;
/// once the queue is full the writer blocks. `startDraining` reads the master on a thread of its
/// own so that ncurses' writes never wait, and counts the bytes; `read(timeout:)` is for callers
/// that want to see the output themselves.
final class PseudoTerminal: @unchecked Sendable {
  let master: Int32
  private(set) var slave: Int32
  private let drained = Mutex(0)
  private var drainer: DispatchSemaphore?

  init(width: Int, height: Int) throws {
    // openpty lives in libc from glibc 2.34 (before, in libutil); the Glibc module does not
    // declare it, so it is looked up by name.
    typealias OpenPTY =
      @convention(c) (
        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?,
        UnsafeRawPointer?, UnsafeRawPointer?
      ) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openpty") else {
      throw BenchError.terminal("openpty is not available")
    }
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard unsafeBitCast(symbol, to: OpenPTY.self)(&master, &slave, nil, nil, &size) == 0 else {
      throw BenchError.terminal("openpty failed (errno \(errno))")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    self.master = master
    self.slave = slave
  }

  deinit {
    closeSlave()
    close(master)
  }

  /// Closes this process's slave descriptor: once the child (or ncurses) has closed its own
  /// too, reading the master fails with EIO, which ends the drain.
  func closeSlave() {
    if slave >= 0 { close(slave) }
    slave = -1
  }

  /// Reads the master side on a thread until the slave side is closed everywhere.
  func startDraining() {
    let done = DispatchSemaphore(value: 0)
    drainer = done
    DetachedThread.start { [self] in
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 { break }
        drained.withLock { $0 += count }
      }
      done.signal()
    }
  }

  /// Waits for the drain to end (call after every slave descriptor is closed); returns the bytes read.
  func finishDraining() -> Int {
    closeSlave()
    drainer?.wait()
    drainer = nil
    return drained.withLock { $0 }
  }

  /// Reads what is there within `timeout` seconds: nil when nothing came, [] at end (EIO).
  func read(timeout: Double) -> [UInt8]? {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(max(0, timeout * 1000)))
    if ready < 0 { return errno == EINTR ? nil : [] }
    if ready == 0 { return nil }
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    if count < 0, errno == EINTR || errno == EAGAIN { return nil }
    return count <= 0 ? [] : Array(chunk.prefix(count))
  }

  /// Types `bytes` as if at the keyboard.
  func type(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }
}
