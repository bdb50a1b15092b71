import CSQLite
import TimelineStore

/// The same timeline in an in-memory SQLite database, laid out as a DBA would: one row per
/// event whose INTEGER PRIMARY KEY is its chronological rank (so `ORDER BY id` is "ordered by
/// start" with the store's own tie-breaks, and costs nothing), link tables for actors and
/// places, an index on the dates, on the type and both ways on the links, an FTS5 table over
/// title, summary and quotes, and `ANALYZE` for the planner.
final class SQLiteTimeline {
    static let pragmas = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
    static let schema = """
        CREATE TABLE actors(id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
        CREATE TABLE places(id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
        CREATE TABLE events(
            id INTEGER PRIMARY KEY,          -- chronological rank
            ext_id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            summary TEXT,
            type INTEGER NOT NULL,           -- index in EventType.allCases
            date TEXT NOT NULL,              -- EDTF as written
            start_day INTEGER NOT NULL,      -- days since 1970-01-01; unknown start: -2^31
            end_day INTEGER NOT NULL         -- unknown or open end: 2^31-1
        );
        CREATE TABLE event_actors(event_id INTEGER NOT NULL, actor_id INTEGER NOT NULL, role TEXT NOT NULL);
        CREATE TABLE event_places(event_id INTEGER NOT NULL, place_id INTEGER NOT NULL);
        CREATE VIRTUAL TABLE events_fts USING fts5(title, summary, quotes, content='',
                                                   tokenize='unicode61 remove_diacritics 2');
        """
    /// Created after the bulk insert, as one would.
    static let indexes = """
        CREATE INDEX events_dates ON events(start_day, end_day);
        CREATE INDEX event_types ON events(type);
        CREATE INDEX event_actors_actor ON event_actors(actor_id, event_id);
        CREATE INDEX event_actors_event ON event_actors(event_id);
        CREATE INDEX event_places_place ON event_places(place_id, event_id);
        CREATE INDEX event_places_event ON event_places(event_id);
        ANALYZE;
        """

    /// Each query as (page, count): the first 50 rows ordered by start, and COUNT(*) for the total.
    static let actorID = "(SELECT id FROM actors WHERE ext_id = :actor)"
    static let selective = (
        page: """
            SELECT e.ext_id FROM event_actors ea JOIN events e ON e.id = ea.event_id
            WHERE ea.actor_id = \(actorID) AND e.start_day <= :to AND e.end_day >= :from
            ORDER BY ea.event_id LIMIT 50
            """,
        count: """
            SELECT COUNT(*) FROM event_actors ea JOIN events e ON e.id = ea.event_id
            WHERE ea.actor_id = \(actorID) AND e.start_day <= :to AND e.end_day >= :from
            """)
    static let broad = (
        page: "SELECT ext_id FROM events WHERE start_day <= :to AND end_day >= :from ORDER BY id LIMIT 50",
        count: "SELECT COUNT(*) FROM events WHERE start_day <= :to AND end_day >= :from")
    static let text = (
        page: """
            SELECT e.ext_id FROM events_fts f JOIN events e ON e.id = f.rowid
            WHERE events_fts MATCH :match ORDER BY f.rowid LIMIT 50
            """,
        count: "SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH :match")
    static let combined = (
        page: """
            SELECT e.ext_id FROM event_actors ea JOIN events e ON e.id = ea.event_id
            WHERE ea.actor_id = \(actorID) AND e.type = :type AND e.start_day <= :to AND e.end_day >= :from
              AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :match)
            ORDER BY ea.event_id LIMIT 50
            """,
        count: """
            SELECT COUNT(*) FROM event_actors ea JOIN events e ON e.id = ea.event_id
            WHERE ea.actor_id = \(actorID) AND e.type = :type AND e.start_day <= :to AND e.end_day >= :from
              AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :match)
            """)

    let database = SQLiteDatabase()

