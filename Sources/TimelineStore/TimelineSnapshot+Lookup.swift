/// Finding single records by id, or by name folded (`beijing` → china when "Beijing" is an
/// alias). Each is a dictionary lookup, O(1) after folding the name.
extension TimelineSnapshot {
    public func event(id: String) -> TimelineEvent? {
        eventPositionByID[id].map { events[Int($0)] }
    }

    public func actor(id: String) -> TimelineActor? {
        actorIndexByID[id].map { actors[Int($0)] }
    }

    /// By id, name or alias, ignoring case, diacritics and runs of whitespace; ids win over
    /// names, names over aliases.
    public func actor(matching name: String) -> TimelineActor? {
        actorIndex(matching: name).map { actors[Int($0)] }
    }

    public func place(id: String) -> Place? {
        placeIndexByID[id].map { places[Int($0)] }
    }

    /// By id or name, folded like `actor(matching:)`.
    public func place(matching name: String) -> Place? {
        placeIndex(matching: name).map { places[Int($0)] }
    }

    public func eventCount(ofActor id: String) -> Int {
        actorIndexByID[id].map { eventsByActor[Int($0)].count } ?? 0
    }

    public func eventCount(atPlace id: String) -> Int {
        placeIndexByID[id].map { eventsByPlace[Int($0)].count } ?? 0
    }

    func actorIndex(matching name: String) -> Int32? {
        if let index = actorIndexByID[name] { return index }
        var folder = TextFolder()
        return actorIndexByName[folder.foldedName(name)]
    }

    func placeIndex(matching name: String) -> Int32? {
        if let index = placeIndexByID[name] { return index }
        var folder = TextFolder()
        return placeIndexByName[folder.foldedName(name)]
    }

    func resolveActor(_ name: String) throws(TimelineQueryError) -> Int32 {
        guard let index = actorIndex(matching: name) else {
            throw .unknownActor(name, suggestions: suggestions(for: name, among: [.actor]))
        }
        return index
    }

    func resolvePlace(_ name: String) throws(TimelineQueryError) -> Int32 {
        guard let index = placeIndex(matching: name) else {
            throw .unknownPlace(name, suggestions: suggestions(for: name, among: [.place]))
        }
        return index
    }
}
