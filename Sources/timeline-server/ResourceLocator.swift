import Foundation

/// Finds what the binary ships with (the seed timeline and the OpenAPI document) from any
/// working directory: beside the executable (a container's /app), in ../share/timeline-server
/// (an installed layout), or in the source tree it was built from (a developer's checkout).
enum ResourceLocator {
    static var candidateRoots: [URL] {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = Bundle.main.executableURL?.deletingLastPathComponent() ?? executable.deletingLastPathComponent()
        // #filePath is Sources/timeline-server/ResourceLocator.swift in the checkout that built us.
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [beside, beside.appendingPathComponent("../share/timeline-server").standardized, sourceTree]
    }

    /// The folder of seed timelines.
    static func seeds() -> URL? { first("seeds") }

    /// The OpenAPI document served at /openapi.json.
    static func openAPIDocument() -> URL? { first("docs/openapi.json") ?? first("openapi.json") }

    private static func first(_ relativePath: String) -> URL? {
        candidateRoots.map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
