import Foundation

extension TimelineFileReader {
    mutating func readSource(_ record: JSONFieldReader) {
        var recordID = "source"
        if case .string(let id)? = record.fields["id"], !id.isEmpty { recordID = id }
        let context = RecordContext(log: log, file: fileName, recordID: recordID)
        let record = JSONFieldReader(fields: record.fields, path: "", context: context)
        let id = declareID(record, kind: .source)
        let title = record.string("title", required: true)
        let section = record.string("section", required: false)
        let published = record.string("published", required: false).flatMap { parseDate($0, in: record) }
        let languages = record.strings("languages") ?? []
        let textFile = record.string("text_file", required: true)
        if let textFile {
            readArticle(textFile, sourceID: id ?? "", in: record)
        }
        let evidence = evidenceList(record, owner: nil)
        guard let id, let title, let textFile else { return }
        contents.source = Source(id: id, title: title, section: section, published: published,
                                 languages: languages, textFile: textFile, timelineFile: fileName,
                                 evidence: evidence)
    }

    private mutating func readArticle(_ textFile: String, sourceID: String, in record: JSONFieldReader) {
        // The article lives beside the timeline: no absolute paths, no climbing out.
        let components = textFile.split(separator: "/", omittingEmptySubsequences: false)
        guard !textFile.hasPrefix("/"), !components.contains(".."), !components.contains("") else {
            record.context.report("text_file \"\(textFile)\" must be a path inside the timeline's folder")
            return
        }
        let url = folder.appendingPathComponent(textFile)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            record.context.report("cannot read article \"\(textFile)\"")
            return
        }
        let bytes = [UInt8](data)
        contents.articleBytes = bytes
        guard let text = String(validating: bytes, as: UTF8.self) else {
            record.context.report("article \"\(textFile)\" is not valid UTF-8")
            return
        }
        contents.article = Article(sourceID: sourceID, textFile: textFile, text: text)
    }
}
