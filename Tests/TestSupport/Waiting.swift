import Foundation

/// Polls `condition` until it holds or `seconds` have passed: tests wait for what they expect to
/// see, never for a fixed time. Returns whether the condition held.
@discardableResult
public func waitUntil(seconds: Double = 10, every interval: Double = 0.02, _ condition: () throws -> Bool) rethrows
  -> Bool
{
  let deadline = Date().addingTimeInterval(seconds)
  while true {
    if try condition() { return true }
    if Date() >= deadline { return false }
    Thread.sleep(forTimeInterval: interval)
  }
}
