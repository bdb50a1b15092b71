import ArgumentParser
import Foundation
import TimelineStore

/// `timeline-server validate [PATH]`: the checks the server runs at start, without serving.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a timeline file or folder; list every problem; exit 1 if there are any."
    )

    @Argument(help: "A *.timeline.json file or a folder of them (default: the shipped seeds).")
    var path: String?

    func run() throws {
        guard let url = path.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.seeds() else {
            StandardStream.error("timeline-server: no timeline given and no seeds folder found")
            throw ExitCode(2)
        }
        let problems = TimelineLoader.validate(url)
        if problems.isEmpty {
            let snapshot = try? TimelineLoader.load(from: url)
            StandardStream.output("ok: \(url.path): \(snapshot?.sources.count ?? 0) sources, \(snapshot?.events.count ?? 0) events, "
                + "\(snapshot?.actors.count ?? 0) actors, \(snapshot?.places.count ?? 0) places; version \(snapshot?.version ?? "?")")
            return
        }
        for problem in problems {
            StandardStream.error(problem.description)
        }
        StandardStream.error("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(url.path)")
        throw ExitCode(1)
    }
}
