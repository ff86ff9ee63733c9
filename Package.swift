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
            name: "TallyGeo", dependencies: ["TallyCore"],
            resources: [.copy("Resources/gazetteer.tsv")],
            swiftSettings: swiftSettings),
        // Claims from text; lexicons per language as data.
        .target(
            name: "TallyExtract", dependencies: ["TallyCore", "TallyText", "TallyGeo"],
            resources: [.copy("Lexicons")],
            swiftSettings: swiftSettings),
        // The command-line shell.
        .executableTarget(
            name: "tally",
            dependencies: [
                "TallyCore", "TallyText", "TallyGeo", "TallyExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore"], swiftSettings: swiftSettings),
        .testTarget(name: "TallyTextTests", dependencies: ["TallyText"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
