import Foundation
import Testing
@testable import TimelineStore

/// A valid timeline as JSON fragments; each test breaks one piece and checks the message.
struct TimelineJSON {
    static let article = "Language : English 简体\nTest Desk\n\nOn January 2 the first protesters gathered in Zhanaozen. Protests spread to Almaty by January 5.\n\nPresident Tokayev asked the Russian-led Collective Security Treaty Organization (CSTO) for help. CSTO troops arrived on January 7.\n\nBeijing said little and China kept quiet. The Kremlin praised the CSTO mission in Türkiye’s press.\n"

    var formatVersion = "1"
    var source = #"{"id": "test-article", "title": "Test", "section": "Tests", "published": "2022-02-08", "languages": ["en", "zh-Hans"], "text_file": "article.txt", "evidence": [{"quote": "Language : English"}]}"#
    var actors = [
        #"{"id": "kazakh-protesters", "name": "protesters", "kind": "group", "evidence": [{"quote": "the first protesters gathered"}]}"#,
        #"{"id": "tokayev", "name": "Tokayev", "kind": "person", "aliases": ["President Tokayev"], "evidence": [{"quote": "President Tokayev asked"}]}"#,
        #"{"id": "csto", "name": "Collective Security Treaty Organization", "kind": "organisation", "aliases": ["CSTO"], "description": "A military alliance.", "roles": [{"title": "Russian-led", "of": "russia", "evidence": {"quote": "Russian-led Collective Security Treaty Organization"}}], "affiliations": [{"actor": "russia", "relation": "led-by"}], "evidence": [{"quote": "CSTO troops arrived"}]}"#,
        #"{"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Kremlin"], "evidence": [{"quote": "The Kremlin praised"}]}"#,
        #"{"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing"], "evidence": [{"quote": "China kept quiet"}]}"#,
    ]
    var places = [
        #"{"id": "zhanaozen", "name": "Zhanaozen", "kind": "town", "country": "KZ", "coordinates": [52.8, 43.3], "coordinates_source": "gazetteer", "evidence": [{"quote": "gathered in Zhanaozen"}]}"#,
        #"{"id": "almaty", "name": "Almaty", "kind": "city", "country": "KZ", "coordinates": null, "coordinates_source": null, "evidence": [{"quote": "Almaty"}]}"#,
    ]
    // File order on purpose differs from article order.
    var events = [
        #"{"id": "csto-arrival", "title": "CSTO troops arrive", "type": "MOBILIZE", "date": "2022-01-07", "date_basis": "explicit", "actors": [{"id": "csto", "role": "source"}], "evidence": [{"quote": "CSTO troops arrived on January 7"}]}"#,
        #"{"id": "first-protests", "title": "First protests", "summary": "Protesters gather.", "type": "PROTEST", "mode": "demonstrate", "date": "2022-01-02", "date_basis": "explicit", "date_note": "Stated.", "actors": [{"id": "kazakh-protesters", "role": "source"}], "places": ["zhanaozen"], "figures": [], "relations": [], "evidence": [{"quote": "On January 2 the first protesters gathered in Zhanaozen"}]}"#,
        #"{"id": "protests-spread", "title": "Protests spread", "type": "PROTEST", "date": "2022-01-02/2022-01-05", "actors": [{"id": "kazakh-protesters", "role": "source"}], "places": ["almaty"], "relations": [{"type": "preceded_by", "event": "first-protests"}], "evidence": [{"quote": "Protests spread to Almaty by January 5"}]}"#,
        #"{"id": "csto-request", "title": "Tokayev asks the CSTO", "type": "CONSULT", "date": "2022-01~", "date_basis": "placed", "actors": [{"id": "tokayev", "role": "source"}, {"id": "csto", "role": "target"}], "evidence": [{"quote": "President Tokayev asked the Russian-led Collective Security Treaty Organization (CSTO) for help"}]}"#,
        #"{"id": "kremlin-praise", "title": "The Kremlin praises the mission", "type": "SUPPORT", "date": "2022-02-08", "date_basis": "placed", "actors": [{"id": "russia", "role": "source"}, {"id": "csto", "role": "target"}], "figures": [{"measure": "missions", "unit": "mission", "value": 1, "qualifier": "exact", "confirmed": true, "evidence": {"quote": "CSTO", "occurrence": 3}}], "evidence": [{"quote": "The Kremlin praised the CSTO mission"}]}"#,
    ]

