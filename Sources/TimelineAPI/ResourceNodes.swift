import TimelineStore

/// The API's resource shapes, built from store records. Field names here are the public
/// contract (docs/openapi.json); add freely, rename never.
struct ResourceNodes: Sendable {
    let snapshot: TimelineSnapshot

    static let eventFields = ["id", "title", "summary", "type", "mode", "date", "start", "end", "precision",
                              "approximate", "uncertain", "date_basis", "date_note", "actors", "places", "source",
                              "evidence", "figures", "relations", "article_order", "links"]
    static let actorFields = ["id", "name", "kind", "aliases", "description", "roles", "affiliations", "evidence",
                              "event_count", "source", "links"]
    static let placeFields = ["id", "name", "kind", "country", "coordinates", "coordinates_source", "evidence",
                              "event_count", "source", "links"]

    func evidence(_ evidence: Evidence) -> JSONNode {
        .object([
            ("quote", .string(evidence.quote)),
            ("paragraph", .int(evidence.paragraph)),
            ("start", .int(evidence.start)),
            ("end", .int(evidence.end)),
        ])
    }

    func event(_ event: TimelineEvent) -> JSONNode {
        .object([
            ("id", .string(event.id)),
            ("title", .string(event.title)),
            ("summary", .optional(event.summary)),
            ("type", .string(event.type.rawValue)),
            ("mode", .optional(event.mode)),
            ("date", .string(event.date.text)),
            ("start", .optional(event.date.earliest?.description)),
            ("end", .optional(event.date.latest?.description)),
            ("precision", .string(event.date.precision.description)),
            ("approximate", .bool(event.date.isApproximate)),
            ("uncertain", .bool(event.date.isUncertain)),
            ("date_basis", .optional(event.dateBasis?.rawValue)),
            ("date_note", .optional(event.dateNote)),
            ("actors", .array(event.actors.map { participant in
                .object([
                    ("id", .string(participant.actorID)),
                    ("name", .optional(snapshot.actor(id: participant.actorID)?.name)),
                    ("role", .string(participant.role.rawValue)),
                ])
            })),
            ("places", .array(event.places.map { placeID in
                .object([("id", .string(placeID)), ("name", .optional(snapshot.place(id: placeID)?.name))])
            })),
            ("source", .string(event.sourceID)),
            ("evidence", .array(event.evidence.map(evidence))),
            ("figures", .array(event.figures.map(figure))),
            ("relations", .array(event.relations.map { relation in
                .object([
                    ("type", .string(relation.type.rawValue)),
                    ("event", .string(relation.eventID)),
                    ("evidence", relation.evidence.map(evidence) ?? .null),
                ])
            })),
            ("article_order", .int(event.articleOrder)),
            ("links", .object([("self", .string("/v1/events/\(event.id)"))])),
        ])
    }

    /// The few fields a timeline view needs.
    func compactEvent(_ event: TimelineEvent) -> JSONNode {
        .object([
            ("id", .string(event.id)),
            ("title", .string(event.title)),
            ("type", .string(event.type.rawValue)),
            ("date", .string(event.date.text)),
            ("start", .optional(event.date.earliest?.description)),
            ("end", .optional(event.date.latest?.description)),
            ("precision", .string(event.date.precision.description)),
            ("actors", .strings(event.actors.map(\.actorID))),
            ("places", .strings(event.places)),
            ("links", .object([("self", .string("/v1/events/\(event.id)"))])),
        ])
    }

    func figure(_ figure: Figure) -> JSONNode {
        .object([
            ("measure", .string(figure.measure)),
            ("unit", .string(figure.unit)),
            ("value", .optional(figure.value)),
            ("lower_bound", .optional(figure.lowerBound)),
            ("upper_bound", .optional(figure.upperBound)),
            ("qualifier", .optional(figure.qualifier?.rawValue)),
            ("confirmed", .optional(figure.confirmed)),
            ("currency", .optional(figure.currency)),
            ("evidence", evidence(figure.evidence)),
        ])
    }

    func actor(_ actor: TimelineActor) -> JSONNode {
        .object([
            ("id", .string(actor.id)),
            ("name", .string(actor.name)),
            ("kind", .string(actor.kind.rawValue)),
            ("aliases", .strings(actor.aliases)),
            ("description", .optional(actor.description)),
            ("roles", .array(actor.roles.map { role in
                .object([
                    ("title", .string(role.title)),
                    ("of", .optional(role.of)),
                    ("evidence", role.evidence.map(evidence) ?? .null),
                ])
            })),
            ("affiliations", .array(actor.affiliations.map { affiliation in
                .object([
                    ("actor", .string(affiliation.actorID)),
                    ("relation", .string(affiliation.relation.rawValue)),
                    ("evidence", affiliation.evidence.map(evidence) ?? .null),
                ])
            })),
            ("evidence", .array(actor.evidence.map(evidence))),
            ("event_count", .int(snapshot.eventCount(ofActor: actor.id))),
            ("source", .string(actor.sourceID)),
            ("links", .object([
                ("self", .string("/v1/actors/\(actor.id)")),
                ("events", .string("/v1/actors/\(actor.id)/events")),
                ("network", .string("/v1/actors/\(actor.id)/network")),
            ])),
        ])
    }

    func place(_ place: Place) -> JSONNode {
        .object([
            ("id", .string(place.id)),
            ("name", .string(place.name)),
            ("kind", .string(place.kind.rawValue)),
            ("country", .optional(place.country)),
            ("coordinates", place.coordinates.map { .array([.double($0.longitude), .double($0.latitude)]) } ?? .null),
            ("coordinates_source", .optional(place.coordinatesSource)),
            ("evidence", .array(place.evidence.map(evidence))),
            ("event_count", .int(snapshot.eventCount(atPlace: place.id))),
            ("source", .string(place.sourceID)),
            ("links", .object([
                ("self", .string("/v1/places/\(place.id)")),
                ("events", .string("/v1/places/\(place.id)/events")),
            ])),
        ])
    }

    func source(_ source: Source) -> JSONNode {
        let article = snapshot.article(ofSource: source.id)
        return .object([
            ("id", .string(source.id)),
            ("title", .string(source.title)),
            ("section", .optional(source.section)),
            ("published", .optional(source.published?.text)),
            ("languages", .strings(source.languages)),
            ("text_file", .string(source.textFile)),
            ("timeline_file", .string(source.timelineFile)),
            ("paragraph_count", .int(article?.paragraphs.count ?? 0)),
            ("character_count", .int(article?.text.unicodeScalars.count ?? 0)),
            ("event_count", .int(snapshot.events(ofSource: source.id).count)),
            ("evidence", .array(source.evidence.map(evidence))),
            ("links", .object([
                ("self", .string("/v1/sources/\(source.id)")),
                ("text", .string("/v1/sources/\(source.id)/text")),
                ("paragraphs", .string("/v1/sources/\(source.id)/paragraphs")),
            ])),
        ])
    }

    func paragraph(_ paragraph: Paragraph, sourceID: String) -> JSONNode {
        .object([
            ("source", .string(sourceID)),
            ("number", .int(paragraph.number)),
            ("text", .string(paragraph.text)),
            ("start", .int(paragraph.start)),
            ("end", .int(paragraph.end)),
            ("links", .object([("self", .string("/v1/sources/\(sourceID)/paragraphs/\(paragraph.number)"))])),
        ])
    }
}
