// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: the root package is "main" in one clone
// and something else in another, so take the name from where this manifest is.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardizedFileURL.lastPathComponent.lowercased()

// The store-scaling benchmark (README.md): TimelineStore against SQLite on synthetic timelines.
// A package of its own, so the product's package never sees SQLite; build with
// `swift build -c release --package-path bench/store` (its own bench/store/.build).
let package = Package(
    name: "timeline-store-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .executableTarget(
            name: "storebench",
            dependencies: ["CSQLite", .product(name: "TimelineStore", package: rootPackage)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
