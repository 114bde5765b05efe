// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    products: [
        .library(name: "Bulletin", targets: ["Bulletin"]),
        .executable(name: "bulletin", targets: ["bulletin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Plain C wrappers around the system ICU (libicu-dev). ICU's headers rename every
        // function with a version suffix by macro, which Swift cannot import directly.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // Reads Grammar/*.tsv at build time and writes them into a Swift source file, so the
        // installed binary carries its default grammar.
        .executableTarget(name: "GrammarEmbedder"),
        .plugin(
            name: "EmbedGrammar",
            capability: .buildTool(),
            dependencies: ["GrammarEmbedder"]
        ),
        // The engine: input → tokens → quantities → structure → claims → checks → output.
        .target(
            name: "Bulletin",
            dependencies: ["CICU"],
            plugins: ["EmbedGrammar"]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "Bulletin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BulletinTests",
            dependencies: ["Bulletin"]
        ),
    ]
)
