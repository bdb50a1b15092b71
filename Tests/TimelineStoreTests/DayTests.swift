import Testing
@testable import TimelineStore

@Suite struct DayTests {
    @Test func epochIsDayZero() {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test(arguments: ["0000-01-01", "0001-12-31", "1899-12-31", "2000-02-29", "2022-02-08", "9999-12-31"])
    func roundTripsThroughDayNumber(text: String) throws {
        let parts = text.split(separator: "-").map { Int($0)! }
        let day = try #require(Day(year: parts[0], month: parts[1], day: parts[2]))
        let again = Day(daysSinceEpoch: day.daysSinceEpoch)
        #expect(again.description == text)
        #expect(again.year == parts[0] && again.month == parts[1] && again.day == parts[2])
    }

    @Test func consecutiveDaysDifferByOne() {
        let last = Day(year: 2020, month: 2, day: 29)!
        let next = Day(year: 2020, month: 3, day: 1)!
        #expect(next.daysSinceEpoch - last.daysSinceEpoch == 1)
        #expect(last < next)
        #expect(Day(year: 2022, month: 1, day: 1)!.daysSinceEpoch == 18993)
    }

    @Test func refusesImpossibleDays() {
        #expect(Day(year: 2021, month: 2, day: 29) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2022, month: 4, day: 31) == nil)
        #expect(Day(year: 2022, month: 13, day: 1) == nil)
        #expect(Day(year: 2022, month: 0, day: 1) == nil)
        #expect(Day(year: 2022, month: 1, day: 0) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
    }
}
