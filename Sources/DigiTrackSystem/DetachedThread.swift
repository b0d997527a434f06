import Glibc

/// A thread of its own for work that blocks or runs long (an export being written, a pty being
/// drained), started with pthreads: Foundation's `Thread` would bring full Foundation into the
/// binary (docs/PERFORMANCE.md, "Start-up"), and Dispatch's shared pool is for short work.
public enum DetachedThread {
  private final class Work {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  /// Runs `body` on a new detached thread, or here and now if the system cannot start one.
  public static func start(_ body: @escaping @Sendable () -> Void) {
    let work = Unmanaged.passRetained(Work(body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let started = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
        return nil
      }, work)
    if started != 0 {
      Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
    }
  }
}
