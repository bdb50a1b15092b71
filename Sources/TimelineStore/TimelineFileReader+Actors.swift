extension TimelineFileReader {
    mutating func readActor(_ record: JSONFieldReader) {
        let id = declareID(record, kind: .actor)
        let name = record.string("name", required: true)
        let kind = record.enumeration("kind", ActorKind.self, required: true)
        let aliases = record.strings("aliases") ?? []
        let description = record.string("description", required: false)
        if let name { checkInArticle(name, what: "name", in: record) }
        for alias in aliases { checkInArticle(alias, what: "alias", in: record) }

        var roles: [ActorRole] = []
        for role in record.objects("roles", required: false) ?? [] {
            let title = role.string("title", required: true)
            let of = role.string("of", required: false)
            let evidence = evidence(role.object("evidence", required: false))
            if let title { checkInArticle(title, what: "role title", in: record) }
            if let of { refer(to: of, kind: .actor, from: record) }
            if let title { roles.append(ActorRole(title: title, of: of, evidence: evidence)) }
        }

        var affiliations: [Affiliation] = []
        for affiliation in record.objects("affiliations", required: false) ?? [] {
            let actorID = affiliation.string("actor", required: true)
            let relation = affiliation.enumeration("relation", AffiliationRelation.self, required: true)
            let evidence = evidence(affiliation.object("evidence", required: false))
            if let actorID { refer(to: actorID, kind: .actor, from: record) }
            if let actorID, let relation {
                affiliations.append(Affiliation(actorID: actorID, relation: relation, evidence: evidence))
            }
        }

        let evidence = evidenceList(record, owner: "actor")
        guard let id, let name, let kind else { return }
        contents.actors.append(TimelineActor(
            id: id, sourceID: contents.source?.id ?? "", name: name, kind: kind, aliases: aliases,
            description: description, roles: roles, affiliations: affiliations, evidence: evidence))
    }
}
