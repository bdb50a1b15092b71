import MicroHTTP
import Testing
@testable import TimelineAPI

@Suite struct FormatTests {
    @Test func ndjsonIsOneEventPerLine() {
        let response = get("/v1/events?format=ndjson&limit=500")
        #expect(response.header("Content-Type") == "application/x-ndjson")
        let lines = response.text.split(separator: "\n")
        #expect(lines.count == seedSnapshot.events.count)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":") })
    }

    @Test func csvHasAHeaderAndFlattenedLists() {
        let response = get("/v1/events?format=csv&limit=500&fields=id,date,actors")
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
        let rows = response.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "id,date,actors")
        #expect(rows.count == seedSnapshot.events.count + 1)
        #expect(rows.contains { $0.hasPrefix("xi-message-to-tokayev,2022-01-07,") && $0.contains("xi-jinping:source") })
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() {
        #expect(ListRendering.csvEscape("a,b") == "\"a,b\"")
        #expect(ListRendering.csvEscape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ListRendering.csvEscape("plain") == "plain")
    }

    @Test func acceptChoosesTheFormatAndFormatParameterWins() {
        #expect(get("/v1/events", headers: ["Accept": "text/csv"]).header("Content-Type") == "text/csv; charset=utf-8")
        #expect(get("/v1/events", headers: ["Accept": "application/x-ndjson;q=0.9, text/csv;q=0.5"])
            .header("Content-Type") == "application/x-ndjson")
        #expect(get("/v1/events", headers: ["Accept": "*/*"]).header("Content-Type") == "application/json")
        #expect(get("/v1/events?format=json", headers: ["Accept": "text/csv"]).header("Content-Type") == "application/json")
        #expect(get("/v1/events", headers: ["Accept": "text/csv;q=0, application/json"]).header("Content-Type") == "application/json")
    }

    @Test func geojsonHasAFeaturePerLocatedPlace() {
        let response = get("/v1/places?format=geojson&limit=500")
        #expect(response.header("Content-Type") == "application/geo+json")
        #expect(value(response.json, "type") as? String == "FeatureCollection")
        let features = value(response.json, "features") as? [[String: Any]] ?? []
        let located = seedSnapshot.places.filter { $0.coordinates != nil }.count
        #expect(features.count == located)
        let almaty = features.first { $0["id"] as? String == "almaty" }
        #expect(value(almaty as Any, "geometry.type") as? String == "Point")
        let coordinates = value(almaty as Any, "geometry.coordinates") as? [Double]
        #expect(coordinates.map { $0[0] > 76 && $0[0] < 78 && $0[1] > 43 && $0[1] < 44 } == true, "[lon, lat]")
    }

    @Test func eventsAsGeoJSONOnlyKeepLocatedOnes() {
        let response = get("/v1/events?format=geojson&limit=500")
        let features = value(response.json, "features") as? [[String: Any]] ?? []
        #expect(!features.isEmpty)
        #expect(value(response.json, "meta.total") as? Int == seedSnapshot.events.count)
        #expect(features.allSatisfy { value($0, "geometry.type") != nil })
    }

    @Test func timelineJSHasDatesHeadlinesAndGroups() {
        let response = get("/v1/events?format=timelinejs&limit=500")
        let events = value(response.json, "events") as? [[String: Any]] ?? []
        #expect(!events.isEmpty)
        let xi = events.first { $0["unique_id"] as? String == "xi-message-to-tokayev" }
        #expect(value(xi as Any, "start_date.year") as? Int == 2022)
        #expect(value(xi as Any, "start_date.month") as? Int == 1)
        #expect(value(xi as Any, "start_date.day") as? Int == 7)
        #expect(value(xi as Any, "display_date") as? String == "7 January 2022")
        #expect(value(xi as Any, "group") as? String == "SUPPORT")
        #expect((value(xi as Any, "text.headline") as? String)?.isEmpty == false)
        let y2016 = events.first { $0["unique_id"] as? String == "protests-april-2016" }
        #expect(value(y2016 as Any, "start_date.day") == nil, "a month-precision date does not invent a day")
    }

    @Test func timelineGroupsByYearAndMonth() {
        let response = get("/v1/timeline")
        let years = value(response.json, "data") as? [[String: Any]] ?? []
        let numbers = years.compactMap { $0["year"] as? Int }
        #expect(numbers == numbers.sorted())
        #expect(Set(numbers).count == numbers.count, "one group per year")
        // Events whose start is unknown lead, in a group of their own with a null year.
        #expect(years.first?["year"] is NSNull)
        #expect(numbers.contains(2016) && numbers.contains(2019) && numbers.contains(2022))
        #expect(value(response.json, "meta.total") as? Int == seedSnapshot.events.count)
        let months2022 = years.first { $0["year"] as? Int == 2022 }?["months"] as? [[String: Any]] ?? []
        let monthNumbers = months2022.map { $0["month"] as? Int ?? 0 }
        #expect(monthNumbers == monthNumbers.sorted() && Set(monthNumbers).count == monthNumbers.count)
        let january2022 = months2022.first { $0["month"] as? Int == 1 }
        let ids = (january2022?["events"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.contains("zhanaozen-first-demonstrations"))
    }

    @Test func prettyIndents() {
        #expect(get("/v1/events/massimov-arrest?pretty=1").text.hasPrefix("{\n  \"data\": {\n"))
        #expect(get("/v1/events/massimov-arrest").text.hasPrefix("{\"data\":{"))
    }

    @Test func sourceTextIsTheArticleByteForByte() throws {
        let response = get("/v1/sources/fp-2022-02-08-china-post-kazakhstan-central-asia/text")
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        let file = try [UInt8](contentsOf: seedsURL.appendingPathComponent("china-in-post-kazakhstan-central-asia.txt"))
        #expect(response.bodyBytes == file)
    }

    @Test func searchMarksTermsAndPointsIntoTheArticle() {
        let response = get("/v1/search?q=Zhong+Ji")
        let events = value(response.json, "data.events") as? [[String: Any]] ?? []
        #expect(events.contains { $0["id"] as? String == "zhong-ji-halts-operations" })
        let snippet = value(events.first as Any, "match.snippet") as? String
        #expect(snippet?.contains("<mark>Zhong</mark> <mark>Ji</mark>") == true)
        #expect(Set(value(response.json, "meta.terms") as? [String] ?? []) == ["zhong", "ji"])
        let paragraphs = value(response.json, "data.paragraphs") as? [[String: Any]] ?? []
        #expect(paragraphs.first?["number"] as? Int == 8)
    }
}

extension Array where Element == UInt8 {
    init(contentsOf url: URL) throws {
        self = [UInt8](try Data(contentsOf: url))
    }
}

import Foundation
