import Dispatch
import Testing
@testable import TimelineStore

@Suite struct TermIndexBuilderTests {
    /// The index TextFolder's tokens would give: what the fast byte path must agree with.
    private func reference(_ texts: [(String, Int32)]) -> [String: [Int32]] {
        var folder = TextFolder()
        var index: [String: [Int32]] = [:]
        for (text, position) in texts {
            for term in folder.tokens(text) where index[term]?.last != position {
                index[term, default: []].append(position)
            }
        }
        return index
    }

    private func built(_ texts: [(String, Int32)]) -> [String: [Int32]] {
        var builder = TermIndexBuilder()
        for (text, position) in texts { builder.add(text, at: position) }
        return lists(builder.build())
    }

    /// Every term's list, as arrays.
    private func lists(_ postings: PostingLists) -> [String: [Int32]] {
        Dictionary(uniqueKeysWithValues: postings.terms.map { ($0, Array(postings[$0])) })
    }

    @Test func agreesWithTextFolderOnASCIIAndOtherText() {
        let texts: [(String, Int32)] = [
            ("The first demonstrations began on January 2", 0),
            ("the THE The, the-the", 0),
            ("Protests spread; protests SPREAD!", 1),
            ("Türkiye’s CSTO-led peacekeepers", 2),
            ("internationalisation and counterrevolutionaries, 12345678 123456789", 3),
            ("a b c 1 2 3", 3),
            ("ÉLYSÉE élysée Elysee", 4),
            ("", 5),
            ("  ,,, ", 6),
            ("ends with a long wordwithoutspaces", 7),
        ]
        let index = built(texts)
        #expect(index == reference(texts))
        #expect(index["the"] == [0])
        #expect(index["elysee"] == [4])
        #expect(index["counterrevolutionaries"] == [3])
        #expect(index["12345678"] == [3])
        #expect(index["123456789"] == [3])
        #expect(index["turkiye"] == [2])
    }

    @Test func keepsManyDistinctTermsApart() {
        // Enough distinct short and long terms to grow both tables several times.
        let texts = (0..<3000).map { ("w\($0) longword\($0)suffix W\($0)", Int32($0 / 3)) }
        let index = built(texts)
        #expect(index.count == 6000)
        #expect(index["w2999"] == [999])
        #expect(index["longword17suffix"] == [5])
        #expect(index == reference(texts))
    }

    @Test func termsOfNineToSixteenBytesAreOneTermWhateverTheirCaseAndPath() {
        // 8, 9, 16 and 17 bytes: the edges of the short, two-word and `TermTable` paths; each
        // term first seen (slow path) then found again (inline path), in other cases.
        let texts: [(String, Int32)] = [
            ("abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq 123456789012", 0),
            ("ABCDEFGH ABCDEFGHI AbCdEfGhIjKlMnOp ABCDEFGHIJKLMNOPQ 123456789012", 1),
            ("bcdefghi zzzzzzzzzabcdefg éléphantsxyz éléphantsxyz abcdefghi", 2),
            ("abcdefghijklmnop, abcdefghijklmnop; bcdefghijklmnopa", 3),
        ]
        let index = built(texts)
        #expect(index == reference(texts))
        #expect(index["abcdefghi"] == [0, 1, 2])
        #expect(index["abcdefghijklmnop"] == [0, 1, 3])
        #expect(index["abcdefghijklmnopq"] == [0, 1])
        #expect(index["bcdefghijklmnopa"] == [3])
        #expect(index["123456789012"] == [0, 1])
        #expect(index["elephantsxyz"] == [2])
    }

    @Test func keepsManyDistinctTwoWordTermsApart() {
        // Terms of 9 to 16 bytes that differ only in their first or last bytes, enough to grow
        // the two-word table several times.
        let texts = (0..<5000).map { ("\(String($0, radix: 36))abcdefghi medium\(String($0, radix: 36))tail", Int32($0 / 2)) }
        let index = built(texts)
        #expect(index.count == 10000)
        #expect(index["0abcdefghi"] == [0])
        #expect(index["medium3ugtail"] == [Int32(Int("3ug", radix: 36)! / 2)])
        #expect(index == reference(texts))
    }

    @Test func chunksMergeInPositionOrder() {
        let events = makeDataset().events
        // Any order of the events: the merge lists chronological positions, whatever order
        // the chunks were built in.
        let orders = [events.indices.map(Int32.init), events.indices.reversed().map(Int32.init),
                      events.indices.sorted { events[$0].id < events[$1].id }.map(Int32.init)]
        for order in orders {
            var folder = TextFolder()
            var expected: [String: [Int32]] = [:]
            for (position, index) in order.enumerated() {
                let event = events[Int(index)]
                let texts = [event.title] + (event.summary.map { [$0] } ?? []) + event.evidence.map(\.quote)
                for term in Set(texts.flatMap { folder.tokens($0) }) { expected[term, default: []].append(Int32(position)) }
            }
            for chunkSize in [1, 2, 3, 4, 100, nil] {
                let chunked = ChunkedTermIndex(events: events, chunkSize: chunkSize)
                chunked.work()
                #expect(lists(chunked.merged(order: order)) == expected)
            }
            // Chunks built on two threads at once join one vocabulary: the same index.
            for chunkSize in [1, 2, 3] {
                let chunked = ChunkedTermIndex(events: events, chunkSize: chunkSize)
                let otherThreadDone = DispatchGroup()
                DispatchQueue.global().async(group: otherThreadDone) { chunked.work() }
                chunked.work()
                otherThreadDone.wait()
                #expect(lists(chunked.merged(order: order)) == expected)
            }
        }
        let byID = events.indices.sorted { events[$0].id < events[$1].id }.map(Int32.init)
        let index = { let built = ChunkedTermIndex(events: events, chunkSize: 2); built.work(); return lists(built.merged(order: byID)) }()
        #expect(index["almaty"] == [1, 9])
        #expect(index["quote"]?.count == 9)
        #expect(lists(ChunkedTermIndex(events: []).merged(order: [])) == [:])
    }

