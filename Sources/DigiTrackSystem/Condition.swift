import Glibc

/// A lock with a condition to wait on (pthread's mutex and condition variable), for a thread that
/// waits until others have posted: what Foundation's `NSCondition` gave, without full Foundation.
public final class Condition: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  public init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  public func lock() { pthread_mutex_lock(mutex) }
  public func unlock() { pthread_mutex_unlock(mutex) }

  /// Waits for a `broadcast`, with the lock held before and after (it is released meanwhile).
  public func wait() { pthread_cond_wait(condition, mutex) }
  public func broadcast() { pthread_cond_broadcast(condition) }
}
