/// One calendar date as written, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, where any digit may be
/// `X` (unspecified). It knows the earliest and latest real days it can stand for.
struct DatePattern: Sendable {
    static let expectedForm = "expected YYYY, YYYY-MM or YYYY-MM-DD"

    let year: [UInt8]
    let month: [UInt8]?
    let day: [UInt8]?

    /// Parses the structure only; `bounds()` checks the calendar.
    init?(_ text: Substring, allowUnspecified: Bool) {
        // One pass over the bytes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` are 4, 7 or 10 long
        // with hyphens at 4 and 7 and digits (or X) elsewhere.
        let bytes = Array(text.utf8)
        guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                guard isDigit || (allowUnspecified && byte == DatePattern.unspecified) else { return nil }
            }
        }
        year = Array(bytes[0..<4])
        month = bytes.count >= 7 ? Array(bytes[5..<7]) : nil
        day = bytes.count == 10 ? Array(bytes[8..<10]) : nil
    }

    /// The finest unit written without an `X`.
    var precision: DatePrecision {
        if let day, !day.contains(DatePattern.unspecified) { return .day }
        if let month, !month.contains(DatePattern.unspecified) { return .month }
        return .year
    }

    /// The earliest and latest real days matching the pattern, or the reason there are none.
    func bounds() -> Result<(earliest: Day, latest: Day), BoundsFailure> {
        let years = DatePattern.values(matching: year, in: 0...9999)
        let months = month.map { DatePattern.values(matching: $0, in: 1...12) } ?? Array(1...12)
        guard !months.isEmpty else { return .failure(.monthOutOfRange) }
        let dayPattern = day ?? Array("XX".utf8)
        guard let earliest = firstDay(years: years, months: months, dayPattern: dayPattern, ascending: true),
              let latest = firstDay(years: years, months: months, dayPattern: dayPattern, ascending: false)
        else { return .failure(.dayOutOfRange) }
        return .success((earliest, latest))
    }

    enum BoundsFailure: Error {
        case monthOutOfRange
        case dayOutOfRange

        var reason: String {
            switch self {
            case .monthOutOfRange: "month out of range"
            case .dayOutOfRange: "day out of range"
            }
        }
    }

    private static let unspecified = UInt8(ascii: "X")

    // Scans in calendar order and stops at the first real day, so a fully written date costs
    // one check and `20XX-02-29` finds 2000-02-29 / 2096-02-29 quickly.
    private func firstDay(years: [Int], months: [Int], dayPattern: [UInt8], ascending: Bool) -> Day? {
        for year in ascending ? years : years.reversed() {
            for month in ascending ? months : months.reversed() {
                let days = DatePattern.values(matching: dayPattern, in: 1...Day.daysInMonth(month, year: year))
                if let day = ascending ? days.first : days.last {
                    return Day(year: year, month: month, day: day)
                }
            }
        }
        return nil
    }

    private static func values(matching pattern: [UInt8], in range: ClosedRange<Int>) -> [Int] {
        if !pattern.contains(unspecified) {
            let value = pattern.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return range.contains(value) ? [value] : []
        }
        return range.filter { matches(pattern, $0) }
    }

    private static func matches(_ pattern: [UInt8], _ value: Int) -> Bool {
        var remainder = value
        for byte in pattern.reversed() {
            let digit = UInt8(remainder % 10) + UInt8(ascii: "0")
            remainder /= 10
            if byte != unspecified && byte != digit { return false }
        }
        return remainder == 0
    }
}
