import ArgumentParser
import Logging
import MicroHTTP
import TimelineAPI
#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the timeline over HTTP (the default command)."
    )

    @Option(help: "Address to listen on (env HOST).")
    var host: String = Environment.string("HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (env PORT).")
    var port: UInt16 = Environment.integer("PORT") ?? 8080

    @Option(help: "Event-loop threads (env THREADS; default: one per core).")
    var threads: Int = Environment.integer("THREADS") ?? HTTPServer.Configuration.onlineProcessorCount

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env LOG_LEVEL).")
    var logLevel: String = Environment.string("LOG_LEVEL") ?? "info"

    func validate() throws {
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        var logger = Logger(label: "timeline-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = HTTPServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.threadCount = threads
        let server = HTTPServer(configuration: configuration, responder: TimelineAPI())
        let shutdown = ShutdownSignal.install([SIGINT, SIGTERM])
        do {
            try server.start()
        } catch {
            StandardStream.error("timeline-server: \(error)")
            throw ExitCode(EX_UNAVAILABLE_CODE)
        }
        let displayHost = host.contains(":") ? "[\(host)]" : host
        logger.info("listening", metadata: ["url": "http://\(displayHost):\(server.port!)/", "threads": "\(threads)"])
        StandardStream.output("timeline-server listening on http://\(displayHost):\(server.port!)/")
        let signal = shutdown.wait()
        logger.info("stopping", metadata: ["signal": "\(signal)"])
        server.stop(gracePeriod: .seconds(10))
        logger.info("stopped")
    }
}

/// sysexits' EX_UNAVAILABLE: the service could not start (port in use, bad host).
let EX_UNAVAILABLE_CODE: Int32 = 69
