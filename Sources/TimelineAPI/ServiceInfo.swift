/// Name and version, shown by `/`, `/healthz` and `/metrics`.
public struct ServiceInfo: Sendable {
    public var name: String
    public var version: String

    public init(name: String = "timeline-server", version: String = ServiceInfo.currentVersion) {
        self.name = name
        self.version = version
    }

    public static let currentVersion = "0.1.0"
}
