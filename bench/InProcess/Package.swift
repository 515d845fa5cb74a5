// swift-tools-version: 6.1
// In-process figures for bench/: newsdex's Searcher and entity extractor timed inside one process.
// A package of its own, so that `swift build` of the root package (and CI) never builds
// package-benchmark and its dependencies. bench/run.py builds and runs `newsdex-inprocess`;
// `swift package benchmark` runs the same searches under ordo-one/package-benchmark.
import PackageDescription

let package = Package(
    name: "newsdex-bench-inprocess",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The root package, whatever the clone's folder is called (its identity is the folder name).
        .package(name: "newsdex", path: "../.."),
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1",
                 traits: ["MallocInterposer"]),
    ],
    targets: [
        // The driver bench/run.py uses: p50/p95 per query as JSON lines, like bench/bin/xapian-search --bench.
        .executableTarget(
            name: "newsdex-inprocess",
            dependencies: [.product(name: "Newsdex", package: "newsdex")]
        ),
        .executableTarget(
            name: "NewsdexSearch",
            dependencies: [
                .product(name: "Newsdex", package: "newsdex"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/NewsdexSearch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
