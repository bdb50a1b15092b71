import Foundation
import Testing
@testable import TimelineAPI

/// Representative responses compared byte for byte with files under Golden/. A deliberate
/// change is recorded with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`, then reviewed in the diff.
@Suite struct GoldenTests {
    static let cases: [(file: String, target: String)] = [
        ("event-xi-message.json", "/v1/events/xi-message-to-tokayev?pretty=1"),
        ("actor-china-by-alias.json", "/v1/actors/beijing?pretty=1"),
        ("place-zhanaozen.geojson", "/v1/places/zhanaozen?format=geojson&pretty=1"),
        ("events-january-2022.csv", "/v1/events?from=2022-01&to=2022-01&match=within&format=csv"),
        ("timeline.json", "/v1/timeline?pretty=1"),
        ("search-massimov.json", "/v1/search?q=massimov&pretty=1"),
        ("problem-bad-date.json", "/v1/events?from=2022-02-30"),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: cases.indices)
    func responseMatchesGoldenFile(_ index: Int) throws {
        let (file, target) = GoldenTests.cases[index]
        let body = get(target).bodyBytes
        let url = GoldenTests.folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(body).write(to: url)
            return
        }
        let golden = try [UInt8](Data(contentsOf: url))
        #expect(body == golden, "\(target) differs from Golden/\(file); UPDATE_GOLDEN=1 to record a deliberate change")
    }
}
