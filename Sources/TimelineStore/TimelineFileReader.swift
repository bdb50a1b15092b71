import Foundation

/// Reads one `*.timeline.json` file and its article, reporting every problem it finds to the
/// shared log. Cross-file checks (duplicate ids, references) are the loader's.
struct TimelineFileReader {
    let folder: URL
    let log: ProblemLog
    var contents: TimelineFileContents

    init(fileName: String, folder: URL, log: ProblemLog) {
        self.folder = folder
        self.log = log
        contents = TimelineFileContents(fileName: fileName)
    }

    var fileName: String { contents.fileName }

    static let formatVersion = 1

    mutating func read(_ bytes: [UInt8]) {
        contents.jsonBytes = bytes
        let fileContext = RecordContext(log: log, file: fileName, recordID: nil)
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            fileContext.report("malformed JSON: \(error)")
            return
        }
        guard case .object(let fields) = root else {
            fileContext.report("top level must be an object")
            return
        }
        let top = JSONFieldReader(fields: fields, path: "", context: fileContext)
        switch top.value("format_version") {
        case nil:
            fileContext.report("missing field \"format_version\"")
        case .number(let version) where version == Double(TimelineFileReader.formatVersion):
            break
        case let other?:
            fileContext.report("unsupported format_version \(TimelineFileReader.describe(other)) (expected \(TimelineFileReader.formatVersion))")
        }
        if let source = top.object("source", required: true) {
            readSource(source)
        }
        for record in records(top, "actors", kind: .actor) {
            readActor(record)
        }
        for record in records(top, "places", kind: .place) {
            readPlace(record)
        }
        var events: [TimelineEvent] = []
        for record in records(top, "events", kind: .event) {
            if let event = readEvent(record) { events.append(event) }
        }
        contents.events = TimelineEvent.assigningArticleOrder(to: events)
    }

    /// A reader per record of a top-level array, each reporting under the record's id (or its
    /// path when it has no string id).
    private func records(_ top: JSONFieldReader, _ key: String, kind: RecordKind) -> [JSONFieldReader] {
        guard let elements = top.array(key, required: true) else { return [] }
        return elements.enumerated().compactMap { index, element in
            let path = "\(key)[\(index)]"
            guard case .object(let fields) = element else {
                top.context.report("field \"\(path)\" must be an object")
                return nil
            }
            var recordID = path
            if case .string(let id)? = fields["id"], !id.isEmpty { recordID = id }
            let context = RecordContext(log: log, file: fileName, recordID: recordID)
            return JSONFieldReader(fields: fields, path: "", context: context)
        }
    }

    /// Reads and checks the record's `id`, and declares it for the cross-file checks.
    mutating func declareID(_ record: JSONFieldReader, kind: RecordKind) -> String? {
        guard let id = record.string("id", required: true) else { return nil }
        if !TimelineFileReader.isSlug(id) {
            record.context.report("invalid id \"\(id)\": expected a lower-case slug (a-z, 0-9, single hyphens)")
        }
        contents.declarations.append(
            RecordDeclaration(id: id, kind: kind, file: fileName, recordID: record.context.recordID ?? id))
        return id
    }

    mutating func refer(to id: String, kind: RecordKind, from record: JSONFieldReader) {
        contents.references.append(
            PendingReference(kind: kind, id: id, file: fileName, recordID: record.context.recordID ?? ""))
    }

    func parseDate(_ text: String, in record: JSONFieldReader) -> EDTFDate? {
        do {
            return try EDTFDate(text)
        } catch {
            record.context.report(error.isInvertedInterval
                ? error.reason
                : "invalid EDTF date \"\(text)\": \(error.reason)")
            return nil
        }
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    static func isSlug(_ id: String) -> Bool {
        var previousWasHyphen = true
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let number) where number == number.rounded() && abs(number) < 1e15:
            String(Int(number))
        case .number(let number): String(number)
        case .string(let string): "\"\(string)\""
        default: value.typeName
        }
    }
}
