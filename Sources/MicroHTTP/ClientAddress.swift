#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The peer's address, kept as two words so that building a request allocates nothing for
/// it; `description` formats it only when someone (the access log) asks.
public struct ClientAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Family: Sendable, Hashable { case ipv4, ipv6 }

    public let family: Family
    public let port: UInt16
    /// The address in network byte order: IPv4 in the first 4 bytes, IPv6 in all 16.
    private let storage: (UInt64, UInt64)

    public init(family: Family, bytes: [UInt8], port: UInt16) {
        precondition(bytes.count == (family == .ipv4 ? 4 : 16), "address length does not match its family")
        var storage: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &storage) { raw in raw.copyBytes(from: bytes) }
        self.family = family
        self.port = port
        self.storage = storage
    }

    init(family: Family, rawAddress: UnsafeRawPointer, port: UInt16) {
        var storage: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: rawAddress, count: family == .ipv4 ? 4 : 16))
        }
        self.family = family
        self.port = port
        self.storage = storage
    }

    public var bytes: [UInt8] {
        withUnsafeBytes(of: storage) { Array($0.prefix(family == .ipv4 ? 4 : 16)) }
    }

    /// The address alone, as `inet_ntop` writes it.
    public var host: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = withUnsafeBytes(of: storage) { raw in
            inet_ntop(family == .ipv4 ? AF_INET : AF_INET6, raw.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard written != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String {
        family == .ipv4 ? "\(host):\(port)" : "[\(host)]:\(port)"
    }

    public static func == (lhs: ClientAddress, rhs: ClientAddress) -> Bool {
        lhs.family == rhs.family && lhs.port == rhs.port
            && lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(family)
        hasher.combine(port)
        hasher.combine(storage.0)
        hasher.combine(storage.1)
    }
}
