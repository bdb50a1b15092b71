import Testing
@testable import TimelineStore

@Suite struct EDTFDateTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let text: String
        let earliest: String?
        let latest: String?
        let precision: DatePrecision
        var approximate = false
        var uncertain = false
        var testDescription: String { text }
    }

    static let valid: [Expected] = [
        Expected(text: "2022", earliest: "2022-01-01", latest: "2022-12-31", precision: .year),
        Expected(text: "2022-01", earliest: "2022-01-01", latest: "2022-01-31", precision: .month),
        Expected(text: "2022-02", earliest: "2022-02-01", latest: "2022-02-28", precision: .month),
        Expected(text: "2020-02", earliest: "2020-02-01", latest: "2020-02-29", precision: .month),
        Expected(text: "2022-01-07", earliest: "2022-01-07", latest: "2022-01-07", precision: .day),
        Expected(text: "2020-02-29", earliest: "2020-02-29", latest: "2020-02-29", precision: .day),
        Expected(text: "2022-01-02~", earliest: "2022-01-02", latest: "2022-01-02", precision: .day, approximate: true),
        Expected(text: "2022-01?", earliest: "2022-01-01", latest: "2022-01-31", precision: .month, uncertain: true),
        Expected(text: "2022%", earliest: "2022-01-01", latest: "2022-12-31", precision: .year, approximate: true,
                 uncertain: true),
        Expected(text: "201X", earliest: "2010-01-01", latest: "2019-12-31", precision: .year),
        Expected(text: "20XX", earliest: "2000-01-01", latest: "2099-12-31", precision: .year),
        Expected(text: "2022-XX", earliest: "2022-01-01", latest: "2022-12-31", precision: .year),
        Expected(text: "2022-1X", earliest: "2022-10-01", latest: "2022-12-31", precision: .year),
        Expected(text: "2022-01-XX", earliest: "2022-01-01", latest: "2022-01-31", precision: .month),
        Expected(text: "2022-02-XX", earliest: "2022-02-01", latest: "2022-02-28", precision: .month),
        Expected(text: "2022-01-0X", earliest: "2022-01-01", latest: "2022-01-09", precision: .month),
        Expected(text: "2022-02-2X", earliest: "2022-02-20", latest: "2022-02-28", precision: .month),
        Expected(text: "2022-XX-XX", earliest: "2022-01-01", latest: "2022-12-31", precision: .year),
        Expected(text: "2022-01-XX~", earliest: "2022-01-01", latest: "2022-01-31", precision: .month,
                 approximate: true),
        Expected(text: "2022-01-02/2022-01-07", earliest: "2022-01-02", latest: "2022-01-07", precision: .interval),
        Expected(text: "2022-01/2022-02", earliest: "2022-01-01", latest: "2022-02-28", precision: .interval),
        Expected(text: "2019/2022-01-07", earliest: "2019-01-01", latest: "2022-01-07", precision: .interval),
        Expected(text: "/2022-02-08", earliest: nil, latest: "2022-02-08", precision: .interval),
        Expected(text: "../2022-02-08", earliest: nil, latest: "2022-02-08", precision: .interval),
        Expected(text: "2022-01/..", earliest: "2022-01-01", latest: nil, precision: .interval),
        Expected(text: "2022-01/", earliest: "2022-01-01", latest: nil, precision: .interval),
        Expected(text: "2022-01-02~/2022-01-05", earliest: "2022-01-02", latest: "2022-01-05", precision: .interval,
                 approximate: true),
        Expected(text: "2022-01/2022-02?", earliest: "2022-01-01", latest: "2022-02-28", precision: .interval,
                 uncertain: true),
        Expected(text: "2022/2022-01", earliest: "2022-01-01", latest: "2022-01-31", precision: .interval),
        Expected(text: "2022-01-07/2022-01-07", earliest: "2022-01-07", latest: "2022-01-07", precision: .interval),
    ]

    @Test(arguments: valid)
    func parsesBoundsAndQualifiers(expected: Expected) throws {
        let date = try EDTFDate(expected.text)
        #expect(date.text == expected.text)
        #expect(date.description == expected.text)
        #expect(date.earliest?.description == expected.earliest)
        #expect(date.latest?.description == expected.latest)
        #expect(date.precision == expected.precision)
        #expect(date.isApproximate == expected.approximate)
        #expect(date.isUncertain == expected.uncertain)
    }

    static let invalid: [(String, String)] = [
        ("", "empty date"),
        ("2022-02-30", "day out of range"),
        ("2021-02-29", "day out of range"),
        ("1900-02-29", "day out of range"),
        ("2022-04-31", "day out of range"),
        ("2022-01-32", "day out of range"),
        ("2022-01-00", "day out of range"),
        ("2022-02-3X", "day out of range"),
        ("2022-13", "month out of range"),
        ("2022-00", "month out of range"),
        ("2022-13-01", "month out of range"),
        ("2022-2X", "month out of range"),
        ("22", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-1", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-01-1", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022/01/07", "an interval has exactly one \"/\""),
        ("2022-01-07T10:00", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("January 2022", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022~~", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("~2022", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-01-07-01", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("-2022", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-x1", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/", "an interval needs at least one dated end"),
        ("../..", "an interval needs at least one dated end"),
        ("2022-13/2023", "month out of range"),
        ("2022-03/2022-01", "start 2022-03 is after end 2022-01"),
        ("2022-01-08/2022-01-07", "start 2022-01-08 is after end 2022-01-07"),
    ]

    @Test(arguments: invalid)
    func refusesWithReason(text: String, reason: String) {
        #expect(throws: DateParseError(input: text, reason: reason, isInvertedInterval: reason.hasPrefix("start "))) {
            try EDTFDate(text)
        }
    }

    @Test func errorDescriptionQuotesTheInput() {
        #expect(DateParseError(input: "2022-02-30", reason: "day out of range").description
            == "invalid date \"2022-02-30\": day out of range")
    }
}