    var text: String {
        """
        {"format_version": \(formatVersion), "source": \(source),
         "actors": [\(actors.joined(separator: ",\n"))],
         "places": [\(places.joined(separator: ",\n"))],
         "events": [\(events.joined(separator: ",\n"))]}
        """
    }

    /// Writes the timeline and its article into `folder`; returns the timeline file.
    @discardableResult
    func write(to folder: TemporaryFolder, name: String = "test.timeline.json") -> URL {
        folder.write("article.txt", TimelineJSON.article)
        return folder.write(name, text)
    }
}

@Suite struct TimelineLoaderTests {
    /// The problems of a timeline with one change made to the valid fixture.
    private func problems(_ change: (inout TimelineJSON) -> Void) -> [String] {
        let folder = TemporaryFolder()
        var json = TimelineJSON()
        change(&json)
        return TimelineLoader.validate(json.write(to: folder)).map(\.description)
    }

    @Test func loadsTheValidFixture() throws {
        let folder = TemporaryFolder()
        let dataset = try TimelineLoader.loadDataset(from: TimelineJSON().write(to: folder))
        #expect(dataset.sources.map(\.id) == ["test-article"])
        #expect(dataset.sources[0].published?.text == "2022-02-08")
        #expect(dataset.sources[0].languages == ["en", "zh-Hans"])
        #expect(dataset.sources[0].timelineFile == "test.timeline.json")
        #expect(dataset.actors.map(\.id) == ["kazakh-protesters", "tokayev", "csto", "russia", "china"])
        #expect(dataset.places.map(\.id) == ["zhanaozen", "almaty"])
        #expect(dataset.places[0].coordinates == Coordinates(longitude: 52.8, latitude: 43.3))
        #expect(dataset.places[1].coordinates == nil)
        #expect(dataset.events.map(\.id) == ["csto-arrival", "first-protests", "protests-spread", "csto-request", "kremlin-praise"])
        #expect(dataset.events.allSatisfy { $0.sourceID == "test-article" })
        let csto = try #require(dataset.actors.first { $0.id == "csto" })
        #expect(csto.roles == [ActorRole(title: "Russian-led", of: "russia", evidence: Evidence(
            quote: "Russian-led Collective Security Treaty Organization", paragraph: 3, start: 159, end: 210))])
        #expect(csto.affiliations == [Affiliation(actorID: "russia", relation: .ledBy)])
        #expect(dataset.articles.map(\.textFile) == ["article.txt"])
        #expect(dataset.articles[0].paragraphs.count == 4)
    }

    @Test func computesEvidenceParagraphsAndScalarOffsets() throws {
        let folder = TemporaryFolder()
        let dataset = try TimelineLoader.loadDataset(from: TimelineJSON().write(to: folder))
        let events = Dictionary(uniqueKeysWithValues: dataset.events.map { ($0.id, $0) })
        // Offsets count Unicode scalars: "简体" before them is 2, not 6 (its UTF-8 bytes).
        #expect(events["first-protests"]?.evidence == [Evidence(
            quote: "On January 2 the first protesters gathered in Zhanaozen", paragraph: 2, start: 33, end: 88)])
        #expect(events["protests-spread"]?.evidence == [Evidence(
            quote: "Protests spread to Almaty by January 5", paragraph: 2, start: 90, end: 128)])
        #expect(events["kremlin-praise"]?.evidence.first?.start == 305)
        #expect(events["kremlin-praise"]?.figures.first?.evidence == Evidence(
            quote: "CSTO", occurrence: 3, paragraph: 4, start: 329, end: 333))
        #expect(dataset.sources[0].evidence == [Evidence(quote: "Language : English", paragraph: 1, start: 0, end: 18)])
    }

    @Test func ranksEventsInArticleOrder() throws {
        let folder = TemporaryFolder()
        let dataset = try TimelineLoader.loadDataset(from: TimelineJSON().write(to: folder))
        let order = Dictionary(uniqueKeysWithValues: dataset.events.map { ($0.id, $0.articleOrder) })
        #expect(order == ["first-protests": 1, "protests-spread": 2, "csto-request": 3, "csto-arrival": 4,
                          "kremlin-praise": 5])
    }

    @Test func occurrencePicksTheNthMatch() throws {
        let folder = TemporaryFolder()
        var json = TimelineJSON()
        json.events[0] = json.events[0].replacingOccurrences(
            of: #"[{"quote": "CSTO troops arrived on January 7"}]"#, with: #"[{"quote": "CSTO", "occurrence": 2}]"#)
        let dataset = try TimelineLoader.loadDataset(from: json.write(to: folder))
        #expect(dataset.events[0].evidence == [Evidence(quote: "CSTO", occurrence: 2, paragraph: 3, start: 228, end: 232)])
    }

    @Test func validFixtureHasNoProblems() {
        #expect(problems { _ in } == [])
    }

    @Test func missingQuoteField() {
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: #"{"quote": "CSTO troops arrived on January 7"}"#, with: #"{"quote_text": "CSTO"}"#)
        } == [#"test.timeline.json: csto-arrival: missing field "evidence[0].quote""#])
    }

    @Test func quoteNotInArticle() {
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: "CSTO troops arrived on January 7", with: "CSTO troops arrived on January 8")
        } == [#"test.timeline.json: csto-arrival: quote not found in article: "CSTO troops arrived on January 8""#])
    }

    @Test func quoteMustMatchScalarsExactly() {
        // A straight apostrophe is not the article's curly one.
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: "CSTO troops arrived on January 7", with: "Türkiye's press")
        } == [#"test.timeline.json: csto-arrival: quote not found in article: "Türkiye's press""#])
    }

    @Test func ambiguousQuoteAndOccurrenceOutOfRange() {
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: #"{"quote": "CSTO troops arrived on January 7"}"#, with: #"{"quote": "CSTO"}, {"quote": "CSTO", "occurrence": 4}"#)
        } == [
            #"test.timeline.json: csto-arrival: ambiguous quote (found 3 times; give occurrence): "CSTO""#,
            #"test.timeline.json: csto-arrival: quote occurrence 4 not found (found 3 times): "CSTO""#,
        ])
    }

    @Test func quoteSpanningParagraphs() {
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: "CSTO troops arrived on January 7", with: "January 7.\\n\\nBeijing")
        } == ["test.timeline.json: csto-arrival: quote spans paragraphs 3 and 4: \"January 7.\n\nBeijing\""])
    }

    @Test func eventWithoutEvidence() {
        #expect(problems { $0.events[0] = $0.events[0].replacingOccurrences(
            of: #"[{"quote": "CSTO troops arrived on January 7"}]"#, with: "[]")
        } == ["test.timeline.json: csto-arrival: event has no evidence"])
    }

    @Test func danglingReferences() {
        #expect(problems {
            $0.events[0] = $0.events[0].replacingOccurrences(of: #"{"id": "csto", "role": "source"}"#,
                                                              with: #"{"id": "nobody", "role": "source"}"#)
            $0.events[1] = $0.events[1].replacingOccurrences(of: #"["zhanaozen"]"#, with: #"["atlantis"]"#)
            $0.events[2] = $0.events[2].replacingOccurrences(of: #""event": "first-protests""#, with: #""event": "csto""#)
            $0.actors[2] = $0.actors[2].replacingOccurrences(of: #""of": "russia""#, with: #""of": "ussr""#)
        } == [
            #"test.timeline.json: csto: unknown actor id "ussr""#,
            #"test.timeline.json: csto-arrival: unknown actor id "nobody""#,
            #"test.timeline.json: first-protests: unknown place id "atlantis""#,
            #"test.timeline.json: protests-spread: unknown event id "csto""#,
        ])
    }

    @Test func duplicateIDs() {
        #expect(problems {
            $0.events[0] = $0.events[0].replacingOccurrences(of: #""id": "csto-arrival""#, with: #""id": "almaty""#)
            $0.actors.append(#"{"id": "china", "name": "China", "kind": "state", "evidence": [{"quote": "China kept quiet"}]}"#)
        } == [
            #"test.timeline.json: china: duplicate id "china""#,
            #"test.timeline.json: almaty: duplicate id "almaty""#,
        ])
    }

    @Test func badDates() {
        #expect(problems {
            $0.events[0] = $0.events[0].replacingOccurrences(of: #""date": "2022-01-07""#, with: #""date": "2022-02-30""#)
            $0.events[1] = $0.events[1].replacingOccurrences(of: #""date": "2022-01-02""#, with: #""date": "2022-03/2022-01""#)
            $0.events[2] = $0.events[2].replacingOccurrences(of: #""date": "2022-01-02/2022-01-05""#, with: #""date": "2022-13""#)
            $0.events[3] = $0.events[3].replacingOccurrences(of: #""date": "2022-01~""#, with: #""date": "early 2022""#)
        } == [
            #"test.timeline.json: csto-arrival: invalid EDTF date "2022-02-30": day out of range"#,
            "test.timeline.json: first-protests: start 2022-03 is after end 2022-01",
            #"test.timeline.json: protests-spread: invalid EDTF date "2022-13": month out of range"#,
            #"test.timeline.json: csto-request: invalid EDTF date "early 2022": expected YYYY, YYYY-MM or YYYY-MM-DD"#,
        ])
    }

    @Test func malformedJSONFile() {
        let folder = TemporaryFolder()
        folder.write("article.txt", TimelineJSON.article)
        let file = folder.write("broken.timeline.json", "{\"format_version\": 1,\n  \"source\": {\"id\": \"x\",}\n}")
        #expect(TimelineLoader.validate(file) == [ValidationProblem(
            file: "broken.timeline.json", recordID: nil,
            reason: #"malformed JSON: unexpected character "}" (expected a key) at line 2, column 24"#)])
    }

    @Test func badEnumsNamesAndFields() {
        #expect(problems {
            $0.formatVersion = "2"
            $0.events[0] = $0.events[0].replacingOccurrences(of: #""type": "MOBILIZE""#, with: #""type": "RIOT""#)
            $0.actors[1] = $0.actors[1].replacingOccurrences(of: #""aliases": ["President Tokayev"]"#, with: #""aliases": ["Kassym-Jomart Tokayev"]"#)
            $0.actors[4] = $0.actors[4].replacingOccurrences(of: #""kind": "state""#, with: #""kind": 7"#)
            $0.places[1] = $0.places[1].replacingOccurrences(of: #""country": "KZ""#, with: #""country": "kz""#)
            $0.events[4] = $0.events[4].replacingOccurrences(of: #""title": "The Kremlin praises the mission", "#, with: "")
        } == [
            "test.timeline.json: unsupported format_version 2 (expected 1)",
            #"test.timeline.json: tokayev: alias not found in article: "Kassym-Jomart Tokayev""#,
            #"test.timeline.json: china: field "kind" must be a string"#,
            #"test.timeline.json: almaty: invalid country "kz": expected an ISO 3166-1 alpha-2 code like "KZ""#,
            #"test.timeline.json: csto-arrival: invalid value "RIOT" for field "type": expected one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN, PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT, FIGHT, CRIME"#,
            #"test.timeline.json: kremlin-praise: missing field "title""#,
        ])
    }

    @Test func reportsEveryProblemAtOnceAcrossFiles() throws {
        let folder = TemporaryFolder()
        var first = TimelineJSON()
        first.events[0] = first.events[0].replacingOccurrences(of: "January 7", with: "January 9")
        first.actors[0] = first.actors[0].replacingOccurrences(of: #""name": "protesters""#, with: #""name": "rioters""#)
        first.write(to: folder, name: "a.timeline.json")
        // A second file: a record without id, an id clash with the first file, an unknown actor.
        var second = TimelineJSON()
        second.source = second.source.replacingOccurrences(of: "test-article", with: "second-article")
        second.actors = [#"{"id": "china", "name": "China", "kind": "state", "evidence": [{"quote": "China kept quiet"}]}"#]
        second.places = [#"{"name": "Almaty", "kind": "city"}"#]
        second.events = [#"{"id": "lonely", "title": "Lonely", "type": "AID", "date": "2022", "actors": [{"id": "putin", "role": "source"}], "evidence": [{"quote": "Beijing said little"}]}"#]
        second.write(to: folder, name: "b.timeline.json")
        folder.write("notes.json", "not a timeline, ignored")

        let expected = [
            #"a.timeline.json: kazakh-protesters: name not found in article: "rioters""#,
            #"a.timeline.json: csto-arrival: quote not found in article: "CSTO troops arrived on January 9""#,
            #"b.timeline.json: places[0]: missing field "id""#,
            #"b.timeline.json: china: duplicate id "china""#,
            #"b.timeline.json: lonely: unknown actor id "putin""#,
        ]
        #expect(TimelineLoader.validate(folder.url).map(\.description) == expected)
        #expect(throws: TimelineValidationError.self) { try TimelineLoader.load(from: folder.url) }
        do {
            _ = try TimelineLoader.load(from: folder.url)
        } catch {
            #expect(error.problems.count == 5)
            #expect(error.description == expected.joined(separator: "\n"))
        }
    }

    @Test func loadsAFolderWithReferencesAcrossFiles() throws {
        let folder = TemporaryFolder()
        TimelineJSON().write(to: folder, name: "a.timeline.json")
        var second = TimelineJSON()
        second.source = second.source.replacingOccurrences(of: "test-article", with: "second-article")
        second.actors = []
        second.places = []
        second.events = [#"{"id": "lonely", "title": "Lonely", "type": "AID", "date": "2022", "actors": [{"id": "china", "role": "source"}], "places": ["almaty"], "evidence": [{"quote": "Beijing said little"}]}"#]
        second.write(to: folder, name: "b.timeline.json")
        let snapshot = try TimelineLoader.load(from: folder.url)
        #expect(snapshot.sources.map(\.id) == ["second-article", "test-article"])
        #expect(snapshot.event(id: "lonely")?.sourceID == "second-article")
        #expect(try snapshot.events(ofActor: "china").map(\.id) == ["lonely"])
    }

    @Test func missingPathsAndArticles() {
        let folder = TemporaryFolder()
        #expect(TimelineLoader.validate(folder.url).map(\.description)
            == ["\(folder.url.lastPathComponent): no *.timeline.json files in folder"])
        #expect(TimelineLoader.validate(folder.url.appendingPathComponent("nope.timeline.json")).map(\.description)
            == ["nope.timeline.json: cannot read file: no such file or folder"])
        let file = folder.write("x.timeline.json", TimelineJSON().text)
        #expect(TimelineLoader.validate(file).map(\.description)
            == [#"x.timeline.json: test-article: cannot read article "article.txt""#])
    }

    @Test func versionIsAStableHashOfTheBytes() throws {
        let folder = TemporaryFolder()
        let file = TimelineJSON().write(to: folder)
        let first = try TimelineLoader.loadDataset(from: file).version
        let again = try TimelineLoader.loadDataset(from: file).version
        #expect(first == again)
        #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
        folder.write("article.txt", TimelineJSON.article + "\n")
        #expect(try TimelineLoader.loadDataset(from: file).version != first)
    }
}
