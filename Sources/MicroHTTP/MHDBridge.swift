// The one file that imports libmicrohttpd. Every raw C call, callback and pointer of the
// HTTP layer is here; the rest of MicroHTTP is plain Swift.

import CMicroHTTPD
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Responses

/// A libmicrohttpd response that owns a reference to the bytes it sends.
///
/// The body is handed to MHD without copying. MHD reference-counts responses that are
/// queued on connections and may outlive this object, so the bytes are retained for MHD
/// (`passRetained`) and released by MHD's free callback when its last reference goes.
/// (A body sent from a file is made per loop instead: `StampedResponses.fileCopy(of:)`.)
final class MHDResponseHandle: @unchecked Sendable {
    // @unchecked: the pointer is set once in init; MHD's queueing of a shared response is thread-safe.
    let pointer: OpaquePointer

    init(persistentBody body: StableBytes, headers: HTTPHeaders) {
        pointer = MHDResponseHandle.makeResponse(body: body)
        MHDResponseHandle.add(headers, to: pointer)
    }

    deinit { MHD_destroy_response(pointer) }

    /// A response that sends `file` with sendfile(2); nil when no file descriptor is left for it
    /// (the caller then sends the body from memory).
    fileprivate static func makeResponse(file: BodyFile) -> OpaquePointer? {
        // MHD closes the descriptor it is given when the response goes, so each response
        // gets its own duplicate (close-on-exec, as the memfd); all of them share the file's
        // pages. Sent from offset 0 each time: MHD keeps each connection's position itself
        // and never moves the file's.
        let descriptor = fcntl(file.descriptor, F_DUPFD_CLOEXEC, 0)
        guard descriptor >= 0 else { return nil }
        guard let response = MHD_create_response_from_fd_at_offset64(UInt64(file.count), descriptor, 0) else {
            close(descriptor)
            return nil
        }
        return response
    }

    fileprivate static func makeResponse(body: StableBytes) -> OpaquePointer {
        let retained = Unmanaged.passRetained(body).toOpaque() // released in the free callback below
        guard let response = MHD_create_response_from_buffer_with_free_callback_cls(
            body.count, body.buffer.baseAddress, { context in
                Unmanaged<StableBytes>.fromOpaque(context!).release()
            }, retained)
        else { fatalError("MHD_create_response_from_buffer_with_free_callback_cls failed: out of memory") }
        return response
    }

    fileprivate static func add(_ headers: HTTPHeaders, to response: OpaquePointer) {
        for field in headers {
            // MHD refuses names or values with CR, LF or NUL: a header can never be split.
            _ = MHD_add_response_header(response, field.name, field.value)
        }
    }
}

/// A body written once into an anonymous file in memory, for sendfile(2): see
/// `PreparedResponse.sendingBodyFromFile()`. Only read after `init`.
final class BodyFile: Sendable {
    let descriptor: Int32
    let count: Int

    /// Nil when the file cannot be made or written; the caller then copies the body instead.
    init?(_ body: StableBytes) {
        let descriptor = cmhd_memfd_create("prepared-response")
        guard descriptor >= 0 else { return nil }
        var written = 0
        while written < body.count {
            let result = write(descriptor, body.buffer.baseAddress! + written, body.count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                close(descriptor)
                return nil
            }
            written += result
        }
        self.descriptor = descriptor
        count = body.count
    }

    deinit { close(descriptor) }
}

// MARK: - One event loop

/// One libmicrohttpd daemon driven by one thread of ours ("external select" mode with epoll).
///
/// Why not MHD's internal threads: in 0.9.75 MHD's internal epoll loop can block for good
/// when exactly 128·k connections are ready at once (see shared/notes). In external mode
/// `MHD_run` never blocks; we wait with `poll()` on MHD's epoll fd plus a stop eventfd.
/// `poll()`, never `epoll_wait()`, which would consume MHD's edge-triggered events.
final class MHDEventLoop: @unchecked Sendable {
    // @unchecked: `daemon` is created before the thread starts and touched only by that thread
    // afterwards (and by `join` once it has ended); counters are atomics.
    private var daemon: OpaquePointer?
    private let stopEventFD: Int32
    private var thread = pthread_t()
    private let responder: any HTTPResponder
    private let maximumBodySize: Int
    private let stopState = Mutex<(requested: Bool, deadline: ContinuousClock.Instant?)>((false, nil))
    /// Read on every loop pass; the mutex above is taken only once it is set.
    private let stopRequested = Atomic<Bool>(false)
    let inFlightRequests = Atomic<Int>(0)
    /// Touched only on this loop's thread, as are the next two. Classes held by `let`, so
    /// that using them costs no dynamic exclusivity check per request.
    private let stampedClones: StampedResponses
    fileprivate let requestContexts = RequestContextPool()
    private let rawFields = RawFieldBuffer()

