import ChildProcess
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// ChildProcess as the end-to-end tests and `bench` use it: arguments, environment, stdin,
/// captured output, exit status, signals and the timeout.
@Suite struct ChildProcessTests {
  @Test func capturesBothStreamsAndTheExitStatus() throws {
    let outcome = try ChildProcess.run(ChildCommand("/bin/sh", ["-c", "printf out; printf err >&2; exit 3"]))
    #expect(outcome.status == 3)
    #expect(outcome.stdoutText == "out")
    #expect(outcome.stderrText == "err")
    #expect(!outcome.timedOut)
    #expect(outcome.wall > 0)
    #expect(outcome.peakRSS > 0)
  }

  @Test func feedsStdinLargerThanAPipeAndReadsItBack() throws {
    // 1 MB through cat: stdin and stdout must be pumped together or both pipes fill up.
    let input = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let outcome = try ChildProcess.run(ChildCommand("cat", stdin: .bytes(input), timeout: 60))
    #expect(outcome.status == 0)
    #expect(outcome.stdout == input)
  }

  @Test func passesArgumentsAndOnlyTheGivenEnvironment() throws {
    let command = ChildCommand(
      "/bin/sh", ["-c", "printf '%s|%s|%s' \"$1\" \"$ONLY\" \"${HOME-unset}\"", "sh", "two words"],
      environment: ["ONLY": "yes"])
    let outcome = try ChildProcess.run(command)
    #expect(outcome.stdoutText == "two words|yes|unset")
  }

  @Test func startsInTheGivenFolder() throws {
    let outcome = try ChildProcess.run(ChildCommand("/bin/sh", ["-c", "pwd"], workingDirectory: "/tmp"))
    #expect(outcome.stdoutText == "/tmp\n")
    // glibc reports a folder it cannot enter as a failure to start.
    #expect(throws: ChildError.self) {
      try ChildProcess.run(ChildCommand("/bin/sh", ["-c", "pwd"], workingDirectory: "/nonexistent/folder"))
    }
  }

  @Test func reportsASignalAsAShellDoes() throws {
    let outcome = try ChildProcess.run(ChildCommand("/bin/sh", ["-c", "kill -TERM $$"]))
    #expect(outcome.status == 128 + SIGTERM)
  }

  @Test func killsAChildThatOutlivesItsTimeout() throws {
    let outcome = try ChildProcess.run(ChildCommand("sleep", ["30"], timeout: 0.2))
    #expect(outcome.timedOut)
    #expect(outcome.status == 128 + SIGKILL)
    #expect(outcome.wall < 20)
  }

  @Test func aMissingProgramIsAnError() {
    #expect(throws: ChildError.self) {
      try ChildProcess.run(ChildCommand("/nonexistent/program"))
    }
  }

  @Test func findsProgramsOnTheGivenPath() {
    #expect(findExecutable("sh", path: "/nonexistent:/bin") == "/bin/sh")
    #expect(findExecutable("no-such-program-here", path: "/bin") == nil)
  }
}
