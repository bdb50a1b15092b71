import Testing
@testable import TimelineStore

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2022", "2022-01-01", "2022-12-31", DatePrecision.year),
        ("2022-01", "2022-01-01", "2022-01-31", .month),
        ("2022-02", "2022-02-01", "2022-02-28", .month),
        ("2024-02", "2024-02-01", "2024-02-29", .month),
        ("2022-01-07", "2022-01-07", "2022-01-07", .day),
        ("2020-02-29", "2020-02-29", "2020-02-29", .day),
    ])
    func coversTheWholeUnit(text: String, first: String, last: String, precision: DatePrecision) throws {
        let date = try PartialDate(text)
        #expect(date.first.description == first)
        #expect(date.last.description == last)
        #expect(date.precision == precision)
        #expect(date.description == text)
    }

    @Test(arguments: [
        ("2022-02-30", "day out of range"),
        ("2021-02-29", "day out of range"),
        ("2022-13", "month out of range"),
        ("2022-00-10", "month out of range"),
        ("201X", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-01-07~", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022/2023", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("yesterday", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-1-7", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
    ])
    func refusesWithReason(text: String, reason: String) {
        #expect(throws: DateParseError(input: text, reason: reason)) { try PartialDate(text) }
    }
}