    init(listenFD: Int32, configuration: HTTPServer.Configuration, connectionLimit: Int,
         responder: any HTTPResponder) throws(HTTPServerError) {
        self.responder = responder
        self.maximumBodySize = configuration.maximumBodySize
        // Answers prepared with a body file are sent from it (`sendingBodyFromFile()`), but not
        // over TLS, where libmicrohttpd would read the file back into memory to encrypt it.
        let sendsBodiesFromFiles = configuration.tlsCertificatePEM == nil || configuration.tlsKeyPEM == nil
        stampedClones = StampedResponses(sendsBodiesFromFiles: sendsBodiesFromFiles)
        stopEventFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))

        // The context pointer of every callback. Unretained: the loop outlives its daemon,
        // which is stopped on the loop's own thread before `join` returns.
        let context = Unmanaged.passUnretained(self).toOpaque()
        var options: [MHD_OptionItem] = [
            MHD_OptionItem(option: .LISTEN_SOCKET, value: intptr_t(listenFD), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: intptr_t(connectionLimit), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT,
                           value: intptr_t(configuration.connectionMemoryLimit), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT,
                           value: intptr_t(configuration.connectionTimeout), ptr_value: nil),
            MHD_OptionItem(option: .URI_LOG_CALLBACK,
                           value: unsafeBitCast(onRequestStart, to: intptr_t.self), ptr_value: context),
            MHD_OptionItem(option: .NOTIFY_COMPLETED,
                           value: unsafeBitCast(onRequestCompleted, to: intptr_t.self), ptr_value: context),
            // We decode targets ourselves (strictly); MHD's own unescaping would hide bad escapes.
            MHD_OptionItem(option: .UNESCAPE_CALLBACK,
                           value: unsafeBitCast(keepEscaped, to: intptr_t.self), ptr_value: nil),
        ]
        if sendsBodiesFromFiles {
            // sendfile(2) has no MSG_NOSIGNAL: a write to a connection the client has reset
            // raises SIGPIPE, which by default ends the process. Ignored here, for the whole
            // process, as servers do; libmicrohttpd uses sendfile in our mode only when told so.
            signal(SIGPIPE, SIG_IGN)
            options.append(MHD_OptionItem(option: .SIGPIPE_HANDLED_BY_APP, value: 1, ptr_value: nil))
        }
        var flags = UInt32(MHD_USE_EPOLL.rawValue) | UInt32(MHD_USE_ITC.rawValue) | UInt32(MHD_USE_TURBO.rawValue)
        var pemStrings: [UnsafeMutablePointer<CChar>] = []
        if let certificate = configuration.tlsCertificatePEM, let key = configuration.tlsKeyPEM {
            // MHD copies nothing here: the strings must live until MHD_start_daemon returns.
            pemStrings = [strdup(certificate), strdup(key)]
            options.append(MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: UnsafeMutableRawPointer(pemStrings[0])))
            options.append(MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: UnsafeMutableRawPointer(pemStrings[1])))
            flags |= UInt32(MHD_USE_TLS.rawValue)
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        daemon = options.withUnsafeMutableBufferPointer { buffer in
            cmhd_start_daemon(flags, 0, onAccess, context, buffer.baseAddress)
        }
        pemStrings.forEach { free($0) }
        guard daemon != nil else {
            close(stopEventFD)
            close(listenFD)
            throw .daemonFailed(reason: configuration.tlsCertificatePEM == nil
                ? "MHD_start_daemon returned NULL" : "MHD_start_daemon returned NULL (is the TLS certificate and key valid PEM?)")
        }
    }

    var openConnections: Int { daemon.map { Int(cmhd_daemon_connection_count($0)) } ?? 0 }

    func start() {
        // Retained for the thread; released when the thread function returns.
        let retained = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { argument in
            let loop = Unmanaged<MHDEventLoop>.fromOpaque(argument!).takeRetainedValue()
            loop.run()
            return nil
        }, retained)
    }

    /// Stop accepting now; let requests in flight finish until `deadline`, then close everything.
    func requestStop(deadline: ContinuousClock.Instant) {
        stopState.withLock { $0 = (true, deadline) }
        stopRequested.store(true, ordering: .releasing)
        var one: UInt64 = 1
        _ = write(stopEventFD, &one, 8)
    }

    func join() {
        pthread_join(thread, nil)
        close(stopEventFD)
    }

    private func run() {
        guard let daemon else { return }
        var fds = [
            pollfd(fd: cmhd_daemon_epoll_fd(daemon), events: Int16(POLLIN), revents: 0),
            pollfd(fd: stopEventFD, events: Int16(POLLIN), revents: 0),
        ]
        var quiesced = false
        while true {
            let stop = stopRequested.load(ordering: .acquiring) ? stopState.withLock { $0 } : (requested: false, deadline: nil)
            if stop.requested && !quiesced {
                // Stop listening; the socket is ours again to close. Connections already open go on.
                let listenFD = MHD_quiesce_daemon(daemon)
                if listenFD >= 0 { close(listenFD) }
                quiesced = true
            }
            if quiesced, inFlightRequests.load(ordering: .acquiring) == 0 || ContinuousClock.now >= stop.deadline! {
                break
            }
            var timeout: Int32 = quiesced ? 20 : 1000
            var mhdTimeout: CUnsignedLongLong = 0
            if MHD_get_timeout(daemon, &mhdTimeout) == .YES {
                timeout = Int32(min(UInt64(timeout), UInt64(mhdTimeout)))
            }
            fds[0].revents = 0
            fds[1].revents = 0
            _ = poll(&fds, nfds_t(fds.count), timeout)
            if fds[1].revents != 0 {
                var count: UInt64 = 0
                _ = read(stopEventFD, &count, 8)
            }
            _ = MHD_run(daemon)
        }
        // Closes idle keep-alive connections and those past the deadline.
        MHD_stop_daemon(daemon)
        self.daemon = nil
        stampedClones.removeAll()
    }

    // MARK: Request handling (on this loop's thread)

    fileprivate func handle(connection: OpaquePointer, method: UnsafePointer<CChar>, version: UnsafePointer<CChar>?,
                            uploadSize: UnsafeMutablePointer<Int>, request: RequestContext) -> MHD_Result {
        if !request.sawFirstCall {
            // Answering on the first call makes MHD 0.9.75 close the connection after the reply
            // (no keep-alive), so the first call only records that the request has begun...
            request.sawFirstCall = true
            // ...except for a transfer coding MHD cannot frame: it would wait for a body it can
            // never read until the connection times out. 501 and close (RFC 9112 §6.1).
            if let coding = MHD_lookup_connection_value(connection, .HEADER_KIND, "Transfer-Encoding"),
               strcasecmp(coding, "chunked") != 0 {
                let detail = "transfer coding \"\(String(cString: coding))\" is not supported; only chunked is"
                return queue(ProblemDetails(status: .notImplemented, detail: detail, instance: request.targetString)
                    .response(headers: ["Connection": "close"]), on: connection, for: request)
            }
            return .YES
        }
        if uploadSize.pointee > 0 {
            // No route takes a body: count it so the responder can refuse it, and discard it.
            request.bodyLength += uploadSize.pointee
            uploadSize.pointee = 0
            // MHD 0.9.75 refuses to queue a response while a body is still arriving, so a body is
            // read to its end and answered then (the responder refuses it); past the cap the
            // connection is closed at once rather than reading more.
            return request.bodyLength > maximumBodySize ? .NO : .YES
        }
        let methodValue = MHDEventLoop.method(method)
        let fields = rawFields.gather(from: connection)
        let head = RequestHead(method: methodValue, target: .raw(request.target), bodyLength: request.bodyLength,
                               fields: .raw(fields))
        // The transport's checks, before any responder: the quick path builds no `HTTPRequest`.
        // HTTP/1.1 requires Host (RFC 9112 §3.2); HTTPRequest cannot tell, it has no version.
        // The target is checked by `HTTPRequest`, on the full path only: the quick path answers
        // only exact targets it knows.
        do throws(HTTPRequestError) {
            try HTTPRequestError.check(fieldsOf: head, hostRequired: MHDEventLoop.isHTTP11(version))
        } catch {
            return queue(MHDEventLoop.badRequest(error, target: request.targetString), on: connection, for: request)
        }
        if let quick = responder.quickResponse(to: head) {
            return queue(quick, on: connection, for: request)
        }
        let response: HTTPResponse
        do {
            let parsed = try HTTPRequest(
                method: methodValue,
                target: request.targetString,
                // The fields gathered and checked above, copied into Strings only now that they are needed.
                checkedHeaders: HTTPHeaders(fields.map { field in
                    (name: String(decoding: field.name, as: UTF8.self), value: String(decoding: field.value, as: UTF8.self))
                }),
                clientAddress: MHDEventLoop.clientAddress(of: connection),
                bodyLength: request.bodyLength)
            response = responder.respond(to: parsed)
        } catch {
            response = MHDEventLoop.badRequest(error, target: request.targetString)
        }
        return queue(response, on: connection, for: request)
    }

    private static func badRequest(_ error: HTTPRequestError, target: String) -> HTTPResponse {
        // After header fields whose framing cannot be trusted, nothing more on the connection is.
        let closing: HTTPHeaders = error.closesConnection ? ["Connection": "close"] : [:]
        return ProblemDetails(status: .badRequest, detail: error.description, instance: target).response(headers: closing)
    }

    private static func isHTTP11(_ version: UnsafePointer<CChar>?) -> Bool {
        guard let version else { return false }
        // "HTTP/1.1" and its NUL, byte by byte: stops at the first difference, so never reads
        // past a shorter string's NUL, and costs no call on every request.
        let expected: StaticString = "HTTP/1.1"
        for index in 0...expected.utf8CodeUnitCount {
            let byte = index < expected.utf8CodeUnitCount ? expected.utf8Start[index] : 0
            if UInt8(bitPattern: version[index]) != byte { return false }
        }
        return true
    }

    private func queue(_ quick: QuickResponse, on connection: OpaquePointer, for request: RequestContext) -> MHD_Result {
        queue(quick.prepared, adding: quick.addedField, on: connection, for: request)
            ?? queue(quick.response, on: connection, for: request)
    }

    /// Queues `prepared` as it was made, or with `field` stamped into this loop's clone (no
    /// response built); nil only when there is a field and it cannot be stamped.
    private func queue(_ prepared: PreparedResponse, adding field: PerRequestField?, on connection: OpaquePointer,
                       for request: RequestContext) -> MHD_Result? {
        let fromFile = stampedClones.sendsFromFile(prepared)
        let response: OpaquePointer
        if let field {
            guard let stamped = stampedClones.stamp(prepared, with: field) else { return nil }
            response = stamped
        } else if fromFile, let copy = stampedClones.fileCopy(of: prepared) {
            response = copy
        } else {
            response = prepared.handle.pointer
        }
        if fromFile {
            // libmicrohttpd sends the head with send() and the body with sendfile(), and pushes
            // the head out on its own by setting TCP_NODELAY on the first answer of a connection.
            // From the second on, corked, head and body leave as one segment; `RequestContext.end()`
            // uncorks once the answer is all written. (If this loop had no descriptor left for a
            // file response, the body goes from memory in one write, and the cork costs nothing.)
            request.cork(socket: cmhd_connection_fd(connection))
        }
        return MHD_queue_response(connection, UInt32(prepared.status.rawValue), response)
    }

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer, for request: RequestContext) -> MHD_Result {
        let status = UInt32(response.status.rawValue)
        switch response.body {
        case .prepared(let prepared) where response.headers.isEmpty:
            return queue(prepared, adding: nil, on: connection, for: request)! // no field: never nil
        case .prepared(let prepared):
            // One added header (a request id): stamped into this loop's clone, no response built.
            if let field = response.onlyAddedField, let queued = queue(prepared, adding: field, on: connection, for: request) {
                return queued
            }
            let mhdResponse = MHDResponseHandle.makeResponse(body: prepared.body)
            MHDResponseHandle.add(prepared.headers, to: mhdResponse)
            MHDResponseHandle.add(response.headers, to: mhdResponse)
            defer { MHD_destroy_response(mhdResponse) }
            return MHD_queue_response(connection, status, mhdResponse)
        case .stable(let body):
            let mhdResponse = MHDResponseHandle.makeResponse(body: body)
            MHDResponseHandle.add(response.headers, to: mhdResponse)
            defer { MHD_destroy_response(mhdResponse) }
            return MHD_queue_response(connection, status, mhdResponse)
        case .bytes(let bytes):
            let mhdResponse = bytes.withUnsafeBytes { raw in
                MHD_create_response_from_buffer(raw.count, UnsafeMutableRawPointer(mutating: raw.baseAddress),
                                                .RESPMEM_MUST_COPY)
            }
            guard let mhdResponse else { return .NO }
            MHDResponseHandle.add(response.headers, to: mhdResponse)
            defer { MHD_destroy_response(mhdResponse) }
            return MHD_queue_response(connection, status, mhdResponse)
        case .empty:
            guard let mhdResponse = MHD_create_response_from_buffer(0, nil, .RESPMEM_PERSISTENT) else { return .NO }
            MHDResponseHandle.add(response.headers, to: mhdResponse)
            defer { MHD_destroy_response(mhdResponse) }
            return MHD_queue_response(connection, status, mhdResponse)
        }
    }

    /// GET and HEAD without building a String from C (the common case); others as sent.
    private static func method(_ text: UnsafePointer<CChar>) -> HTTPMethod {
        if text[0] == 0x47, text[1] == 0x45, text[2] == 0x54, text[3] == 0 { return .get }
        if text[0] == 0x48, text[1] == 0x45, text[2] == 0x41, text[3] == 0x44, text[4] == 0 { return .head }
        return HTTPMethod(rawValue: String(cString: text))
    }


    private static func clientAddress(of connection: OpaquePointer) -> ClientAddress? {
        guard let address = cmhd_connection_client_address(connection) else { return nil }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                withUnsafePointer(to: ipv4.pointee.sin_addr) {
                    ClientAddress(family: .ipv4, rawAddress: $0, port: UInt16(bigEndian: ipv4.pointee.sin_port))
                }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                withUnsafePointer(to: ipv6.pointee.sin6_addr) {
                    ClientAddress(family: .ipv6, rawAddress: $0, port: UInt16(bigEndian: ipv6.pointee.sin6_port))
                }
            }
        default:
            return nil
        }
    }
}

