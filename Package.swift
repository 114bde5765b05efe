// swift-tools-version: 6.0
import PackageDescription

/// `Scripts/fuzz` sets BULLETIN_FUZZ=1 to build the fuzz target with libFuzzer and AddressSanitizer
/// (into its own scratch path, .build-fuzz). The flags go only to the code the fuzz target runs,
/// not to the build tools, and a normal build does not see them.
let fuzzing = Context.environment["BULLETIN_FUZZ"] == "1"
let fuzzSwiftSettings: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("BULLETIN_FUZZ")] : []
let fuzzCSettings: [CSetting] = fuzzing ? [.unsafeFlags(["-fsanitize=fuzzer-no-link,address"])] : []
let fuzzLinkerSettings: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []

let package = Package(
    name: "bulletin",
    products: [
        .library(name: "Bulletin", targets: ["Bulletin"]),
        .executable(name: "bulletin", targets: ["bulletin"]),
        .executable(name: "bulletin-bench", targets: ["BulletinBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // Writes the .docx and .xlsx files the tests read (the reader itself is `ZipArchive`).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Plain C wrappers around the system ICU (libicu-dev). ICU's headers rename every
        // function with a version suffix by macro, which Swift cannot import directly.
        .target(
            name: "CICU",
            cSettings: fuzzCSettings,
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // zlib (zlib1g-dev) inflates the parts of .docx and .xlsx files.
        .systemLibrary(name: "CZlibBulletin", providers: [.apt(["zlib1g-dev"])]),
        // poppler's GLib API (libpoppler-glib-dev) reads the text of PDFs, behind a C wrapper (CPDF)
        // so that Swift does not import GLib's headers.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "CPDF", dependencies: ["CPoppler"], cSettings: fuzzCSettings),
        // SHA-256 blocks with the x86 SHA extensions, where the processor has them (the input's
        // fingerprint); the portable code is Swift's.
        .target(name: "CSHA256", cSettings: fuzzCSettings),
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
            dependencies: ["CICU", "CZlibBulletin", "CPDF", "CSHA256"],
            swiftSettings: fuzzSwiftSettings,
            plugins: ["EmbedGrammar"]
        ),
        // SQLite's C API from the system library (libsqlite3-dev; `.ci/run` installs it when missing).
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // A folder of bulletins as a dataset: the batch run across cores, JSON Lines, CSV tables and
        // a SQLite database, with the series and targets linked across documents.
        .target(
            name: "BulletinDataset",
            dependencies: ["Bulletin", "CSQLite", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The HTML report: an annotated page per document and an index with the dataset's series.
        .target(
            name: "BulletinReport",
            dependencies: ["Bulletin"]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "Bulletin",
                "BulletinDataset",
                "BulletinReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: each stage and the whole pipeline against ICU's word segmentation alone,
        // over inputs built from Corpus/ (and the dev corpus when present). Run it in release.
        .executableTarget(
            name: "BulletinBench",
            dependencies: ["Bulletin", "CICU"]
        ),
        // A JSON Schema validator for the output, and a check of the whole pipeline on raw bytes;
        // shared by the tests and the fuzz target.
        .target(
            name: "BulletinSchema",
            dependencies: ["Bulletin"],
            swiftSettings: fuzzSwiftSettings
        ),
        // The libFuzzer target (Scripts/fuzz builds it with -sanitize=fuzzer into .build-fuzz);
        // a plain build makes a tool that replays inputs through the same check.
        .executableTarget(
            name: "BulletinFuzz",
            dependencies: ["Bulletin", "BulletinSchema"],
            swiftSettings: fuzzSwiftSettings,
            linkerSettings: fuzzLinkerSettings
        ),
        .testTarget(
            name: "BulletinTests",
            dependencies: ["Bulletin", "BulletinSchema", "BulletinDataset", "BulletinReport", "CICU", "CSQLite", .product(name: "CSV", package: "CSV.swift"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
