extension TimelineFileReader {
    /// The event with `articleOrder` 0; the file's events are ranked once all are read.
    mutating func readEvent(_ record: JSONFieldReader) -> TimelineEvent? {
        let id = declareID(record, kind: .event)
        let title = record.string("title", required: true)
        let summary = record.string("summary", required: false)
        let type = record.enumeration("type", EventType.self, required: true)
        let mode = record.string("mode", required: false)
        if let mode, !mode.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) {
            record.context.report("invalid mode \"\(mode)\": expected a lower-case word")
        }
        let date = record.string("date", required: true).flatMap { parseDate($0, in: record) }
        let dateBasis = record.enumeration("date_basis", DateBasis.self, required: false)
        let dateNote = record.string("date_note", required: false)

        var participants: [EventParticipant] = []
        for participant in record.objects("actors", required: false) ?? [] {
            let actorID = participant.string("id", required: true)
            let role = participant.enumeration("role", ParticipantRole.self, required: true)
            if let actorID { refer(to: actorID, kind: .actor, from: record) }
            if let actorID, let role { participants.append(EventParticipant(actorID: actorID, role: role)) }
        }
        let places = record.strings("places") ?? []
        for place in places { refer(to: place, kind: .place, from: record) }

        let figures = (record.objects("figures", required: false) ?? []).compactMap(readFigure)

        var relations: [EventRelation] = []
        for relation in record.objects("relations", required: false) ?? [] {
            let type = relation.enumeration("type", EventRelationType.self, required: true)
            let eventID = relation.string("event", required: true)
            let evidence = evidence(relation.object("evidence", required: false))
            if let eventID {
                if eventID == id {
                    record.context.report("event relates to itself")
                } else {
                    refer(to: eventID, kind: .event, from: record)
                }
            }
            if let type, let eventID { relations.append(EventRelation(type: type, eventID: eventID, evidence: evidence)) }
        }

        let evidence = evidenceList(record, owner: "event")
        guard let id, let title, let type, let date else { return nil }
        return TimelineEvent(
            id: id, sourceID: contents.source?.id ?? "", title: title, summary: summary, type: type, mode: mode,
            date: date, dateBasis: dateBasis, dateNote: dateNote, actors: participants, places: places,
            figures: figures, relations: relations, evidence: evidence, articleOrder: 0)
    }

    private func readFigure(_ figure: JSONFieldReader) -> Figure? {
        let measure = figure.string("measure", required: true)
        let unit = figure.string("unit", required: true)
        let value = figure.number("value")
        let lowerBound = figure.number("lower_bound")
        let upperBound = figure.number("upper_bound")
        let qualifier = figure.enumeration("qualifier", FigureQualifier.self, required: false)
        let confirmed = figure.bool("confirmed")
        let currency = figure.string("currency", required: false)
        if let currency, !TimelineFileReader.isCode(currency, length: 3) {
            figure.context.report("invalid currency \"\(currency)\": expected an ISO 4217 code like \"USD\"")
        }
        if unit == "currency" && currency == nil && figure.value("currency") == nil {
            figure.context.report("figure with unit \"currency\" needs a currency")
        }
        if let lowerBound, let upperBound, lowerBound > upperBound {
            figure.context.report("figure lower_bound \(lowerBound) is above upper_bound \(upperBound)")
        }
        let evidence = evidence(figure.object("evidence", required: true))
        guard let measure, let unit, let evidence else { return nil }
        return Figure(measure: measure, unit: unit, value: value, lowerBound: lowerBound, upperBound: upperBound,
                      qualifier: qualifier, confirmed: confirmed, currency: currency, evidence: evidence)
    }
}
