import Foundation
import MicroHTTP
import Testing
@testable import TimelineAPI

@Suite struct EventRoutesTests {
    func ids(_ response: HTTPResponse) -> [String] {
        (value(response.json, "data") as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func listHasTheEnvelope() {
        let response = get("/v1/events?limit=5")
        #expect(response.status == .ok)
        #expect(value(response.json, "meta.total") as? Int == seedSnapshot.events.count)
        #expect(value(response.json, "meta.limit") as? Int == 5)
        #expect(ids(response).count == 5)
        let next = value(response.json, "links.next") as? String
        #expect(next?.hasPrefix("/v1/events?limit=5&cursor=") == true)
        #expect(response.header("Link") == "<\(next ?? "")>; rel=\"next\"")
        #expect(value(response.json, "meta.query.match") as? String == "overlap")
        #expect(value(response.json, "meta.query.sort") as? String == "date")
    }

    @Test func followingNextLinksVisitsEveryEventOnce() {
        let all = ids(get("/v1/events?limit=500"))
        #expect(all.count == seedSnapshot.events.count)
        for limit in [1, 4, 7] {
            var seen: [String] = []
            var target: String? = "/v1/events?limit=\(limit)"
            var pages = 0
            while let next = target {
                pages += 1
                guard pages <= all.count + 1 else { Issue.record("limit \(limit): links.next never ends"); break }
                let page = get(next)
                #expect(page.status == .ok)
                seen += ids(page)
                target = value(page.json, "links.next") as? String
            }
            #expect(seen == all, "limit \(limit)")
        }
    }

    @Test func aCursorGivesTheSamePageEveryTime() {
        let next = value(get("/v1/events?limit=3").json, "links.next") as! String
        #expect(ids(get(next)) == ids(get(next)))
    }

    @Test func eventCarriesItsEvidenceWithOffsets() {
        let response = get("/v1/events/xi-message-to-tokayev")
        #expect(response.status == .ok)
        #expect(value(response.json, "data.date") as? String == "2022-01-07")
        #expect(value(response.json, "data.start") as? String == "2022-01-07")
        #expect(value(response.json, "data.precision") as? String == "day")
        #expect(value(response.json, "data.type") as? String == "SUPPORT")
        let actors = (value(response.json, "data.actors") as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(actors?.contains("xi-jinping") == true)
        #expect(actors?.contains("tokayev") == true)
        #expect((value(response.json, "data.evidence") as? [Any])?.isEmpty == false)
    }

    @Test func actorFilterFoldsAliasesAndRequiresEveryActor() {
        let byAlias = get("/v1/events?actor=BEIJING&limit=500")
        let byID = get("/v1/events?actor=china&limit=500")
        #expect(ids(byAlias) == ids(byID))
        #expect(!ids(byID).isEmpty)
        #expect(value(byAlias.json, "meta.query.actor") as? [String] == ["china"])
        let both = ids(get("/v1/events?actor=xi-jinping&actor=tokayev&limit=500"))
        #expect(both == ["xi-message-to-tokayev"])
        #expect(ids(get("/v1/events?actor=china&actor=tokayev&limit=500")).allSatisfy { id in
            ids(get("/v1/events?actor=tokayev&limit=500")).contains(id) && ids(byID).contains(id)
        })
    }

    @Test func typeFilterTakesListsAndRepeats() {
        let listed = ids(get("/v1/events?type=PROTEST,FIGHT&limit=500"))
        let repeated = ids(get("/v1/events?type=protest&type=fight&limit=500"))
        #expect(listed == repeated)
        let types = Set((value(get("/v1/events?type=PROTEST,FIGHT&limit=500").json, "data") as? [[String: Any]] ?? [])
            .compactMap { $0["type"] as? String })
        #expect(types == ["PROTEST", "FIGHT"])
    }

    @Test func partialDateBoundsAndMatchModes() {
        // The Xi message (2022-01-07) is within January 2022; the interval events ending after
        // January overlap it but are not within it.
        let within = ids(get("/v1/events?from=2022-01&to=2022-01&match=within&limit=500"))
        let overlap = ids(get("/v1/events?from=2022-01&to=2022-01&limit=500"))
        #expect(within.contains("xi-message-to-tokayev"))
        #expect(within.contains("zhanaozen-first-demonstrations"))
        #expect(!within.contains("massimov-arrest"))
        #expect(overlap.contains("massimov-arrest"))
        #expect(Set(within).isSubset(of: Set(overlap)))
        let day = ids(get("/v1/events?from=2022-01-02&to=2022-01-02&match=within"))
        #expect(day == ["zhanaozen-first-demonstrations"])
        let year2019 = ids(get("/v1/events?from=2019&to=2019&match=within&limit=500"))
        #expect(Set(year2019) == ["kyrgyz-mine-protests-2019", "zhong-ji-halts-operations", "protests-september-2019"])
    }

    @Test func sortOrders() {
        let forward = ids(get("/v1/events?limit=500"))
        let backward = ids(get("/v1/events?sort=-date&limit=500"))
        #expect(backward == forward.reversed())
        let article = ids(get("/v1/events?sort=article&limit=500"))
        #expect(Set(article) == Set(forward))
        #expect(article.first == "kazakhstan-protests-2022" || article.first == "lpg-price-hike")
    }

    @Test func textQueryNeedsEveryTerm() {
        let hits = ids(get("/v1/events?q=massimov+treason"))
        #expect(hits == ["massimov-jailed-treason-charges"])
        #expect(ids(get("/v1/events?q=Zhanaozen")).contains("zhanaozen-first-demonstrations"))
    }

    @Test func actorAndPlaceSubresources() {
        #expect(ids(get("/v1/actors/china/events?limit=500")) == ids(get("/v1/events?actor=china&limit=500")))
        #expect(ids(get("/v1/places/zhanaozen/events")).contains("zhanaozen-first-demonstrations"))
        let network = get("/v1/actors/tokayev/network")
        let partners = (value(network.json, "data") as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(partners.contains("xi-jinping"))
        #expect(get("/v1/actors/nobody/network").status == .notFound)
    }

    @Test func fieldsSelectTopLevelMembers() {
        let response = get("/v1/events?fields=id,date&limit=1")
        let first = (value(response.json, "data") as? [[String: Any]])?.first
        #expect(first.map { Set($0.keys) } == ["id", "date"])
    }
}
