// swift-tools-version: 6.1
// newsdex: a full-text search indexer for news archives, on Xapian.
//
// Layers (see README.md): CXapian (C API over libxapian) <- Xapian (Swift binding, knows nothing
// about news) <- Newsdex (articles, entities, schema, indexer, searcher) <- newsdex (the CLI).
import PackageDescription

let package = Package(
    name: "newsdex",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsdex", targets: ["newsdex"]),
        .library(name: "Newsdex", targets: ["Newsdex"]),
        .library(name: "Xapian", targets: ["Xapian"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only code that includes <xapian.h>: a plain C API, every entry point noexcept.
        .target(
            name: "CXapian",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // An idiomatic Swift binding of Xapian; it could be published alone.
        .target(name: "Xapian", dependencies: ["CXapian"]),
        // libxml2's HTML parser as flat arrays of nodes: the only code that includes libxml2's
        // headers. libxml2 is not linked: CHTML opens it on the first page it parses, so that a
        // search never loads it and the ICU it brings (issue 16). Its headers' folder is given
        // as a flag: pkg-config's, through a system library target, would link libxml2 too.
        .target(
            name: "CHTML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])]),
        // zlib's gzip inflate and deflate, member by member, for web archives (*.warc.gz).
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        // The Compact Language Detector 2 (Debian's libcld2) as one C function: the only code
        // that includes its C++ headers. Opened on first use, not linked, as libxml2 is.
        .target(name: "CCLD2"),
        // CommandLine.arguments from what glibc hands initializers, so that the statically linked
        // runtime never reads /proc/self/maps to find them at start (issue 16).
        .target(name: "CProcessArguments"),
        // The news domain: articles, captions, entities, the schema, indexing and searching.
        .target(name: "Newsdex", dependencies: ["Xapian", "CHTML", "CZlib", "CCLD2"]),
        // The command line: parses flags, calls Newsdex, prints.
        .executableTarget(
            name: "newsdex",
            dependencies: [
                "Newsdex", "CProcessArguments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic news corpora for benchmarks and tests, with their ground truth (bench/).
        .target(name: "CorpusGenerator", dependencies: ["CZlib"]),
        .executableTarget(
            name: "newsdex-corpus",
            dependencies: [
                "CorpusGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CorpusGeneratorTests", dependencies: ["CorpusGenerator"]),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "CorpusGenerator"]),
        // What more than one test target needs: real xapian-tcpsrv servers on loopback, and the
        // seed articles as fixtures.
        .target(name: "TestSupport", path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "NewsdexTests",
            dependencies: ["Newsdex", "TestSupport", "CorpusGenerator", "Xapian"],
            resources: [.copy("Fixtures")]
        ),
        // Runs the built `newsdex` binary and checks stdout, stderr and the exit code.
        // Xapian: to damage a stored record the way only a writer can.
        .testTarget(name: "NewsdexCLITests", dependencies: ["newsdex", "TestSupport", "Xapian", "CProcessArguments"]),
    ],
    cxxLanguageStandard: .cxx17
)