    /// Loads the snapshot's events in chronological order, so rowid = rank.
    init(_ snapshot: TimelineSnapshot) {
        database.execute(SQLiteTimeline.pragmas)
        database.execute(SQLiteTimeline.schema)
        database.execute("BEGIN")
        var actorRowID: [String: Int64] = [:]
        let insertActor = database.prepare("INSERT INTO actors(id, ext_id, name) VALUES (?, ?, ?)")
        for (offset, actor) in snapshot.actors.enumerated() {
            actorRowID[actor.id] = Int64(offset + 1)
            insertActor.reset()
            insertActor.bind(1, Int64(offset + 1))
            insertActor.bind(2, actor.id)
            insertActor.bind(3, actor.name)
            insertActor.step()
        }
        var placeRowID: [String: Int64] = [:]
        let insertPlace = database.prepare("INSERT INTO places(id, ext_id, name) VALUES (?, ?, ?)")
        for (offset, place) in snapshot.places.enumerated() {
            placeRowID[place.id] = Int64(offset + 1)
            insertPlace.reset()
            insertPlace.bind(1, Int64(offset + 1))
            insertPlace.bind(2, place.id)
            insertPlace.bind(3, place.name)
            insertPlace.step()
        }
        let typeCode = Dictionary(uniqueKeysWithValues: EventType.allCases.enumerated().map { ($1, Int64($0)) })
        let insertEvent = database.prepare("""
            INSERT INTO events(id, ext_id, title, summary, type, date, start_day, end_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertActorLink = database.prepare("INSERT INTO event_actors(event_id, actor_id, role) VALUES (?, ?, ?)")
        let insertPlaceLink = database.prepare("INSERT INTO event_places(event_id, place_id) VALUES (?, ?)")
        let insertText = database.prepare("INSERT INTO events_fts(rowid, title, summary, quotes) VALUES (?, ?, ?, ?)")
        for (offset, event) in snapshot.events.enumerated() {
            let rowID = Int64(offset + 1)
            insertEvent.reset()
            insertEvent.bind(1, rowID)
            insertEvent.bind(2, event.id)
            insertEvent.bind(3, event.title)
            insertEvent.bind(4, event.summary)
            insertEvent.bind(5, typeCode[event.type]!)
            insertEvent.bind(6, event.date.text)
            insertEvent.bind(7, Int64(event.date.earliest?.daysSinceEpoch ?? Int32.min))
            insertEvent.bind(8, Int64(event.date.latest?.daysSinceEpoch ?? Int32.max))
            insertEvent.step()
            for participant in event.actors {
                insertActorLink.reset()
                insertActorLink.bind(1, rowID)
                insertActorLink.bind(2, actorRowID[participant.actorID]!)
                insertActorLink.bind(3, participant.role.rawValue)
                insertActorLink.step()
            }
            for placeID in event.places {
                insertPlaceLink.reset()
                insertPlaceLink.bind(1, rowID)
                insertPlaceLink.bind(2, placeRowID[placeID]!)
                insertPlaceLink.step()
            }
            insertText.reset()
            insertText.bind(1, rowID)
            insertText.bind(2, event.title)
            insertText.bind(3, event.summary)
            insertText.bind(4, event.evidence.map(\.quote).joined(separator: "\n"))
            insertText.step()
        }
        database.execute("COMMIT")
        database.execute(SQLiteTimeline.indexes)
    }

    /// Bytes SQLite has allocated (its own accounting).
    static var memoryUsed: Int64 { sqlite3_memory_used() }
}

/// A query's two prepared statements, bound by parameter name.
final class SQLQuery {
    let page: SQLiteStatement
    let count: SQLiteStatement
    let pageSQL: String
    let countSQL: String

    init(_ database: SQLiteDatabase, _ sql: (page: String, count: String)) {
        page = database.prepare(sql.page)
        count = database.prepare(sql.count)
        pageSQL = sql.page
        countSQL = sql.count
    }

    /// Parameters bound by name (`:to`, ...) resolved to indices once, outside the timing.
    struct Bindings {
        let page: [(Int32, SQLValue)]
        let count: [(Int32, SQLValue)]
    }

    func bindings(_ parameters: [String: SQLValue]) -> Bindings {
        func resolve(_ statement: SQLiteStatement) -> [(Int32, SQLValue)] {
            parameters.compactMap { name, value in
                let index = sqlite3_bind_parameter_index(statement.handle, name)
                return index > 0 ? (index, value) : nil
            }
        }
        return Bindings(page: resolve(page), count: resolve(count))
    }

    /// The page's ids and the total.
    func run(_ bindings: Bindings) -> (ids: [String], total: Int) {
        bind(page, bindings.page)
        var ids: [String] = []
        ids.reserveCapacity(50)
        while page.step() { ids.append(page.text(0)) }
        bind(count, bindings.count)
        count.step()
        return (ids, Int(count.int64(0)))
    }

    private func bind(_ statement: SQLiteStatement, _ values: [(Int32, SQLValue)]) {
        statement.reset()
        for (index, value) in values {
            switch value {
            case .integer(let integer): statement.bind(index, integer)
            case .text(let text): statement.bind(index, text)
            }
        }
    }
}

enum SQLValue: Sendable {
    case integer(Int64)
    case text(String)
}

