// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Tally",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "TallyCore", targets: ["TallyCore"]),
        .library(name: "TallyExtract", targets: ["TallyExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Domain types only: value types, Sendable, Codable, no I/O.
        .target(name: "TallyCore", swiftSettings: swiftSettings),
        // HTML → article text, sentences, tokens, numbers (UTF-8 byte loops).
        .target(name: "TallyText", dependencies: ["TallyCore", "CZlib"], swiftSettings: swiftSettings),
        // The system zlib, for .html.gz pages (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Gazetteer built from GeoNames (CC BY 4.0).
        .target(
            name: "TallyGeo", dependencies: ["TallyCore", "TallyText"],
            resources: [
                .copy("Resources/gazetteer.tsv"), .copy("Resources/stoplist.txt"), .copy("Resources/demonyms.tsv"),
            ],
            swiftSettings: swiftSettings),
        // Claims from text; lexicons per language as data.
        .target(
            name: "TallyExtract", dependencies: ["TallyCore", "TallyText", "TallyGeo"],
            resources: [.copy("Lexicons")],
            swiftSettings: swiftSettings),
        // Getting reports in: feeds, polite fetching of pages.
        .target(
            name: "TallyIngest",
            dependencies: [
                "TallyCore", "TallyText", "TallyExtract", "TallyStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        // Pure functions from claims to tallies.
        .target(name: "TallyReconcile", dependencies: ["TallyCore"], swiftSettings: swiftSettings),
        // Documents and claims kept: SQLite (embedded default) or PostgreSQL (shared server).
        .target(
            name: "TallyStore",
            dependencies: [
                "TallyCore", "TallyReconcile",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        // Claims and tallies written for other tools: CSV, GeoJSON, JSON lines.
        .target(name: "TallyExport", dependencies: ["TallyCore"], swiftSettings: swiftSettings),
        // The web shell: JSON API, public pages, health and metrics (Hummingbird 2).
        .target(
            name: "TallyServer",
            dependencies: [
                "TallyCore", "TallyStore", "TallyReconcile", "TallyExport", "TallyGeo", "TallyExtract", "TallyIngest", "TallyText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings),
        // The command-line shell.
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyCore", "TallyText", "TallyGeo", "TallyExtract", "TallyIngest", "TallyExport", "TallyReconcile", "TallyStore",
                "TallyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore"], swiftSettings: swiftSettings),
        .testTarget(name: "TallyTextTests", dependencies: ["TallyText"], swiftSettings: swiftSettings),
        .testTarget(name: "TallyGeoTests", dependencies: ["TallyGeo"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TallyExtractTests", dependencies: ["TallyExtract", "TallyGeo", "TallyText"],
            swiftSettings: swiftSettings),
        // Bounded random and mutated input through reading, HTML and extraction.
        .testTarget(
            name: "TallyFuzzTests", dependencies: ["TallyCore", "TallyText", "TallyExtract"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TallyIngestTests",
            dependencies: [
                "TallyIngest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "TallyExportTests", dependencies: ["TallyExport"], swiftSettings: swiftSettings),
        .testTarget(name: "TallyReconcileTests", dependencies: ["TallyReconcile"], swiftSettings: swiftSettings),
        // A throwaway PostgreSQL for the store and command-line tests (or TALLY_TEST_POSTGRES_URL).
        .target(
            name: "TallyTestSupport", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/TallyTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "TallyStoreTests",
            dependencies: [
                "TallyStore", "TallyCore", "TallyReconcile", "TallyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings),
        // The server on loopback, through its real router.
        .testTarget(
            name: "TallyServerTests",
            dependencies: [
                "TallyServer", "TallyCore", "TallyStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        // Runs the built `tally` executable as a user would.
        .testTarget(
            name: "TallyCLITests",
            dependencies: ["tally", "TallyTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