// MARK: - Prepared responses with one per-request header

/// Prepared responses that carry one more header whose value changes with every request
/// (a request id), sent without building a libmicrohttpd response per request.
///
/// libmicrohttpd 0.9.75 has no per-connection headers, and a response made per request
/// costs about thirty allocations (one per header name and value). Instead each loop keeps,
/// per prepared response, header name and value length, one clone of the response with that
/// header added, and overwrites the value's bytes in place before queueing it.
///
/// Why this is safe: the clone is used by this loop's thread alone, and libmicrohttpd copies
/// the header block into the connection's write buffer right after the access handler
/// returns, in the same `MHD_connection_handle_idle` pass (connection.c of 0.9.75:
/// `MHD_CONNECTION_FULL_REQ_RECEIVED` calls the handler, then `MHD_CONNECTION_START_REPLY`
/// runs `build_header_response`), before this thread handles any other request. Afterwards
/// only the body is read (footers exist only for chunked responses, which these are not).
/// The stored value is libmicrohttpd's own `strdup` of the placeholder, and it is overwritten
/// with exactly as many bytes, all visible ASCII, so it stays a valid header value.
///
/// A response with a body file gets clones that send from the file, and one more per loop
/// with nothing stamped (`fileCopy(of:)`), so that no file response is shared between loops.
final class StampedResponses {
    private struct Key: Hashable {
        let response: ObjectIdentifier
        let name: String
        let valueLength: Int
    }

