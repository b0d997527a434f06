// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "DigiTrack",
  products: [
    .executable(name: "digitrack-tui", targets: ["digitrack-tui"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // libncursesw, seen through a header that turns its macros and globals into functions.
    .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
    // simdjson (Debian's libsimdjson-dev) behind a small C API that hands Swift its tape in place.
    .target(
      name: "CSimdJSON",
      linkerSettings: [.linkedLibrary("simdjson")]
    ),
    // Async-signal-safe terminal restore: Swift cannot run code safely inside a signal handler.
    .target(name: "CTerminalGuard"),
    .target(
      name: "DigiTrackModel",
      dependencies: ["CSimdJSON"],
      exclude: ["Demo/demo.json"]
    ),
    .target(name: "DigiTrackUI", dependencies: ["DigiTrackModel"]),
    // The file system and the environment: the atomic writer, theme discovery, small-file reads.
    // It writes the `e` key's workbooks and reads a --data folder's spreadsheets (DigiTrackSheets).
    .target(name: "DigiTrackSystem", dependencies: ["DigiTrackModel", "DigiTrackUI", "DigiTrackSheets"]),
    .target(
      name: "DigiTrackTerminal",
      dependencies: ["DigiTrackUI", "DigiTrackSystem", "CNCurses", "CTerminalGuard"]
    ),
    // Spreadsheets (issue 13): Debian's libxlsxwriter writes forms; our ZipArchive (zlib) and libxml2 read them.
    // libxlsxwriter (libxlsxwriter-dev) is loaded with dlopen when a workbook is written, not linked:
    // it pulls libcrypto into every start (Sources/CXLSXWriter/lazy.c).
    .target(name: "CXLSXWriter"),
    // Debian's libxml2 (libxml2-dev): its SAX2 parser reads the parts, a quarter fewer
    // instructions than expat on the same forms. Behind a C API of our own, as its headers clash
    // with Foundation's ICU in Swift (Sources/CLibXML2/include/CLibXML2.h); Debian's include path.
    .target(
      name: "CLibXML2",
      // libxml2 itself is loaded with dlopen when a workbook is read (sax.c), so it is not linked.
      cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])]
    ),
    .systemLibrary(name: "CZlibChecksum", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "DigiTrackSheets",
      dependencies: ["DigiTrackModel", "DigiTrackUI", "CXLSXWriter", "CLibXML2", "CZlibChecksum"]
    ),
    // Starting a program and waiting for it: output, exit status, timeout, wall time, peak RSS.
    .target(name: "ChildProcess"),
    // `bench`: stages, child processes, the terminal path on a pty, tables.
    .target(
      name: "DigiTrackBench",
      dependencies: [
        "DigiTrackModel", "DigiTrackUI", "DigiTrackSystem", "DigiTrackTerminal", "ChildProcess", "CSimdJSON",
        "CNCurses",
      ]
    ),
    // Bench only: a C spawner that reads a child's own peak RSS (not the bench's, see its main.c).
    .executableTarget(name: "digitrack-measure"),
    // Bench only: the simdjson On-Demand parse-and-walk floor. On-Demand runs the kernel it was
    // compiled for, hence -march=native; -O2 so that even a debug build measures something real.
    .executableTarget(
      name: "digitrack-floor",
      cxxSettings: [.unsafeFlags(["-march=native", "-O2"])],
      linkerSettings: [.linkedLibrary("simdjson"), .unsafeFlags(["-static-stdlib"])]
    ),
    .executableTarget(
      name: "digitrack-tui",
      dependencies: [
        "DigiTrackModel", "DigiTrackUI", "DigiTrackSystem", "DigiTrackTerminal", "DigiTrackBench",
        "DigiTrackSheets",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds link the Swift runtime and FoundationEssentials statically: shared
      // libraries cost megabytes of resident memory and millions of instructions of relocations at
      // every start (docs/PERFORMANCE.md). No module imports full Foundation (ICU, 57% more
      // conformance records to scan; StartupTests keeps it out). Debug builds and tests keep the
      // shared libraries. Without PIE the loader has a few hundred relocations to apply, not 76,864.
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-Xlinker", "--start-group", "-lFoundationEssentials", "-l_FoundationCShims",
            "-l_FoundationCollections", "-lswiftSynchronization", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime",
            "-Xlinker", "--end-group", "-Xclang-linker", "-no-pie",
            // lld, to lay out the code every start runs together (scripts/startup-order.sh): the
            // kernel maps 64 KiB around each page touched, so scattered, it was megabytes of RSS.
            "-use-ld=lld", "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/startup-order.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
          ], .when(configuration: .release))
      ]
    ),
    // Golden files and corpora are read from the source tree (#filePath), not bundled.
    // Shared by every test target: golden files, running the binary, temporary folders, waiting.
    .target(name: "TestSupport", dependencies: ["ChildProcess"], path: "Tests/TestSupport"),
    .testTarget(name: "DigiTrackModelTests", dependencies: ["DigiTrackModel", "TestSupport"], exclude: ["Corpus"]),
    .testTarget(
      name: "DigiTrackUITests", dependencies: ["DigiTrackUI", "DigiTrackSystem", "TestSupport"], exclude: ["Goldens"]),
    .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
    .testTarget(name: "DigiTrackTerminalTests", dependencies: ["DigiTrackTerminal", "CNCurses", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["digitrack-tui", "TestSupport"], exclude: ["Goldens"]),
    .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"]),
    .testTarget(
      name: "DigiTrackSheetsTests", dependencies: ["DigiTrackSheets", "DigiTrackUI", "digitrack-tui", "TestSupport"]),
  ],
  cxxLanguageStandard: .cxx17
)
