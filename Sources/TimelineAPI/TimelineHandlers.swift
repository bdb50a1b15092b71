import TimelineStore

/// `/v1/timeline`: every matching event in chronological order, grouped by year and month,
/// in a compact form for user interfaces.
enum TimelineHandlers {
    @Sendable static func timeline(_ context: RouteContext) throws(APIError) -> Representation {
        let query = try EventHandlers.query(context, requiredActor: nil, requiredPlace: nil, paged: false)
        let events: [TimelineEvent]
        do { events = try context.snapshot.events(matching: query).items } catch { throw APIError(error) }
        if context.format == .timelinejs {
            return .json(TimelineJS.document(events, nodes: context.nodes), pretty: context.pretty)
        }
        // Group by the year and month of the start. Events whose start is unknown (an interval
        // open at its start) come first, as in chronological order, in a group with a null
        // year. Within a year, events known only to the year or spanning several months come
        // first with a null month, so no event claims more precision than its date has; then
        // months ascending. Each group keeps chronological order.
        var years: [(year: Int?, months: [(month: Int?, events: [JSONNode])])] = []
        for event in events {
            let start = event.date.earliest
            let end = event.date.latest
            let month = start != nil && end != nil && start!.year == end!.year && start!.month == end!.month ? start!.month : nil
            var yearIndex = years.firstIndex { $0.year == start?.year }
            if yearIndex == nil { years.append((start?.year, [])); yearIndex = years.count - 1 }
            if let monthIndex = years[yearIndex!].months.firstIndex(where: { $0.month == month }) {
                years[yearIndex!].months[monthIndex].events.append(context.nodes.compactEvent(event))
            } else {
                years[yearIndex!].months.append((month, [context.nodes.compactEvent(event)]))
            }
        }
        years.sort { ($0.year ?? Int.min) < ($1.year ?? Int.min) }
        for index in years.indices { years[index].months.sort { ($0.month ?? 0) < ($1.month ?? 0) } }
        let data = JSONNode.array(years.map { year in
            .object([
                ("year", year.year.map(JSONNode.int) ?? .null),
                ("months", .array(year.months.map { month in
                    .object([
                        ("month", month.month.map(JSONNode.int) ?? .null),
                        ("events", .array(month.events)),
                    ])
                })),
            ])
        })
        return .json(.object([
            ("data", data),
            ("meta", .object([("total", .int(events.count)), ("query", .object(EventHandlers.normalised(query, context: context)))])),
            ("links", .object([("self", .string(context.selfLink))])),
        ]), pretty: context.pretty)
    }
}