    private struct Clone {
        let prepared: PreparedResponse // keeps the ObjectIdentifier from being reused
        let pointer: OpaquePointer
        /// Where the stamped value lies; nil in a `fileCopy(of:)`, which stamps nothing.
        let value: UnsafeMutablePointer<CChar>?
        let sendsFromFile: Bool
    }

    /// Bound the clones one loop keeps, by count, by the body bytes they keep alive (a clone
    /// outlives the response cache's copy of an answer it evicted) and by the file descriptors
    /// they hold (a clone sending from a file holds one, and keeps its response's file open, after
    /// a reload too); past any bound they are all dropped and made again as needed.
    static let capacity = 256
    static let byteBudget = 8 << 20
    static let fileCloneCapacity = 16
    private var clones: [Key: Clone] = [:]
    private var retainedBytes = 0
    private var fileClones = 0
    /// Whether responses with a body file are sent from it on this loop (not over TLS).
    private let sendsBodiesFromFiles: Bool
    /// The clone used last, checked before the dictionary: a loop mostly answers the same hot
    /// target with ids of one length, and hashing the key costs more than the rest of stamping.
    /// Kept as plain fields, compared in place (copying a `Key` and a `Clone` costs retains);
    /// the identifier cannot be reused while the dictionary's clone keeps its response alive.
    private var lastResponse: ObjectIdentifier?
    private var lastName = ""
    private var lastValueLength = 0
    private var lastPointer: OpaquePointer?
    private var lastValue: UnsafeMutablePointer<CChar>?
    /// The same for `fileCopy(of:)`.
    private var lastCopied: ObjectIdentifier?
    private var lastCopy: OpaquePointer?

