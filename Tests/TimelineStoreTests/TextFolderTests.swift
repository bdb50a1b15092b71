import Testing
@testable import TimelineStore

@Suite struct TextFolderTests {
    @Test func foldsCaseDiacriticsAndWidth() {
        var folder = TextFolder()
        #expect(folder.tokens("Türkiye’s CSTO-led Ｐｅａｃｅ") == ["turkiye", "s", "csto", "led", "peace"])
        #expect(folder.tokens("ÉLYSÉE, Zürich & São Paulo 2022") == ["elysee", "zurich", "sao", "paulo", "2022"])
        // A decomposed é (e + combining acute) folds like the precomposed one.
        #expect(folder.tokens("Caf\u{0065}\u{0301} café") == ["cafe", "cafe"])
        #expect(folder.tokens("简体 繁體") == ["简体", "繁體"])
        #expect(folder.tokens(" ,;— ") == [])
    }

    @Test func reportsTokenRangesInScalarsOfTheOriginal() {
        var folder = TextFolder()
        var spans: [String] = []
        folder.forEachToken(in: "“Cafe\u{0301}” in 简体") { token, range in spans.append("\(token)@\(range.lowerBound)..<\(range.upperBound)") }
        #expect(spans == ["cafe@1..<6", "in@8..<10", "简体@11..<13"])
    }

    @Test func termsAreDistinctAndSorted() {
        var folder = TextFolder()
        #expect(folder.terms("Protests protests ALMATY") == ["almaty", "protests"])
    }

    @Test func foldsNamesKeepingPunctuation() {
        var folder = TextFolder()
        #expect(folder.foldedName("  Collective   Security\tTreaty Organization ") == "collective security treaty organization")
        #expect(folder.foldedName("Türkiye") == "turkiye")
        #expect(folder.foldedName("BEIJING") == "beijing")
        #expect(folder.foldedName("U.S.") == "u.s.")
    }
}
