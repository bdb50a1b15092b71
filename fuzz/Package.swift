// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over the parsers that read untrusted text. Build and run them with
// `fuzz/run` (it passes `-sanitize=fuzzer,address`): each target's `<Module>_main` starts
// libFuzzer's driver (Sources/CLibFuzzer).

/// A fuzz target using the root package's products.
func fuzzTarget(_ name: String, using products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["CLibFuzzer"] + products.map { .product(name: $0, package: "timeline-server") }
    )
}

let package = Package(
    name: "timeline-server-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "timeline-server", path: ".."),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        fuzzTarget("FuzzQueryString", using: ["MicroHTTP", "TimelineAPI"]),
        fuzzTarget("FuzzRouter", using: ["MicroHTTP", "TimelineAPI", "TimelineStore"]),
        fuzzTarget("FuzzEDTF", using: ["TimelineStore"]),
    ],
    swiftLanguageModes: [.v6]
)