    init(sendsBodiesFromFiles: Bool) {
        self.sendsBodiesFromFiles = sendsBodiesFromFiles
    }

    /// The clone of `prepared` with `field` added, ready to queue; nil when libmicrohttpd
    /// refuses the field. (A `PerRequestField`'s value is visible ASCII, 1–32 bytes: it can
    /// always be stamped in place.)
    func stamp(_ prepared: PreparedResponse, with field: PerRequestField) -> OpaquePointer? {
        if lastResponse != ObjectIdentifier(prepared) || lastValueLength != field.valueLength || lastName != field.name {
            let key = Key(response: ObjectIdentifier(prepared), name: field.name, valueLength: field.valueLength)
            guard let found = findOrMakeClone(for: key, of: prepared) else { return nil }
            (lastResponse, lastName, lastValueLength) = (key.response, key.name, key.valueLength)
            (lastPointer, lastValue) = (found.pointer, found.value)
        }
        field.withValueBytes { UnsafeMutableRawPointer(lastValue!).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return lastPointer
    }

    private func findOrMakeClone(for key: Key, of prepared: PreparedResponse) -> Clone? {
        if let existing = clones[key] { return existing }
        guard let made = makeClone(of: prepared, name: key.name, valueLength: key.valueLength) else {
            return nil
        }
        if clones.count >= StampedResponses.capacity || retainedBytes + prepared.body.count > StampedResponses.byteBudget
            || (made.sendsFromFile && fileClones >= StampedResponses.fileCloneCapacity) {
            removeAll()
        }
        clones[key] = made
        retainedBytes += prepared.body.count
        if made.sendsFromFile { fileClones += 1 }
        return made
    }

    /// Whether this loop sends `prepared` from its body file.
    func sendsFromFile(_ prepared: PreparedResponse) -> Bool { sendsBodiesFromFiles && prepared.bodyFile != nil }

    /// This loop's own copy of `prepared`, sending its body file; nil when no file descriptor is
    /// left for one (the caller then sends the body from memory). Per loop because libmicrohttpd
    /// holds a file response's mutex around every sendfile: one copy shared by all loops would
    /// make them take turns.
    func fileCopy(of prepared: PreparedResponse) -> OpaquePointer? {
        if lastCopied == ObjectIdentifier(prepared) { return lastCopy }
        let key = Key(response: ObjectIdentifier(prepared), name: "", valueLength: 0)
        guard let found = findOrMakeClone(for: key, of: prepared) else { return nil }
        (lastCopied, lastCopy) = (key.response, found.pointer)
        return found.pointer
    }

    /// A clone of `prepared` with the field `name` added as `valueLength` placeholder bytes, or
    /// with nothing added when `name` is empty (a `fileCopy(of:)`, which only a body file needs).
    private func makeClone(of prepared: PreparedResponse, name: String, valueLength: Int) -> Clone? {
        let fileResponse = sendsFromFile(prepared) ? prepared.bodyFile.flatMap(MHDResponseHandle.makeResponse(file:)) : nil
        if fileResponse == nil && name.isEmpty { return nil }
        let pointer = fileResponse ?? MHDResponseHandle.makeResponse(body: prepared.body)
        MHDResponseHandle.add(prepared.headers, to: pointer)
        guard !name.isEmpty else { return Clone(prepared: prepared, pointer: pointer, value: nil, sendsFromFile: true) }
        guard MHD_add_response_header(pointer, name, String(repeating: "0", count: valueLength)) == .YES,
              let stored = MHD_get_response_header(pointer, name), strlen(stored) == valueLength
        else {
            MHD_destroy_response(pointer)
            return nil
        }
        return Clone(prepared: prepared, pointer: pointer, value: UnsafeMutablePointer(mutating: stored),
                     sendsFromFile: fileResponse != nil)
    }

    /// Drops this loop's references; responses still queued on connections live on in
    /// libmicrohttpd's reference count until sent.
    func removeAll() {
        for clone in clones.values { MHD_destroy_response(clone.pointer) }
        clones.removeAll()
        retainedBytes = 0
        fileClones = 0
        (lastResponse, lastName, lastValueLength, lastPointer, lastValue) = (nil, "", 0, nil, nil)
        (lastCopied, lastCopy) = (nil, nil)
    }
}

// MARK: - Header fields in place

/// Gathers a connection's header fields as pointers into libmicrohttpd's memory, into one
/// buffer reused for every request of a loop: reading them this way allocates nothing.
/// Touched only on its loop's thread.
final class RawFieldBuffer {
    private var storage: UnsafeMutablePointer<RequestHead.RawField>
    private var capacity = 32
    private var count = 0

