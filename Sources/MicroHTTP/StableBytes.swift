/// Bytes at one fixed address for the whole life of the object, so libmicrohttpd can send
/// them straight from there (`MHD_RESPMEM_PERSISTENT`) on any number of requests at once.
///
/// `@unchecked Sendable`: the buffer is written once, in `init`, and only read afterwards.
public final class StableBytes: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer

    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer = .allocate(byteCount: max(bytes.count, 1), alignment: 1)
        _ = buffer.initializeMemory(as: UInt8.self, from: bytes)
        count = bytes.count
    }

    public let count: Int

    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }

    deinit { buffer.deallocate() }
}
