import CHeapTrim
import Dispatch

/// An immutable, indexed view of one dataset, built once and shared by every request.
///
/// Events are held packed in one `EventTable` in chronological order (see `ChronologicalKey`);
/// every index refers to them by `Int32` position, and every posting list is ascending, so
/// filters combine by intersecting the smallest list first and pages come out already in
/// chronological order.
///
/// Built for a million events (measured in bench/RESULTS.md, "Store scaling"): events are
/// packed (`EventTable`, about 0.4 KB per event beyond their text with the indexes), sorting
/// uses packed integer keys, ids are hashed as bytes (`IDIndex`), and the term index, the
/// biggest step, is built in chunks shared with a second core (`ChunkedTermIndex`).
public final class TimelineSnapshot: Sendable {
    public let version: String
    /// Sorted by id.
    public let sources: [Source]
    /// In chronological order.
    public let events: EventTable
    /// Sorted by id.
    public let actors: [TimelineActor]
    /// Sorted by id.
    public let places: [Place]

    /// Parallel to `sources`.
    let articles: [Article?]
    let sourceIndexByID: IDIndex
    let eventPositionByID: IDIndex
    let actorIndexByID: IDIndex
    let placeIndexByID: IDIndex
    /// Folded ids, names and aliases (and names without a leading "the").
    let actorIndexByName: [String: Int32]
    let placeIndexByName: [String: Int32]

    let dateIndex: EventDateIndex
    /// Per position, the event type's index in `EventType.allCases`.
    let typeCodes: [UInt8]
    let eventsByActor: [[Int32]]
    let eventsByPlace: [[Int32]]
    let eventsByType: [[Int32]]
    let eventsByTerm: PostingLists
    /// Event positions ordered by `ArticleKey`.
    let articleOrder: ListingOrder

    let actorFoldedNames: [String]
    let actorsByTerm: PostingLists
    let actorsByName: ListingOrder
    let actorsByEventCount: ListingOrder
    let placeFoldedNames: [String]
    let placesByTerm: PostingLists
    let placesByName: ListingOrder
    let placesByEventCount: ListingOrder

    let paragraphLocations: [ParagraphLocation]
    let paragraphsByTerm: PostingLists

