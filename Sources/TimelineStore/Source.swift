/// The article a timeline file is built from. `textFile` is relative to the timeline file's
/// folder; `timelineFile` is the name of the timeline file it came from.
public struct Source: Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let section: String?
    public let published: EDTFDate?
    public let languages: [String]
    public let textFile: String
    public let timelineFile: String
    public let evidence: [Evidence]

    public init(
        id: String,
        title: String,
        section: String? = nil,
        published: EDTFDate? = nil,
        languages: [String] = [],
        textFile: String,
        timelineFile: String,
        evidence: [Evidence] = []
    ) {
        self.id = id
        self.title = title
        self.section = section
        self.published = published
        self.languages = languages
        self.textFile = textFile
        self.timelineFile = timelineFile
        self.evidence = evidence
    }
}
