// swift-tools-version:6.0
// Verbale: a translation-memory toolkit for notes verbales in English, French and Khmer.
//
// Layers (arrows point down only):
//   verbale (CLI) → VerbaleDraft → VerbaleMemory, VerbaleGlossary, VerbaleAlign, VerbaleFormats
//   → VerbaleCore → CICU (ICU4C behind an opaque C header); VerbaleMemory → CSQLiteSetup
//   (sqlite3_config, which Swift cannot call).
import PackageDescription

let package = Package(
    name: "Verbale",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "verbale", targets: ["verbale"]),
        .library(name: "VerbaleCore", targets: ["VerbaleCore"]),
        .library(name: "VerbaleFormats", targets: ["VerbaleFormats"]),
        .library(name: "VerbaleMemory", targets: ["VerbaleMemory"]),
        .library(name: "VerbaleGlossary", targets: ["VerbaleGlossary"]),
        .library(name: "VerbaleAlign", targets: ["VerbaleAlign"]),
        .library(name: "VerbaleDraft", targets: ["VerbaleDraft"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.0"),
    ],
    targets: [
        // ICU4C behind a header that uses only stdint types: Foundation ships its own ICU
        // headers, so exposing <unicode/*.h> to Swift does not compile (see README).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // sqlite3_config (variadic: not callable from Swift) for process-wide SQLite settings;
        // header-only, so no second C compile unit reaches the binaries (see its header).
        .systemLibrary(name: "CSQLiteSetup", path: "Sources/CSQLiteSetup"),
        .target(
            name: "VerbaleCore",
            dependencies: ["CICU"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "VerbaleFormats",
            dependencies: ["VerbaleCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "VerbaleMemory",
            dependencies: [
                "VerbaleCore", "VerbaleFormats", "CSQLiteSetup", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API itself, for the bulk-import hot path (binding without boxing).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "VerbaleGlossary",
            dependencies: ["VerbaleCore", "VerbaleFormats", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "VerbaleAlign", dependencies: ["VerbaleCore", "VerbaleFormats"]),
        .target(
            name: "VerbaleDraft",
            dependencies: ["VerbaleCore", "VerbaleFormats", "VerbaleMemory", "VerbaleGlossary", "VerbaleAlign",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "verbale",
            dependencies: [
                "VerbaleCore", "VerbaleFormats", "VerbaleMemory", "VerbaleGlossary", "VerbaleAlign", "VerbaleDraft",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "verbale-bench",
            dependencies: ["CICU", "VerbaleCore", "VerbaleFormats", "VerbaleMemory", "VerbaleGlossary", "VerbaleAlign", "VerbaleDraft"],
            path: "Benchmarks/Sources/verbale-bench"
        ),
        // Test-only: the scratch folder every test suite writes its temporary files under.
        .target(name: "VerbaleTestSupport", path: "Tests/VerbaleTestSupport"),
        .testTarget(name: "VerbaleCoreTests", dependencies: ["VerbaleCore"]),
        .testTarget(name: "VerbaleFormatsTests", dependencies: ["VerbaleTestSupport", "VerbaleFormats", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "VerbaleMemoryTests", dependencies: ["VerbaleTestSupport", "VerbaleMemory", "VerbaleFormats"]),
        .testTarget(name: "VerbaleGlossaryTests", dependencies: ["VerbaleTestSupport", "VerbaleGlossary", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "VerbaleAlignTests", dependencies: ["VerbaleTestSupport", "VerbaleAlign", "VerbaleFormats"]),
        .testTarget(name: "VerbaleDraftTests", dependencies: ["VerbaleTestSupport", "VerbaleDraft", "VerbaleFormats"]),
        .testTarget(name: "VerbaleCLITests", dependencies: [
            "verbale", "VerbaleTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            // To age a memory's analysis stamp, as an older Verbale left it.
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
