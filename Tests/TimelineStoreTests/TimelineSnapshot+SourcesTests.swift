import Testing
@testable import TimelineStore

@Suite struct TimelineSnapshotSourcesTests {
    let snapshot = makeSnapshot()

    @Test func listsSourcesAndTheirArticles() throws {
        #expect(snapshot.sources.map(\.id) == ["src-a", "src-b"])
        #expect(snapshot.source(id: "src-b")?.textFile == "src-b.txt")
        #expect(snapshot.source(id: "nope") == nil)
        #expect(snapshot.article(ofSource: "src-b")?.text == "Only paragraph: Türkiye and the Kremlin.")
        #expect(snapshot.paragraphs(ofSource: "src-a") == [
            Paragraph(number: 1, text: "Language : English\nDesk", start: 0, end: 23),
            Paragraph(number: 2, text: "First paragraph about Almaty.", start: 25, end: 54),
            Paragraph(number: 3, text: "Second, about Zhanaozen and Almaty again.", start: 56, end: 97),
        ])
        #expect(snapshot.paragraphs(ofSource: "nope") == nil)
    }

    @Test func listsASourcesEventsInArticleOrder() {
        #expect(snapshot.events(ofSource: "src-b").map(\.id) == ["f-year", "h-unknown-start", "i-decade", "j-uncertain",
                                                                 "g-open-end"])
        #expect(snapshot.events(ofSource: "src-a").map(\.articleOrder) == [1, 2, 3, 4, 5])
        #expect(snapshot.events(ofSource: "nope").isEmpty)
    }
}