    /// Builds every index. Trusts the dataset (the loader validates): a reference to an
    /// unknown actor or place is simply not indexed.
    ///
    /// The events are packed (`EventTable`), so the dataset's own event values are not kept:
    /// when the caller hands the dataset over (passes its last reference, as
    /// `TimelineLoader.loadSnapshot` does), they are freed here and the freed heap pages are
    /// returned to the kernel, so that the process holds only what the snapshot needs.
    public init(_ dataset: consuming TimelineDataset) {
        // The event term index is the biggest step: another core starts on it now (it needs
        // no chronological order until its merge), and this one joins in when the rest is built.
        let termIndex = ChunkedTermIndex(events: dataset.events)
        let termIndexDone = DispatchGroup()
        DispatchQueue.global().async(group: termIndexDone) { termIndex.work() }
        let sourceRanks = TimelineSnapshot.sourceRanks(of: dataset.events)
        let order = TimelineSnapshot.chronologicalOrder(dataset.events, sourceRanks: sourceRanks.ranks)

        var folder = TextFolder()
        version = dataset.version

        let sources = dataset.sources.sorted { $0.id < $1.id }
        self.sources = sources
        let articleBySource = Dictionary(dataset.articles.map { ($0.sourceID, $0) }, uniquingKeysWith: { first, _ in first })
        articles = sources.map { articleBySource[$0.id] }
        sourceIndexByID = IDIndex(count: sources.count) { sources[$0].id }

        let actors = dataset.actors.sorted { $0.id < $1.id }
        let places = dataset.places.sorted { $0.id < $1.id }
        self.actors = actors
        self.places = places
        let actorIndexByID = IDIndex(count: actors.count) { actors[$0].id }
        let placeIndexByID = IDIndex(count: places.count) { places[$0].id }
        self.actorIndexByID = actorIndexByID
        self.placeIndexByID = placeIndexByID

        let events = EventTable(
            events: dataset.events, order: order, sourceIDs: sourceRanks.sortedIDs, sourceRanks: sourceRanks.ranks,
            actorIDs: actors.map(\.id), actorIndexByID: actorIndexByID, placeIDs: places.map(\.id),
            placeIndexByID: placeIndexByID)
        self.events = events
        eventPositionByID = events.positionByID

        var eventsByActor = Array(repeating: [Int32](), count: actors.count)
        var eventsByPlace = Array(repeating: [Int32](), count: places.count)
        var eventsByType = Array(repeating: [Int32](), count: EventType.allCases.count)
        var typeCodes: [UInt8] = []
        var lowerBounds: [Int32] = []
        var upperBounds: [Int32] = []
        typeCodes.reserveCapacity(events.count)
        lowerBounds.reserveCapacity(events.count)
        upperBounds.reserveCapacity(events.count)
        for offset in events.indices {
            let position = Int32(offset)
            // Indexes at or past the known count are references to ids that name no record:
            // not indexed.
            for actorIndex in events.participantActorIndices(at: offset) where Int(actorIndex) < actors.count {
                TimelineSnapshot.appendOnce(position, to: &eventsByActor[Int(actorIndex)])
            }
            for placeIndex in events.placeIndices(at: offset) where Int(placeIndex) < places.count {
                TimelineSnapshot.appendOnce(position, to: &eventsByPlace[Int(placeIndex)])
            }
            let typeCode = events.typeCode(at: offset)
            typeCodes.append(typeCode)
            eventsByType[Int(typeCode)].append(position)
            lowerBounds.append(events.lowerBound(at: offset))
            upperBounds.append(events.upperBound(at: offset))
        }
        self.eventsByActor = eventsByActor
        self.eventsByPlace = eventsByPlace
        self.eventsByType = eventsByType
        self.typeCodes = typeCodes
        dateIndex = EventDateIndex(lowerBounds: lowerBounds, upperBounds: upperBounds)

        // Actors: lookup by folded id / name / alias, terms, and the two listing orders.
        actorIndexByName = TimelineSnapshot.nameLookup(
            ids: actors.map(\.id), names: actors.map(\.name), aliases: actors.map(\.aliases), folder: &folder)
        let actorFoldedNames = actors.map { folder.foldedName($0.name) }
        self.actorFoldedNames = actorFoldedNames
        var actorTerms = TermIndexBuilder()
        for (offset, actor) in actors.enumerated() {
            for text in [actor.name, actor.description ?? ""] + actor.aliases { actorTerms.add(text, at: Int32(offset)) }
        }
        actorsByTerm = actorTerms.build()
        actorsByName = ListingOrder(count: actors.count) { left, right in
            actorFoldedNames[left] != actorFoldedNames[right]
                ? actorFoldedNames[left] < actorFoldedNames[right] : actors[left].id < actors[right].id
        }
        actorsByEventCount = ListingOrder(count: actors.count) { left, right in
            eventsByActor[left].count != eventsByActor[right].count
                ? eventsByActor[left].count > eventsByActor[right].count : actors[left].id < actors[right].id
        }

        // Places likewise (no aliases).
        placeIndexByName = TimelineSnapshot.nameLookup(
            ids: places.map(\.id), names: places.map(\.name), aliases: places.map { _ in [] }, folder: &folder)
        let placeFoldedNames = places.map { folder.foldedName($0.name) }
        self.placeFoldedNames = placeFoldedNames
        var placeTerms = TermIndexBuilder()
        for (offset, place) in places.enumerated() { placeTerms.add(place.name, at: Int32(offset)) }
        placesByTerm = placeTerms.build()
        placesByName = ListingOrder(count: places.count) { left, right in
            placeFoldedNames[left] != placeFoldedNames[right]
                ? placeFoldedNames[left] < placeFoldedNames[right] : places[left].id < places[right].id
        }
        placesByEventCount = ListingOrder(count: places.count) { left, right in
            eventsByPlace[left].count != eventsByPlace[right].count
                ? eventsByPlace[left].count > eventsByPlace[right].count : places[left].id < places[right].id
        }

        // Paragraphs of every article, for search.
        var paragraphLocations: [ParagraphLocation] = []
        var paragraphTerms = TermIndexBuilder()
        for (sourceIndex, article) in articles.enumerated() {
            for (paragraphIndex, paragraph) in (article?.paragraphs ?? []).enumerated() {
                paragraphTerms.add(paragraph.text, at: Int32(paragraphLocations.count))
                paragraphLocations.append(ParagraphLocation(sourceIndex: Int32(sourceIndex), paragraphIndex: Int32(paragraphIndex)))
            }
        }
        self.paragraphLocations = paragraphLocations
        paragraphsByTerm = paragraphTerms.build()

        termIndex.work()
        termIndexDone.wait()

        // Nothing reads the dataset any more. Its events are freed (if this was the last
        // reference) on the other core, from the term index's reference, while this one
        // puts the events in article order and merges the term index, so that neither core
        // waits long for the other at the end. (Both make only a few big arrays. The indexes
        // above, moved here too, left 20-40 B/event more memory held after the build at a
        // million events: their many small arrays, made while the events are being freed,
        // presumably land among the freed chunks and keep those pages.)
        dataset = TimelineDataset()
        let eventsFreed = DispatchGroup()
        DispatchQueue.global().async(group: eventsFreed) { termIndex.releaseEvents() }
        articleOrder = TimelineSnapshot.articleOrder(events)
        eventsByTerm = termIndex.merged(order: order)
        eventsFreed.wait()

        // glibc keeps freed small chunks in the process (the dataset's, and the build's
        // scratch too) until asked to give the pages back.
        _ = heap_trim()
    }
}
