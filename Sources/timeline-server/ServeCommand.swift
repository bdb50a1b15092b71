import ArgumentParser
import Foundation
import Logging
import MicroHTTP
import TimelineAPI
import TimelineStore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the timeline over HTTP (the default command).",
        discussion: "Every option can also be set by the environment variable named in its help. SIGHUP reloads --data; SIGINT or SIGTERM stops gracefully."
    )

    @Option(help: "Address to listen on (env HOST).")
    var host: String = Environment.string("HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (env PORT).")
    var port: UInt16 = Environment.integer("PORT") ?? 8080

    @Option(help: "Event-loop threads (env THREADS; default: one per core).")
    var threads: Int = Environment.integer("THREADS") ?? HTTPServer.Configuration.onlineProcessorCount

    @Option(help: "A *.timeline.json file or a folder of them (env DATA; default: the seed timeline shipped with the binary).")
    var data: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env LOG_LEVEL).")
    var logLevel: String = Environment.string("LOG_LEVEL") ?? "info"

    @Flag(help: "Write one JSON line per request to stderr (env ACCESS_LOG=1).")
    var accessLog: Bool = Environment.string("ACCESS_LOG") == "1"

    @Flag(inversion: .prefixedNo,
          help: "Give every response an X-Request-Id, generating one when the client sent none (env REQUEST_IDS=0 turns it off; always on with --access-log).")
    var requestIDs: Bool = Environment.string("REQUEST_IDS") != "0"

    @Option(help: "Cache-Control max-age, in seconds, of successful answers (env CACHE_MAX_AGE).")
    var cacheMaxAge: Int = Environment.integer("CACHE_MAX_AGE") ?? 60

    @Option(help: "MiB of encoded answers to keep (env RESPONSE_CACHE_MB).")
    var responseCacheMB: Int = Environment.integer("RESPONSE_CACHE_MB") ?? 64

    @Option(help: "Seconds before an idle or slow connection is closed (env CONNECTION_TIMEOUT).")
    var connectionTimeout: UInt32 = Environment.integer("CONNECTION_TIMEOUT") ?? 30

    @Option(help: "Most open connections; more wait in the listen queue (env MAX_CONNECTIONS).")
    var maxConnections: Int = Environment.integer("MAX_CONNECTIONS") ?? 4096

    @Option(help: "Bytes for one connection's request line and headers: longer lines get 414, larger headers 431 (env CONNECTION_MEMORY).")
    var connectionMemory: Int = Environment.integer("CONNECTION_MEMORY") ?? 16 * 1024

    @Option(help: "PEM certificate file: with --tls-key, serve HTTPS only (env TLS_CERT).")
    var tlsCert: String?

    @Option(help: "PEM private key file (env TLS_KEY).")
    var tlsKey: String?

    @Option(help: "Seconds that requests in flight get to finish when stopping (env GRACE_PERIOD).")
    var gracePeriod: Int = Environment.integer("GRACE_PERIOD") ?? 10

    // Optional options take their environment fallback here: ArgumentParser wants no default on them.
    private var certificatePath: String? { tlsCert ?? Environment.string("TLS_CERT") }
    private var keyPath: String? { tlsKey ?? Environment.string("TLS_KEY") }

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (certificatePath == nil) == (keyPath == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard cacheMaxAge >= 0, responseCacheMB >= 0, maxConnections >= 1, connectionMemory >= 4096 else {
            throw ValidationError("--cache-max-age and --response-cache-mb must be ≥ 0, --max-connections ≥ 1, --connection-memory ≥ 4096")
        }
    }

    func run() throws {
        let signals = SignalWaiter.block([SIGINT, SIGTERM, SIGHUP])
        var logger = Logger(label: "timeline-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info

        guard let dataURL = (data ?? Environment.string("DATA")).map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.seeds() else {
            StandardStream.error("timeline-server: no --data given and no seeds folder found beside the binary")
            throw ExitCode(2)
        }
        let snapshot: TimelineSnapshot
        do {
            snapshot = try TimelineLoader.load(from: dataURL)
        } catch {
            StandardStream.error("timeline-server: refusing to start: \(error.problems.count) problem(s) in \(dataURL.path):")
            for problem in error.problems { StandardStream.error("  \(problem)") }
            throw ExitCode(1)
        }

        var options = APIOptions()
        options.cacheMaxAge = cacheMaxAge
        options.responseCacheBytes = responseCacheMB << 20
        options.accessLog = accessLog ? AccessLog(fileDescriptor: 2) : nil
        options.generateRequestIDs = requestIDs
        if let document = ResourceLocator.openAPIDocument(), let bytes = FileManager.default.contents(atPath: document.path) {
            options.openAPIDocument = [UInt8](bytes)
        } else {
            logger.warning("no docs/openapi.json found beside the binary; /openapi.json will be empty")
        }
        let api = TimelineAPI(snapshot: snapshot, options: options)

        var configuration = HTTPServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.threadCount = threads
        configuration.connectionTimeout = connectionTimeout
        configuration.connectionLimit = maxConnections
        configuration.connectionMemoryLimit = connectionMemory
        if let certificatePath, let keyPath {
            guard let certificate = try? String(contentsOfFile: certificatePath, encoding: .utf8),
                  let key = try? String(contentsOfFile: keyPath, encoding: .utf8) else {
                StandardStream.error("timeline-server: cannot read --tls-cert or --tls-key")
                throw ExitCode(2)
            }
            configuration.tlsCertificatePEM = certificate
            configuration.tlsKeyPEM = key
        }
        let server = HTTPServer(configuration: configuration, responder: api)
        do {
            try server.start()
        } catch {
            StandardStream.error("timeline-server: \(error)")
            throw ExitCode(EX_UNAVAILABLE_CODE)
        }
        let scheme = configuration.tlsCertificatePEM == nil ? "http" : "https"
        let url = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(server.port!)/"
        logger.info("listening", metadata: [
            "url": "\(url)", "threads": "\(threads)", "dataset": "\(snapshot.version)",
            "events": "\(snapshot.events.count)", "actors": "\(snapshot.actors.count)", "places": "\(snapshot.places.count)",
        ])
        StandardStream.output("timeline-server listening on \(url)")

        while true {
            let signal = signals.next()
            if signal == SIGHUP {
                reload(api, from: dataURL, logger: logger)
                continue
            }
            logger.info("stopping", metadata: ["signal": "\(signal == SIGINT ? "SIGINT" : "SIGTERM")", "in_flight": "\(server.inFlightRequests)"])
            server.stop(gracePeriod: .seconds(gracePeriod))
            logger.info("stopped")
            return
        }
    }

    /// Rebuilds the store from `url`; on any problem the old snapshot keeps serving.
    private func reload(_ api: TimelineAPI, from url: URL, logger: Logger) {
        do {
            let snapshot = try TimelineLoader.load(from: url)
            api.replaceSnapshot(snapshot)
            logger.notice("reloaded", metadata: ["dataset": "\(snapshot.version)", "events": "\(snapshot.events.count)"])
        } catch {
            let problems = error.problems.map(\.description)
            api.recordFailedReload(problems: problems)
            logger.error("reload refused; still serving \(api.snapshot.version)", metadata: ["problems": "\(problems.count)"])
            for problem in problems { logger.error("  \(problem)") }
        }
    }
}

/// sysexits' EX_UNAVAILABLE: the service could not start (port in use, bad host).
let EX_UNAVAILABLE_CODE: Int32 = 69