    @Test func aTermRepeatedInOnePositionIsListedOnceWhicheverPathFindsIt() {
        // Short, two-word, long and non-ASCII terms, each first seen on the slow path and then
        // again inline, in several texts of one position and then of the next.
        let texts: [(String, Int32)] = [
            ("word wordsmiths counterrevolutionaries café", 0),
            ("WORD Wordsmiths COUNTERREVOLUTIONARIES Café", 0),
            ("word, wordsmiths; counterrevolutionaries café", 0),
            ("café word counterrevolutionaries wordsmiths word", 1),
            ("cafe", 1),
        ]
        let index = built(texts)
        #expect(index == reference(texts))
        for term in ["word", "wordsmiths", "counterrevolutionaries", "cafe"] { #expect(index[term] == [0, 1]) }
    }

    @Test func postingListsAreSlicesFoundByTheirOwnIndices() {
        var builder = TermIndexBuilder()
        for (position, text) in ["alpha beta", "beta", "alpha gamma", "beta gamma"].enumerated() {
            builder.add(text, at: Int32(position) * 10)
        }
        let postings = builder.build()
        #expect(postings["delta"].isEmpty)
        let beta = postings["beta"]
        #expect(Array(beta) == [0, 10, 30])
        // A slice of the one array keeps that array's indices, and the searches answer in them.
        let gamma = postings["gamma"]
        #expect(gamma.startIndex > 0)
        #expect(SortedPositions.lowerBound(gamma, 25) == gamma.startIndex + 1)
        #expect(SortedPositions.upperBound(gamma, 30) == gamma.endIndex)
        #expect(SortedPositions.contains(gamma, 20) && !SortedPositions.contains(gamma, 10))
        #expect(SortedPositions.intersection([beta, gamma]) == [30])
        #expect(SortedPositions.union([beta, gamma]) == [0, 10, 20, 30])
        #expect(SortedPositions.union([postings["delta"], gamma]) == [20, 30])
    }

    @Test func chunkListsEachEventsDistinctTerms() {
        var builder = TermIndexBuilder()
        builder.add("alpha beta", at: 10)
        builder.add("Beta gamma", at: 10)
        builder.add("gamma", at: 12)
        let chunk = builder.chunk(positions: 10..<14)
        #expect(chunk.termNames == ["alpha", "beta", "gamma"])
        #expect(chunk.termCounts == [1, 1, 2])
        #expect(chunk.occurrenceStarts == [0, 3, 3, 4, 4])
        #expect(chunk.occurrences == [0, 1, 2, 2])
    }

    @Test func termTableInternsAndFinds() {
        var table = TermTable(foldsCase: true, minimumCapacity: 2)
        var ids: [Int32] = []
        for word in ["Alpha", "beta", "ALPHA", "gamma", "Beta", "delta"] + (0..<100).map({ "x\($0)" }) {
            var word = word
            ids.append(word.withUTF8 { table.intern($0) })
        }
        #expect(Array(ids.prefix(6)) == [0, 1, 0, 2, 1, 3])
        #expect(table.count == 104)
        #expect(table.term(0) == "alpha")
        #expect(table.find("GAMMA") == 2)
        #expect(table.find("epsilon") == nil)
        var exact = TermTable(foldsCase: false)
        var upper = "ID"
        _ = upper.withUTF8 { exact.intern($0) }
        #expect(exact.find("ID") == 0)
        #expect(exact.find("id") == nil)
        // Ids hashed and compared eight bytes at a time: around the word edges, differing in
        // one byte only.
        let wordEdgeIDs = ["abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq",
                   "xbcdefghijklmnopq", "abcdefghijklmnopr", ""]
        for id in wordEdgeIDs {
            var id = id
            _ = id.withUTF8 { exact.intern($0) }
        }
        #expect(exact.count == wordEdgeIDs.count + 1)
        for (offset, id) in wordEdgeIDs.enumerated() { #expect(exact.find(id) == Int32(offset + 1)) }
        #expect(exact.find("abcdefghijklmnopqr") == nil)
        #expect(exact.find("Abcdefghijklmnop") == nil)
    }

    @Test func idIndexKeepsTheFirstOfDuplicates() {
        let ids = ["a", "b", "a", "c"]
        let index = IDIndex(count: ids.count) { ids[$0] }
        #expect(index["a"] == 0)
        #expect(index["b"] == 1)
        #expect(index["c"] == 3)
        #expect(index["d"] == nil)
        #expect(index["A"] == nil)
        // Ids in another order than their records': the smallest record index still wins.
        let records: [Int32] = [3, 0, 2, 1]
        let bytes = Array(ids.joined().utf8)
        let reordered = bytes.withUnsafeBufferPointer { bytes in
            IDIndex(count: ids.count, idBytes: { UnsafeBufferPointer(rebasing: bytes[$0..<$0 + 1]) },
                    recordIndex: { records[$0] })
        }
        #expect(reordered["a"] == 2)
        #expect(reordered["b"] == 0)
        #expect(reordered["c"] == 1)
    }
}
