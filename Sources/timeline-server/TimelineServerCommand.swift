import ArgumentParser
import Logging
import MicroHTTP
import TimelineAPI
#if canImport(Glibc)
import Glibc
#endif

@main
struct TimelineServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline-server",
        abstract: "Serves the article's timeline of events and actors as an HTTP JSON API.",
        subcommands: [ServeCommand.self, ValidateCommand.self, HealthcheckCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
