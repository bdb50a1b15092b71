import CLibFuzzer
@testable import TimelineStore

// Event dates (EDTF, from data files) and query bounds (PartialDate, from `from`/`to`)
// share DatePattern; whatever either accepts must be a real, ordered span of days.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEDTF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    if let date = try? EDTFDate(text) {
        precondition(date.earliest != nil || date.latest != nil, "\(text): no dated end")
        if let earliest = date.earliest { checkReal(earliest, text) }
        if let latest = date.latest { checkReal(latest, text) }
        if let earliest = date.earliest, let latest = date.latest {
            precondition(earliest <= latest, "\(text): \(earliest) after \(latest)")
        }
        precondition(date.text == text)
    }

    if let bound = try? PartialDate(text) {
        checkReal(bound.first, text)
        checkReal(bound.last, text)
        precondition(bound.first <= bound.last, "\(text): \(bound.first) after \(bound.last)")
        precondition(!text.contains("X"), "\(text): a query bound took an unspecified digit")
        // A fully written date means the same span as an event date and as a query bound.
        let same = try? EDTFDate(text)
        precondition(same?.earliest == bound.first && same?.latest == bound.last, "\(text): EDTF and bound disagree")
    }
    return 0
}

private func checkReal(_ day: Day, _ text: String) {
    precondition((0...9999).contains(day.year), "\(text): year \(day.year)")
    precondition((1...12).contains(day.month), "\(text): month \(day.month)")
    precondition((1...Day.daysInMonth(day.month, year: day.year)).contains(day.day), "\(text): day \(day)")
    precondition(Day(year: day.year, month: day.month, day: day.day) == day, "\(text): \(day) does not round-trip")
}

@_cdecl("FuzzEDTF_main")
public func fuzzEDTFMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzEDTF)
}
