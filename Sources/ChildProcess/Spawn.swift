#if canImport(Glibc)
  import Glibc
#endif

extension ChildProcess {
  /// Starts `command` and returns at once. Pipes are made for the streams set to `.bytes` or
  /// `.capture`; the caller's ends are in the returned child (stdin's is non-blocking).
  ///
  /// The child inherits no descriptor but its three streams (closefrom 3), and starts with no
  /// signal blocked and every handler at its default: test threads block most signals, and a
  /// terminal program started with SIGWINCH blocked would never see a resize. Foundation's
  /// `Process` passes a descriptor on, which a daemon the child leaves behind (tmux's server)
  /// keeps open, and its `waitUntilExit` never returns.
  public static func start(_ command: ChildCommand) throws -> RunningChild {
    guard let executable = findExecutable(command.executable) else {
      throw ChildError(description: "\(command.executable): not found or not executable")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var ours: [Int32] = [-1, -1, -1]  // the caller's end of each stream's pipe
    var theirs: [Int32] = []  // the child's ends, closed here once it has started
    defer { for descriptor in theirs { close(descriptor) } }

    func connect(_ stream: Int32, pipeWanted: Bool, descriptor: Int32?, readOnly: Bool) throws {
      if let descriptor {
        posix_spawn_file_actions_adddup2(&actions, descriptor, stream)
      } else if pipeWanted {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ChildError(description: "pipe: errno \(errno)") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let (child, parent) = stream == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
        ours[Int(stream)] = parent
        theirs.append(child)
        posix_spawn_file_actions_adddup2(&actions, child, stream)
      } else {
        posix_spawn_file_actions_addopen(&actions, stream, "/dev/null", readOnly ? O_RDONLY : O_WRONLY, 0)
      }
    }
    switch command.stdin {
    case .null: try connect(0, pipeWanted: false, descriptor: nil, readOnly: true)
    case .bytes: try connect(0, pipeWanted: true, descriptor: nil, readOnly: true)
    case .descriptor(let descriptor): try connect(0, pipeWanted: false, descriptor: descriptor, readOnly: true)
    }
    for (stream, output) in [(Int32(1), command.stdout), (2, command.stderr)] {
      switch output {
      case .null: try connect(stream, pipeWanted: false, descriptor: nil, readOnly: false)
      case .capture: try connect(stream, pipeWanted: true, descriptor: nil, readOnly: false)
      case .descriptor(let descriptor): try connect(stream, pipeWanted: false, descriptor: descriptor, readOnly: false)
      }
    }
    closeFrom3(&actions)
    if let directory = command.workingDirectory {
      guard changeDirectory(&actions, to: directory) else {
        for descriptor in ours where descriptor >= 0 { close(descriptor) }
        throw ChildError(description: "cannot start in \(directory): posix_spawn_file_actions_addchdir_np is missing")
      }
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if command.newSession { flags |= 0x80 }  // POSIX_SPAWN_SETSID (glibc ≥ 2.26), not exported
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = ([command.executable] + command.arguments).map { strdup($0) } + [nil]
    let envp = command.environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp ?? [] { free(pointer) }
    }
    var pid = pid_t()
    let startedAt = monotonicSeconds()
    let result =
      if var envp {
        posix_spawn(&pid, executable, &actions, &attributes, argv, &envp)
      } else {
        posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
      }
    guard result == 0 else {
      for descriptor in ours where descriptor >= 0 { close(descriptor) }
      throw ChildError(description: "\(executable): cannot start (\(String(cString: strerror(result))))")
    }
    let child = RunningChild(pid: pid, startedAt: startedAt)
    child.stdinPipe = ours[0]
    child.stdoutPipe = ours[1]
    child.stderrPipe = ours[2]
    if ours[0] >= 0 { _ = fcntl(ours[0], F_SETFL, fcntl(ours[0], F_GETFL) | O_NONBLOCK) }
    return child
  }

  /// glibc ≥ 2.29 has posix_spawn_file_actions_addchdir_np, looked up by name like closefrom.
  private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, to directory: String) -> Bool {
    typealias AddChdir =
      @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
      return false
    }
    return unsafeBitCast(symbol, to: AddChdir.self)(&actions, directory) == 0
  }

  /// glibc ≥ 2.34 has posix_spawn_file_actions_addclosefrom_np; the Glibc module does not export
  /// it, so it is looked up by name. Without it, the pipes are still close-on-exec.
  private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
      _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
  }
}
