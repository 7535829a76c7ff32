// swift-tools-version: 6.0
// CorpusKit has no package dependencies: Foundation, Dispatch and Swift Testing come with the toolchain.
import PackageDescription

let package = Package(
    name: "CorpusKit",
    products: [
        .library(name: "CorpusKit", targets: ["CorpusKit"]),
        .library(name: "CorpusKitAnalyzers", targets: ["CorpusKitAnalyzers"]),
        .executable(name: "corpus-tool", targets: ["corpus-tool"]),
    ],
    targets: [
        .target(name: "CorpusKit", path: "Sources/CorpusKit"),
        .target(
            name: "CorpusKitAnalyzers",
            dependencies: ["CorpusKit"],
            path: "Sources/Analyzers",
            // The entity gazetteers, the quote cue lexicon and the sentiment lexicons, loaded once (see their
            // README.md files).
            resources: [.copy("Entities/Resources"), .copy("Quotes/Cues"), .copy("Sentiment/Lexicons")]
        ),
        .executableTarget(
            name: "corpus-tool",
            dependencies: ["CorpusKit", "CorpusKitAnalyzers"],
            path: "Sources/corpus-tool"
        ),
        .executableTarget(
            name: "CustomAnalyzer",
            dependencies: ["CorpusKit", "CorpusKitAnalyzers"],
            path: "Examples/CustomAnalyzer"
        ),
        .testTarget(name: "CorpusKitTests", dependencies: ["CorpusKit"]),
        .testTarget(name: "CorpusKitAnalyzersTests", dependencies: ["CorpusKit", "CorpusKitAnalyzers"]),
        .testTarget(
            name: "CorpusToolTests",
            dependencies: ["corpus-tool"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
