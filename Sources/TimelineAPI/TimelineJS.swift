import TimelineStore

/// TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html):
/// dates as `{year, month, day}` objects derived from the EDTF date, a `display_date` that
/// keeps the EDTF precision honest, and events grouped by PLOVER type.
enum TimelineJS {
    static func document(_ events: [TimelineEvent], nodes: ResourceNodes) -> JSONNode {
        .object([
            ("events", .array(events.compactMap { event(for: $0, nodes: nodes) })),
        ])
    }

    static func event(for event: TimelineEvent, nodes: ResourceNodes) -> JSONNode? {
        // TimelineJS needs a start date; an interval open at its start falls back to its end.
        guard let start = event.date.earliest ?? event.date.latest else { return nil }
        var members: [(String, JSONNode)] = [("start_date", dateObject(start, precision: event.date.precision))]
        if let end = event.date.latest, end != start, event.date.precision == .interval || event.date.precision == .year
            || event.date.precision == .month {
            members.append(("end_date", dateObject(end, precision: .day)))
        }
        let quotes = event.evidence.map { "“\($0.quote)” (¶\($0.paragraph))" }.joined(separator: " ")
        members.append(("display_date", .string(displayDate(event))))
        members.append(("text", .object([
            ("headline", .string(event.title)),
            ("text", .string([event.summary, quotes.isEmpty ? nil : quotes].compactMap { $0 }.joined(separator: " "))),
        ])))
        members.append(("group", .string(event.type.rawValue)))
        members.append(("unique_id", .string(event.id)))
        return .object(members)
    }

    static func dateObject(_ day: Day, precision: DatePrecision) -> JSONNode {
        var members: [(String, JSONNode)] = [("year", .int(day.year))]
        if precision != .year { members.append(("month", .int(day.month))) }
        if precision == .day || precision == .interval { members.append(("day", .int(day.day))) }
        return .object(members)
    }

    /// The EDTF date in words a reader can trust: "January 2022", "2019", "by 7 January 2022".
    static func displayDate(_ event: TimelineEvent) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        func text(_ day: Day, _ precision: DatePrecision) -> String {
            switch precision {
            case .year: "\(day.year)"
            case .month: "\(months[day.month - 1]) \(day.year)"
            default: "\(day.day) \(months[day.month - 1]) \(day.year)"
            }
        }
        let date = event.date
        var result: String
        switch (date.earliest, date.latest) {
        case let (start?, end?) where date.precision != .interval:
            result = text(start, date.precision)
            _ = end
        case let (start?, end?):
            result = "between \(text(start, .day)) and \(text(end, .day))"
        case let (nil, end?):
            result = "by \(text(end, .day))"
        case let (start?, nil):
            result = "from \(text(start, .day))"
        case (nil, nil):
            result = "undated"
        }
        if date.isApproximate { result = "about " + result }
        if date.isUncertain { result += " (uncertain)" }
        return result
    }
}
