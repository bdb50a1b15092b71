/// An `EventQuery` resolved against a snapshot and put in normal form: actor and place
/// indices, type codes and terms sorted and unique, dates as a day range. Two queries with
/// the same normal form (`Beijing` and `china`, terms in another order) share a fingerprint,
/// and so accept each other's cursors.
struct EventFilter: Sendable {
    let actorIndices: [Int32]
    let placeIndices: [Int32]
    let typeCodes: [UInt8]
    let terms: [String]
    let dayRange: DayRange?
    let sort: EventSort
    let fingerprint: String

    init(actorIndices: [Int32], actorIDs: [String], placeIndices: [Int32], placeIDs: [String],
         typeCodes: [UInt8], terms: [String], dayRange: DayRange?, sort: EventSort) {
        self.actorIndices = actorIndices
        self.placeIndices = placeIndices
        self.typeCodes = typeCodes
        self.terms = terms
        self.dayRange = dayRange
        self.sort = sort
        var hash = FNV1a64()
        hash.combine("events")
        hash.combine(actorIDs.joined(separator: ","))
        hash.combine(placeIDs.joined(separator: ","))
        hash.combine(typeCodes.map(String.init).joined(separator: ","))
        hash.combine(terms.joined(separator: " "))
        if let dayRange {
            hash.combine("\(dayRange.from)..\(dayRange.to) \(dayRange.match.rawValue)")
        }
        hash.combine(sort.rawValue)
        fingerprint = hash.hex
    }
}
