import TimelineStore

/// Where an event's bytes go in the Swift object model, estimated from the sizes Swift asks
/// malloc for and glibc's chunk rounding. Separates "the events as Swift values" from "the
/// snapshot's indexes and heap slack" in the RSS growth.
enum Accounting {
    /// glibc: 8 bytes of chunk header, 16-byte granularity, 32-byte minimum.
    static func chunk(_ request: Int) -> Int { max(32, (request + 8 + 15) & ~15) }

    /// A native Swift string: inline up to 15 UTF-8 bytes, else a 32-byte header, the bytes and a NUL.
    static func string(_ text: String?) -> Int {
        guard let text, text.utf8.count > 15 else { return 0 }
        return chunk(32 + text.utf8.count + 1)
    }

    /// An array's buffer: a 32-byte header and the elements; empty arrays share one static buffer.
    static func array<Element>(_ array: [Element]) -> Int {
        array.isEmpty ? 0 : chunk(32 + MemoryLayout<Element>.stride * array.count)
    }

    struct Breakdown {
        var eventStructs = 0
        var textStrings = 0
        var otherStrings = 0
        var arrays = 0
        var total: Int { eventStructs + textStrings + otherStrings + arrays }
    }

    /// The events as `[TimelineEvent]` would hold them (what the store kept before the packed
    /// `EventTable`, and what the dataset still holds), for comparison.
    static func events(_ events: some Collection<TimelineEvent>) -> Breakdown {
        var breakdown = Breakdown()
        breakdown.eventStructs = MemoryLayout<TimelineEvent>.stride * events.count
        for event in events {
            breakdown.textStrings += string(event.title) + string(event.summary) + string(event.dateNote)
                + event.evidence.reduce(0) { $0 + string($1.quote) }
            breakdown.otherStrings += string(event.id) + string(event.sourceID) + string(event.mode) + string(event.date.text)
                + event.actors.reduce(0) { $0 + string($1.actorID) } + event.places.reduce(0) { $0 + string($1) }
            breakdown.arrays += array(event.actors) + array(event.places) + array(event.evidence)
                + array(event.figures) + array(event.relations)
        }
        return breakdown
    }

    static var strides: String {
        "TimelineEvent \(MemoryLayout<TimelineEvent>.stride) B, EDTFDate \(MemoryLayout<EDTFDate>.stride) B, "
            + "EventParticipant \(MemoryLayout<EventParticipant>.stride) B, Evidence \(MemoryLayout<Evidence>.stride) B"
    }
}