    init() { storage = .allocate(capacity: capacity) }

    deinit { storage.deallocate() }

    /// The fields of `connection`, valid until the next call and while the request lasts.
    func gather(from connection: OpaquePointer) -> UnsafeBufferPointer<RequestHead.RawField> {
        count = 0
        let context = Unmanaged.passUnretained(self).toOpaque() // used only during the call
        _ = MHD_get_connection_values_n(connection, .HEADER_KIND, { context, _, key, keySize, value, valueSize in
            guard let context, let key else { return .YES }
            let field = RequestHead.RawField(name: UnsafeRawBufferPointer(start: key, count: keySize),
                                             value: UnsafeRawBufferPointer(start: value, count: value == nil ? 0 : valueSize))
            Unmanaged<RawFieldBuffer>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.append(field) }
            return .YES
        }, context)
        return UnsafeBufferPointer(start: storage, count: count)
    }

    private func append(_ field: RequestHead.RawField) {
        if count == capacity {
            let larger = UnsafeMutablePointer<RequestHead.RawField>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: field)
        count += 1
    }
}

// MARK: - Per-request state

/// Made in the URI-log callback, the first thing MHD tells us about a request, because only
/// there is the raw target (with its query, undecoded) available. Handed to MHD as the
/// request's context pointer, unretained: the pool below owns it.
private final class RequestContext {
    /// The target's bytes, copied: MHD splits the query in place after the callback. Kept as
    /// bytes, reused by the next request: the quick path compares them where they lie, and
    /// only the full path makes a String of them.
    private(set) var targetBytes: UnsafeMutableRawPointer
    private(set) var targetCount = 0
    private var targetCapacity: Int
    var sawFirstCall = false
    var bodyLength = 0
    /// The connection's socket while its answer is corked (`cork(socket:)`), else -1.
    private var corkedSocket: Int32 = -1

