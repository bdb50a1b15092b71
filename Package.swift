// swift-tools-version:6.0
import PackageDescription

// Layers, each a target with one job; dependencies point one way only:
//   CMicroHTTPD, CZlib → MicroHTTP → TimelineAPI ← TimelineStore ← CHeapTrim;  TimelineAPI → timeline-server
// MicroHTTP knows nothing of timelines; TimelineStore knows nothing of HTTP.
let package = Package(
    name: "timeline-server",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "timeline-server", targets: ["timeline-server"]),
        .library(name: "TimelineStore", targets: ["TimelineStore"]),
        // For the libFuzzer package in fuzz/, which can only depend on products.
        .library(name: "MicroHTTP", targets: ["MicroHTTP"]),
        .library(name: "TimelineAPI", targets: ["TimelineAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"]), .brew(["libmicrohttpd"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "MicroHTTP",
            dependencies: ["CMicroHTTPD", "CZlib"]
        ),
        // glibc's malloc_trim for TimelineStore: a snapshot build frees the dataset it packed.
        .target(name: "CHeapTrim"),
        .target(name: "TimelineStore", dependencies: ["CHeapTrim"]),
        .target(
            name: "TimelineAPI",
            dependencies: ["MicroHTTP", "TimelineStore"]
        ),
        .executableTarget(
            name: "timeline-server",
            dependencies: [
                "TimelineAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmark programs (bench/README.md): not part of the product, built on demand.
        .executableTarget(
            name: "microhttp-static",
            dependencies: ["MicroHTTP"],
            path: "bench/microhttp-static"
        ),
        // A raw-socket HTTP/1.1 client shared by the live tests.
        .target(name: "HTTPTestSupport", path: "Tests/HTTPTestSupport"),
        .testTarget(name: "MicroHTTPTests", dependencies: ["MicroHTTP", "HTTPTestSupport"]),
        .testTarget(name: "TimelineStoreTests", dependencies: ["TimelineStore"]),
        .testTarget(
            name: "TimelineAPITests",
            dependencies: ["TimelineAPI", "MicroHTTP", "TimelineStore", "HTTPTestSupport"],
            exclude: ["Golden"]  // read by path: byte-exact expected responses
        ),
    ],
    swiftLanguageModes: [.v6]
)
