import Testing
@testable import TimelineStore

@Suite struct ArticleTests {
    // "简体" is two scalars but six UTF-8 bytes: offsets must count scalars.
    static let text = "Language : English 简体\nForeign Policy\n\nFirst line of two\nsecond line.\n \u{00A0}\nLast “one”.\n\n\n"

    @Test func paragraphsAreRunsOfNonBlankLines() {
        let article = Article(sourceID: "s", textFile: "s.txt", text: ArticleTests.text)
        #expect(article.paragraphs == [
            Paragraph(number: 1, text: "Language : English 简体\nForeign Policy", start: 0, end: 36),
            Paragraph(number: 2, text: "First line of two\nsecond line.", start: 38, end: 68),
            Paragraph(number: 3, text: "Last “one”.", start: 72, end: 83),
        ])
    }

    @Test func findsQuotesByUnicodeScalars() {
        let article = Article(sourceID: "s", textFile: "s.txt", text: ArticleTests.text)
        #expect(article.occurrences(of: "line") == [44, 63])
        #expect(article.occurrences(of: "“one”") == [77])
        #expect(article.occurrences(of: "\"one\"") == [])
        #expect(article.occurrences(of: "") == [])
        #expect(article.text(in: 77..<82) == "“one”")
    }

    @Test func locatesTheParagraphOfARange() {
        let article = Article(sourceID: "s", textFile: "s.txt", text: ArticleTests.text)
        #expect(article.paragraph(containing: 38..<43)?.number == 2)
        #expect(article.paragraph(containing: 0..<36)?.number == 1)
        #expect(article.paragraph(containing: 60..<75) == nil)
        #expect(article.paragraphs(overlapping: 60..<75).map(\.number) == [2, 3])
        #expect(article.paragraph(containing: 69..<70) == nil)
    }

    @Test func handlesCarriageReturnsAndNoTrailingNewline() {
        let article = Article(sourceID: "s", textFile: "s.txt", text: "One\r\n\r\nTwo")
        #expect(article.paragraphs == [
            Paragraph(number: 1, text: "One", start: 0, end: 3),
            Paragraph(number: 2, text: "Two", start: 7, end: 10),
        ])
        #expect(Article(sourceID: "s", textFile: "s.txt", text: "").paragraphs.isEmpty)
    }
}
