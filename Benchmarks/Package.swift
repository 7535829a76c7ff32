// swift-tools-version: 6.0
// CorpusKit's benchmarks, kept apart from the library package (as apple/swift-collections does) so that the
// library's manifest stays small. Depends on nothing but CorpusKit itself.
//
//     swift run -c release --package-path Benchmarks corpus-bench --help
import PackageDescription

let package = Package(
    name: "CorpusKitBenchmarks",
    dependencies: [
        .package(name: "CorpusKit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "corpus-bench",
            dependencies: [
                .product(name: "CorpusKit", package: "CorpusKit"),
                .product(name: "CorpusKitAnalyzers", package: "CorpusKit"),
            ],
            path: "Sources/corpus-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
