/// The snapshot's events in chronological order, packed for a million of them: every event's
/// strings in one UTF-8 buffer, actor and place references as indexes into shared id tables,
/// evidence in one flat array, and the rest in a 64-byte `EventRecord`. A `TimelineEvent` is
/// made on access (a page of 50 costs microseconds); the indexes read the packed fields
/// directly. Every field round-trips exactly.
///
/// Why: as `[TimelineEvent]` each event costs about 800 bytes beyond its text (a 192-byte
/// struct, a 32-byte header and malloc rounding per string, an id string per reference, three
/// small arrays); packed it costs about 150.
public struct EventTable: Sendable, RandomAccessCollection {
    let records: [EventRecord]
    let text: [UInt8]
    let evidence: [EvidenceRecord]
    /// Per participant: an index into `actorIDs` and the role's index in `ParticipantRole.allCases`.
    let participantActors: [UInt32]
    let participantRoles: [UInt8]
    /// Per place reference: an index into `placeIDs`.
    let placeReferences: [UInt32]
    /// The snapshot's actor ids in its order, then ids that name no actor (kept as given).
    let actorIDs: [String]
    let knownActorCount: Int
    let placeIDs: [String]
    let knownPlaceCount: Int
    /// Sorted, so that an event's `sourceIndex` is also its source's rank.
    let sourceIDs: [String]
    /// The rare fields, by position: few events have figures or relations.
    let figures: [Int32: [Figure]]
    let relations: [Int32: [EventRelation]]
    /// Position by event id.
    let positionByID: IDIndex
    /// Events whose evidence offsets or article order do not fit in 32 bits.
    let wideEvidence: [Int32: [Evidence]]
    let wideArticleOrders: [Int32: Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> TimelineEvent {
        let record = records[position]
        let key = Int32(position)
        return text.withUnsafeBufferPointer { bytes in
            var cursor = record.textStart
            func next(_ length: UInt32) -> String? {
                guard length != EventRecord.absent else { return nil }
                let end = cursor + Int(length)
                defer { cursor = end }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self)
            }
            let id = next(record.idLength) ?? ""
            let title = next(record.titleLength) ?? ""
            let summary = next(record.summaryLength)
            let mode = next(record.modeLength)
            let dateNote = next(record.dateNoteLength)
            let dateText = next(record.dateTextLength) ?? ""
            let evidenceRecords = evidence[Int(record.firstEvidence)..<evidenceEnd(position)]
            let evidence = wideEvidence[key] ?? evidenceRecords.map { item in
                Evidence(quote: next(item.quoteLength) ?? "",
                         occurrence: item.occurrence == Int32.min ? nil : Int(item.occurrence),
                         paragraph: Int(item.paragraph), start: Int(item.start), end: Int(item.end))
            }
            let participants = (Int(record.firstParticipant)..<participantEnd(position)).map { index in
                EventParticipant(actorID: actorIDs[Int(participantActors[index])],
                                 role: EventTable.roleCases[Int(participantRoles[index])])
            }
            let places = placeReferences[Int(record.firstPlace)..<placeEnd(position)].map { placeIDs[Int($0)] }
            return TimelineEvent(
                id: id, sourceID: sourceIDs[Int(record.sourceIndex)], title: title, summary: summary,
                type: EventTable.typeCases[Int(record.typeCode)], mode: mode, date: date(record, text: dateText),
                dateBasis: record.dateBasis == UInt8.max ? nil : EventTable.basisCases[Int(record.dateBasis)],
                dateNote: dateNote, actors: participants, places: places, figures: figures[key] ?? [],
                relations: relations[key] ?? [], evidence: evidence, articleOrder: articleOrder(at: position))
        }
    }

    func date(_ record: EventRecord, text: String) -> EDTFDate {
        EDTFDate(text: text,
                 earliest: record.dateFlags & EventTable.hasEarliest != 0 ? Day(daysSinceEpoch: record.earliest) : nil,
                 latest: record.dateFlags & EventTable.hasLatest != 0 ? Day(daysSinceEpoch: record.latest) : nil,
                 precision: DatePrecision(rawValue: Int(record.precision)) ?? .day,
                 isApproximate: record.dateFlags & EventTable.isApproximate != 0,
                 isUncertain: record.dateFlags & EventTable.isUncertain != 0)
    }

    /// The enums' cases made once: `allCases` builds a new array at every use.
    static let typeCases = EventType.allCases
    static let roleCases = ParticipantRole.allCases
    static let basisCases = DateBasis.allCases

    static let hasEarliest: UInt8 = 1
    static let hasLatest: UInt8 = 2
    static let isApproximate: UInt8 = 4
    static let isUncertain: UInt8 = 8
}
