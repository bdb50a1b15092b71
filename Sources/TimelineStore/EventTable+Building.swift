extension EventTable {
    /// Packs `events[order[0]]`, `events[order[1]]`, … in that order.
    ///
    /// - `sourceIDs`: the distinct source ids, sorted; `sourceRanks[i]` is the index of
    ///   `events[i].sourceID` in it.
    /// - `actorIDs` / `placeIDs`: the snapshot's record ids in its order, found by
    ///   `actorIndexByID` / `placeIndexByID`; references to other ids are kept too.
    ///
    /// The events are read once, in the dataset's own order, which is about the order their
    /// strings lie in memory: read in chronological order instead, every event is a few cache
    /// and TLB misses (it was twice the time at a million events). So the strings go into the
    /// text buffer in dataset order (a record says where its strings are, so nothing needs
    /// them in chronological order), and then only the records and the small flat arrays are
    /// put in chronological order, which the per-event ranges (each ends where the next
    /// event's starts) need.
    init(events eventArray: [TimelineEvent], order: [Int32], sourceIDs: [String], sourceRanks: [Int32],
         actorIDs: [String], actorIndexByID: IDIndex, placeIDs: [String], placeIndexByID: IDIndex) {
        var positionOfEvent = [Int32](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { positionOfEvent[Int(index)] = Int32(position) }
        // Through a buffer pointer: reading fields in place, without bounds checks or copies
        // (and retains) of whole events.
        let (records, text, evidence, participantActors, participantRoles, placeReferences, allActorIDs, allPlaceIDs,
             figures, relations, wideEvidence, wideArticleOrders) = eventArray.withUnsafeBufferPointer { events in
            // Capacities from typical sizes, not from a first pass over the events: that pass
            // would read every string's header once more. Pages of the text buffer that stay
            // unused are never touched.
            var records: [EventRecord] = EventTable.reserved(order.count)
            var text: [UInt8] = EventTable.reserved(order.count * 512)
            var evidence: [EvidenceRecord] = EventTable.reserved(order.count * 2)
            var participantActors: [UInt32] = EventTable.reserved(order.count * 2)
            var participantRoles: [UInt8] = EventTable.reserved(order.count * 2)
            var placeReferences: [UInt32] = EventTable.reserved(order.count * 2)
            var allActorIDs = actorIDs
            var otherActorIndex: [String: UInt32] = [:]
            var allPlaceIDs = placeIDs
            var otherPlaceIndex: [String: UInt32] = [:]
            var figures: [Int32: [Figure]] = [:]
            var relations: [Int32: [EventRelation]] = [:]
            var wideEvidence: [Int32: [Evidence]] = [:]
            var wideArticleOrders: [Int32: Int] = [:]

            func append(_ string: String?) -> UInt32 {
                guard let string else { return EventRecord.absent }
                // Native strings hand over their bytes in one copy.
                if string.utf8.withContiguousStorageIfAvailable({ text.append(contentsOf: $0) }) == nil {
                    text.append(contentsOf: string.utf8)
                }
                return UInt32(string.utf8.count)
            }

            // In dataset order: records, evidence and references as the events come.
            for index in events.indices {
                let position = positionOfEvent[index]
                let date = events[index].date
                let textStart = text.count
                let idLength = append(events[index].id)
                let titleLength = append(events[index].title)
                let summaryLength = append(events[index].summary)
                let modeLength = append(events[index].mode)
                let dateNoteLength = append(events[index].dateNote)
                let dateTextLength = append(date.text)
                let firstEvidence = UInt32(evidence.count)
                if events[index].evidence.allSatisfy(EventTable.fitsRecord) {
                    for item in events[index].evidence {
                        evidence.append(EvidenceRecord(
                            quoteLength: append(item.quote), occurrence: item.occurrence.map { Int32($0) } ?? Int32.min,
                            paragraph: Int32(item.paragraph), start: Int32(item.start), end: Int32(item.end)))
                    }
                } else {
                    wideEvidence[position] = events[index].evidence
                }
                let firstParticipant = UInt32(participantActors.count)
                for participant in events[index].actors {
                    let actorIndex = actorIndexByID[participant.actorID].map { UInt32($0) }
                        ?? EventTable.otherIndex(participant.actorID, in: &allActorIDs, &otherActorIndex)
                    participantActors.append(actorIndex)
                    participantRoles.append(UInt8(EventTable.roleCases.firstIndex(of: participant.role) ?? 0))
                }
                let firstPlace = UInt32(placeReferences.count)
                for placeID in events[index].places {
                    placeReferences.append(placeIndexByID[placeID].map { UInt32($0) }
                        ?? EventTable.otherIndex(placeID, in: &allPlaceIDs, &otherPlaceIndex))
                }
                if !events[index].figures.isEmpty { figures[position] = events[index].figures }
                if !events[index].relations.isEmpty { relations[position] = events[index].relations }
                let articleOrder = events[index].articleOrder
                if articleOrder <= Int(Int32.min) || articleOrder > Int(Int32.max) { wideArticleOrders[position] = articleOrder }
                let flags = (date.earliest == nil ? 0 : EventTable.hasEarliest) | (date.latest == nil ? 0 : EventTable.hasLatest)
                    | (date.isApproximate ? EventTable.isApproximate : 0) | (date.isUncertain ? EventTable.isUncertain : 0)
                records.append(EventRecord(
                    textStart: textStart, idLength: idLength, titleLength: titleLength, summaryLength: summaryLength,
                    modeLength: modeLength, dateNoteLength: dateNoteLength, dateTextLength: dateTextLength,
                    earliest: date.earliest?.daysSinceEpoch ?? Int32.min, latest: date.latest?.daysSinceEpoch ?? Int32.max,
                    sourceIndex: UInt32(bitPattern: sourceRanks[index]), firstParticipant: firstParticipant,
                    firstPlace: firstPlace, firstEvidence: firstEvidence,
                    articleOrder: wideArticleOrders[position] == nil ? Int32(articleOrder) : Int32.min,
                    typeCode: events[index].type.code,
                    dateBasis: events[index].dateBasis.map { UInt8(EventTable.basisCases.firstIndex(of: $0) ?? 0) } ?? UInt8.max,
                    precision: UInt8(date.precision.rawValue), dateFlags: flags))
            }
            return (records, text, evidence, participantActors, participantRoles, placeReferences, allActorIDs, allPlaceIDs,
                    figures, relations, wideEvidence, wideArticleOrders)
        }
        self.text = text
        // Ids hashed straight from the text buffer (no `String` per id), read in order.
        positionByID = text.withUnsafeBufferPointer { bytes in
            records.withUnsafeBufferPointer { records in
                IDIndex(count: records.count, idBytes: { index in
                    UnsafeBufferPointer(rebasing: bytes[records[index].textStart..<records[index].textStart + Int(records[index].idLength)])
                }, recordIndex: { positionOfEvent[$0] })
            }
        }
        // Then records and their ranges in chronological order.
        var chronologicalRecords: [EventRecord] = EventTable.reserved(records.count)
        var chronologicalEvidence: [EvidenceRecord] = EventTable.reserved(evidence.count)
        var chronologicalActors: [UInt32] = EventTable.reserved(participantActors.count)
        var chronologicalRoles: [UInt8] = EventTable.reserved(participantRoles.count)
        var chronologicalPlaces: [UInt32] = EventTable.reserved(placeReferences.count)
        records.withUnsafeBufferPointer { records in
            for index in order {
                let index = Int(index)
                var record = records[index]
                let next = index + 1 < records.count ? records[index + 1] : nil
                let evidenceRange = Int(record.firstEvidence)..<(next.map { Int($0.firstEvidence) } ?? evidence.count)
                let participantRange = Int(record.firstParticipant)..<(next.map { Int($0.firstParticipant) } ?? participantActors.count)
                let placeRange = Int(record.firstPlace)..<(next.map { Int($0.firstPlace) } ?? placeReferences.count)
                record.firstEvidence = UInt32(chronologicalEvidence.count)
                record.firstParticipant = UInt32(chronologicalActors.count)
                record.firstPlace = UInt32(chronologicalPlaces.count)
                chronologicalEvidence.append(contentsOf: evidence[evidenceRange])
                chronologicalActors.append(contentsOf: participantActors[participantRange])
                chronologicalRoles.append(contentsOf: participantRoles[participantRange])
                chronologicalPlaces.append(contentsOf: placeReferences[placeRange])
                chronologicalRecords.append(record)
            }
        }
        self.records = chronologicalRecords
        self.evidence = chronologicalEvidence
        self.participantActors = chronologicalActors
        self.participantRoles = chronologicalRoles
        self.placeReferences = chronologicalPlaces
        self.actorIDs = allActorIDs
        knownActorCount = actorIDs.count
        self.placeIDs = allPlaceIDs
        knownPlaceCount = placeIDs.count
        self.sourceIDs = sourceIDs
        self.figures = figures
        self.relations = relations
        self.wideEvidence = wideEvidence
        self.wideArticleOrders = wideArticleOrders
    }

    /// An empty array with room for `capacity` elements.
    static func reserved<Element>(_ capacity: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(capacity)
        return array
    }

    /// Whether the evidence's offsets fit an `EvidenceRecord` (`Int32.min` is the record's "no occurrence").
    static func fitsRecord(_ item: Evidence) -> Bool {
        let range = Int(Int32.min) + 1...Int(Int32.max)
        return range.contains(item.paragraph) && range.contains(item.start) && range.contains(item.end)
            && item.occurrence.map(range.contains) ?? true
    }

    /// The index of an id that names no record, appended to `ids` the first time.
    static func otherIndex(_ id: String, in ids: inout [String], _ indexByID: inout [String: UInt32]) -> UInt32 {
        if let index = indexByID[id] { return index }
        let index = UInt32(ids.count)
        ids.append(id)
        indexByID[id] = index
        return index
    }
}