    /// Targets up to this long keep their buffer for the next request; a longer one's is
    /// given back once its request has completed.
    static let keptTargetCapacity = 256

    init() {
        targetCapacity = RequestContext.keptTargetCapacity
        targetBytes = .allocate(byteCount: targetCapacity, alignment: 1)
    }

    deinit { targetBytes.deallocate() }

    var target: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: targetBytes, count: targetCount) }

    var targetString: String { String(decoding: target, as: UTF8.self) }

    func begin(target uri: UnsafePointer<CChar>?) {
        sawFirstCall = false
        bodyLength = 0
        guard let uri else {
            targetBytes.storeBytes(of: UInt8(ascii: "/"), as: UInt8.self)
            targetCount = 1
            return
        }
        let count = strlen(uri)
        if count > targetCapacity {
            targetBytes.deallocate()
            targetBytes = .allocate(byteCount: count, alignment: 1)
            targetCapacity = count
        }
        targetBytes.copyMemory(from: uri, byteCount: count)
        targetCount = count
    }

    /// Holds back partial segments on `socket` until `end()`: the answer's head, sent on its
    /// own, then waits for the body to join it.
    func cork(socket: Int32) {
        if socket >= 0 && RequestContext.setCork(true, on: socket) { corkedSocket = socket }
    }

    private static func setCork(_ corked: Bool, on socket: Int32) -> Bool {
        var value: Int32 = corked ? 1 : 0
        return setsockopt(socket, Int32(IPPROTO_TCP), TCP_CORK, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Lets a corked answer's last bytes go (libmicrohttpd has written it all, or given up on the
    /// connection, when it reports the request completed), and drops a large target's buffer now
    /// rather than keeping it until reuse.
    func end() {
        if corkedSocket >= 0 {
            _ = RequestContext.setCork(false, on: corkedSocket)
            corkedSocket = -1
        }
        guard targetCapacity > RequestContext.keptTargetCapacity else { return }
        targetBytes.deallocate()
        targetCapacity = RequestContext.keptTargetCapacity
        targetBytes = .allocate(byteCount: targetCapacity, alignment: 1)
        targetCount = 0
    }
}

/// Every request context a loop has made, reused by the next requests so that a request costs
/// no allocation of its own here. The pool owns them all, in flight or idle, for as long as the
/// loop lives, so libmicrohttpd is handed unretained pointers and no reference count changes
/// per request. There are never more than were in flight at once (bounded by the connection
/// limit). Touched only on its loop's thread.
private final class RequestContextPool {
    // Unchecked: one thread, never re-entered (the callbacks do not call each other), and the
    // dynamic checks would cost more per request than the rest of the pool.
    @exclusivity(unchecked) private var owned: [RequestContext] = []
    @exclusivity(unchecked) private var idle: [Unmanaged<RequestContext>] = []

    /// A context for a new request with target `uri`, as the pointer to give libmicrohttpd.
    func take(target uri: UnsafePointer<CChar>?) -> UnsafeMutableRawPointer {
        let context: Unmanaged<RequestContext>
        if let reused = idle.popLast() {
            context = reused
        } else {
            let made = RequestContext()
            owned.append(made)
            context = Unmanaged.passUnretained(made)
        }
        context._withUnsafeGuaranteedRef { $0.begin(target: uri) }
        return context.toOpaque()
    }

    /// Takes back the pointer `take` gave, once its request has completed.
    func give(back pointer: UnsafeMutableRawPointer) {
        let context = Unmanaged<RequestContext>.fromOpaque(pointer)
        context._withUnsafeGuaranteedRef { $0.end() }
        idle.append(context)
    }
}

// MARK: - C callbacks

private let onRequestStart: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
    -> UnsafeMutableRawPointer? = { context, uri, _ in
        // Guaranteed refs, here and in the other callbacks: the loop outlives its daemon (see
        // `init`) and the pool owns every context, so no reference count needs to change.
        Unmanaged<MHDEventLoop>.fromOpaque(context!)._withUnsafeGuaranteedRef { loop in
            loop.inFlightRequests.add(1, ordering: .relaxed)
            return loop.requestContexts.take(target: uri)
        }
    }

private let onRequestCompleted: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?,
                                                UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                MHD_RequestTerminationCode) -> Void = { context, _, requestContext, _ in
    guard let slot = requestContext, let pointer = slot.pointee else { return }
    Unmanaged<MHDEventLoop>.fromOpaque(context!)._withUnsafeGuaranteedRef { loop in
        loop.requestContexts.give(back: pointer)
        slot.pointee = nil
        loop.inFlightRequests.subtract(1, ordering: .releasing)
    }
}

private let keepEscaped: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<CChar>?) -> Int = {
    _, _, text in text.map { strlen($0) } ?? 0
}

private let onAccess: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?,
                                      UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                      UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?)
    -> MHD_Result = { context, connection, _, method, version, _, uploadSize, requestContext in
        guard let context, let connection, let method, let uploadSize,
              let slot = requestContext, let pointer = slot.pointee else { return .NO }
        return Unmanaged<MHDEventLoop>.fromOpaque(context)._withUnsafeGuaranteedRef { loop in
            Unmanaged<RequestContext>.fromOpaque(pointer)._withUnsafeGuaranteedRef { request in
                loop.handle(connection: connection, method: method, version: version, uploadSize: uploadSize, request: request)
            }
        }
    }
