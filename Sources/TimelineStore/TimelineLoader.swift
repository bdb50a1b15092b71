import Foundation

/// Reads timeline files from disk, checks everything a JSON Schema cannot (quotes in the
/// article, references, dates, unique ids) and reports every problem at once.
public enum TimelineLoader {
    /// Every problem in a timeline file, or in every `*.timeline.json` of a folder; empty
    /// when it would load. For the `validate` command.
    public static func validate(_ url: URL) -> [ValidationProblem] {
        read(url).problems
    }

    public static func loadDataset(from url: URL) throws(TimelineValidationError) -> TimelineDataset {
        let result = read(url)
        guard let dataset = result.dataset else { throw TimelineValidationError(problems: result.problems) }
        return dataset
    }

    public static func load(from url: URL) throws(TimelineValidationError) -> TimelineSnapshot {
        TimelineSnapshot(try loadDataset(from: url))
    }

    static func read(_ url: URL) -> (dataset: TimelineDataset?, problems: [ValidationProblem]) {
        let log = ProblemLog()
        let files = timelineFiles(at: url, log: log)
        var contents: [TimelineFileContents] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                log.add(file: file.lastPathComponent, recordID: nil, reason: "cannot read file")
                continue
            }
            var reader = TimelineFileReader(fileName: file.lastPathComponent,
                                            folder: file.deletingLastPathComponent(), log: log)
            reader.read([UInt8](data))
            contents.append(reader.contents)
        }
        checkAcrossFiles(contents, log: log)

        // Problems grouped by file, in file order; within a file, in the order found.
        let fileOrder = Dictionary(files.enumerated().map { ($1.lastPathComponent, $0) }, uniquingKeysWith: { first, _ in first })
        let problems = log.problems.enumerated()
            .sorted { left, right in
                let leftFile = fileOrder[left.element.file] ?? -1
                let rightFile = fileOrder[right.element.file] ?? -1
                return leftFile != rightFile ? leftFile < rightFile : left.offset < right.offset
            }
            .map(\.element)
        guard problems.isEmpty else { return (nil, problems) }

        let dataset = TimelineDataset(
            sources: contents.compactMap(\.source),
            articles: contents.compactMap(\.article),
            actors: contents.flatMap(\.actors),
            places: contents.flatMap(\.places),
            events: contents.flatMap(\.events),
            version: version(of: contents))
        return (dataset, [])
    }

    private static func timelineFiles(at url: URL, log: ProblemLog) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            log.add(file: url.lastPathComponent, recordID: nil, reason: "cannot read file: no such file or folder")
            return []
        }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let files = names.filter { $0.hasSuffix(".timeline.json") }.sorted().map { url.appendingPathComponent($0) }
        if files.isEmpty {
            log.add(file: url.lastPathComponent, recordID: nil, reason: "no *.timeline.json files in folder")
        }
        return files
    }

    /// Ids are unique across actors, places and events of all files (sources have their own
    /// id space); references resolve against every file.
    private static func checkAcrossFiles(_ contents: [TimelineFileContents], log: ProblemLog) {
        var declared: [String: RecordDeclaration] = [:]
        for declaration in contents.flatMap(\.declarations) {
            let key = declaration.kind == .source ? "source \(declaration.id)" : declaration.id
            if declared[key] != nil {
                log.add(file: declaration.file, recordID: declaration.recordID,
                        reason: "duplicate id \"\(declaration.id)\"")
            } else {
                declared[key] = declaration
            }
        }
        for reference in contents.flatMap(\.references) {
            guard let target = declared[reference.id], target.kind == reference.kind else {
                log.add(file: reference.file, recordID: reference.recordID,
                        reason: "unknown \(reference.kind.rawValue) id \"\(reference.id)\"")
                continue
            }
        }
    }

    /// FNV-1a 64 over every loaded file's name and bytes, in load order.
    private static func version(of contents: [TimelineFileContents]) -> String {
        var hash = FNV1a64()
        for file in contents {
            hash.combine(file.fileName)
            hash.combine(file.jsonBytes)
            hash.combine(file.source?.textFile ?? "")
            hash.combine(file.articleBytes)
        }
        return hash.hex
    }
}
