import TimelineStore

/// A fixed vocabulary ranked by frequency: ~100 common English words first, then made-up words
/// (syllables), longer as they get rarer, a few with a diacritic (`é`, `ü`, ...) as names in
/// real articles have. Text samples ranks from a Zipf distribution (exponent 1), so a word of
/// rank r turns up in about 4.5 / r of the events: text queries have realistic selectivity.
struct Vocabulary {
    static let size = 30_000
    let words: [String]
    let isASCII: [Bool]
    let zipf: Zipf

    private static let common = """
        the of and to in a on for with by as at from that was is its were said after which it an be \
        has had not but his their are have this over into government president minister against \
        during new two between also more would than who been first they about talks state security \
        forces protest agreement military border economic trade officials foreign national party \
        police leader troops visit meeting deal support capital region report oil gas years people \
        country three since under while other some could when there them all one out up only what \
        most before through week month pipeline election power army opposition
        """.split(separator: " ").map(String.init)
    private static let onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh",
                                 "br", "tr", "st", "gr", "y", "", "", "h", "f"]
    private static let vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ia", "y"]
    private static let codas = ["", "", "", "", "n", "r", "s", "k", "l", "m", "t", "v", "sh", "z"]
    private static let accents: [Character: Character] = ["e": "é", "u": "ü", "o": "ö", "a": "á", "i": "í"]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var words: [String] = []
        var seen = Set<String>()
        for word in Vocabulary.common where seen.insert(word).inserted { words.append(word) }
        while words.count < Vocabulary.size {
            let rank = words.count
            let syllables = rank < 1000 ? random.inRange(2...3) : rank < 10_000 ? random.inRange(2...4) : random.inRange(3...4)
            var word = ""
            for _ in 0..<syllables {
                word += Vocabulary.onsets[random.below(Vocabulary.onsets.count)]
                word += Vocabulary.vowels[random.below(Vocabulary.vowels.count)]
                if random.chance(0.3) { word += Vocabulary.codas[random.below(Vocabulary.codas.count)] }
            }
            guard word.count >= 3, seen.insert(word).inserted else { continue }
            // About 2% of the rarer words carry one diacritic.
            if rank >= 1500 && random.chance(0.02), let vowel = word.firstIndex(where: { Vocabulary.accents[$0] != nil }) {
                word.replaceSubrange(vowel...vowel, with: String(Vocabulary.accents[word[vowel]]!))
            }
            words.append(word)
        }
        self.words = words
        isASCII = words.map { $0.utf8.allSatisfy { $0 < 0x80 } }
        zipf = Zipf(count: words.count, exponent: 1.0)
    }

    func sample(_ random: inout SplitMix64) -> Int { zipf.sample(&random) }
}

/// What the queries are made of, taken from real events of the generated data (so the
/// selective and combined queries find at least that event).
struct Probe: Sendable {
    let actorID: String
    /// `YYYY-MM` and `YYYY` of the event's first day.
    let month: String
    let year: String
    let type: EventType
    /// A word of the event's own title or summary, the one of rank nearest 1000 (mid frequency).
    let word: String
}

struct GeneratedTimeline {
    let dataset: TimelineDataset
    /// UTF-8 bytes of the free text of all events: titles, summaries, quotes, date notes.
    let textBytes: Int
    /// UTF-8 bytes of all event ids (not counted as text).
    let idBytes: Int
    let probes: [Probe]
    /// One or two mid-frequency words per text query variant.
    let textQueries: [String]
    let vocabulary: Vocabulary
}

/// Synthetic timelines shaped like the curated ones, at any size: N events, N/100 actors,
/// N/1000 places, N/50 sources (one timeline file's worth each), dates over 1995–2024.
/// Deterministic: the same N and seed give the same timeline, byte for byte.
enum Generator {
    static let firstDay = Day(year: 1995, month: 1, day: 1)!.daysSinceEpoch
    static let lastDay = Day(year: 2024, month: 12, day: 31)!.daysSinceEpoch

    /// `sharedReferences`: events refer to actors and places with the records' own id strings
    /// (what interning in the loader would give) instead of a copy each (what it does now).
    static func make(events count: Int, seed: UInt64 = 20_240_601, probeCount: Int = 24,
                     sharedReferences: Bool = false) -> GeneratedTimeline {
        var random = SplitMix64(seed: seed &+ UInt64(count))
        let vocabulary = Vocabulary(seed: seed)
        let words = vocabulary.words

        // Actors and places, each drawn by a Zipf law over a shuffled order (a few are in
        // very many events, most in a handful).
        let actorCount = max(3, count / 100)
        let placeCount = max(2, count / 1000)
        let sourceCount = max(1, (count + 49) / 50)
        func name(_ parts: Int) -> String {
            (0..<parts).map { _ in capitalized(words[random.inRange(2000...29_999)]) }.joined(separator: " ")
        }
        func slug(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.map { $0.isASCII && $0.properties.isAlphabetic ? Character($0) : "-" })
        }
        let actorKinds = ActorKind.allCases
        var actors: [TimelineActor] = []
        actors.reserveCapacity(actorCount)
        for index in 0..<actorCount {
            let actorName = name(random.inRange(1...3))
            let description: String? = random.chance(0.5) ? sentence(8...16, &random, vocabulary) : nil
            let aliases = random.chance(0.3) ? [String(actorName.split(separator: " ").compactMap(\.first))] : []
            actors.append(TimelineActor(
                id: "\(slug(actorName))-\(String(index, radix: 36))", sourceID: "src-\(String(index % sourceCount, radix: 36))",
                name: actorName, kind: actorKinds[index % actorKinds.count], aliases: aliases, description: description))
        }
        let placeKinds = PlaceKind.allCases
        let places = (0..<placeCount).map { index in
            let placeName = name(random.inRange(1...2))
            return Place(id: "\(slug(placeName))-\(String(index, radix: 36))", sourceID: "src-\(String(index % sourceCount, radix: 36))",
                         name: placeName, kind: placeKinds[index % placeKinds.count], country: "KZ")
        }
        let actorOrder = shuffled(actorCount, &random)
        let placeOrder = shuffled(placeCount, &random)
        let actorZipf = Zipf(count: actorCount, exponent: 0.9)
        let placeZipf = Zipf(count: placeCount, exponent: 0.9)
        // PLOVER types, skewed: talk is more common than fighting.
        let typeOrder = shuffled(EventType.allCases.count, &random).map { EventType.allCases[$0] }
        let typeZipf = Zipf(count: typeOrder.count, exponent: 0.8)
        // 40 bursts of news (a crisis: many events within weeks).
        let bursts = (0..<40).map { _ in Int32(random.inRange(Int(firstDay)...Int(lastDay))) }

        let probeEvery = max(1, count / (probeCount * 3))
        var probes: [Probe] = []
        var events: [TimelineEvent] = []
        events.reserveCapacity(count)
        var textBytes = 0
        var idBytes = 0
        for index in 0..<count {
            let titleRanks = (0..<random.inRange(4...9)).map { _ in vocabulary.sample(&random) }
            let title = exact(text(titleRanks, words, capitalize: true, period: false, &random))
            var summaryRanks: [Int] = []
            var summary: String?
            if random.chance(0.9) {
                var parts: [String] = []
                for _ in 0..<(random.chance(0.5) ? 1 : 2) {
                    let ranks = (0..<random.inRange(7...18)).map { _ in vocabulary.sample(&random) }
                    summaryRanks += ranks
                    parts.append(text(ranks, words, capitalize: true, period: true, &random))
                }
                summary = exact(parts.joined(separator: " "))
            }
            let quoteCount = pick([0.15, 0.45, 0.30, 0.10], &random)
            let evidence = (0..<quoteCount).map { _ in
                var quote = text((0..<random.inRange(5...25)).map { _ in vocabulary.sample(&random) }, words,
                                 capitalize: false, period: false, &random)
                // Article quotes keep the article's typography now and then.
                if random.chance(0.06) { quote = "“" + quote + "”" } else if random.chance(0.04) { quote += "’s" }
                quote = exact(quote)
                let start = random.below(40_000)
                return Evidence(quote: quote, paragraph: 1 + random.below(30), start: start, end: start + quote.unicodeScalars.count)
            }
            let dateNote = random.chance(0.1) ? exact(sentence(10...25, &random, vocabulary)) : nil
            let (date, firstDay) = makeDate(&random, bursts: bursts)

            var participants: [EventParticipant] = []
            let roles: [ParticipantRole] = [.source, .target, .participant]
            let wanted = min(actorCount, pick([0.0, 0.4, 0.4, 0.2], &random))
            while participants.count < wanted {
                let actorID = actors[actorOrder[actorZipf.sample(&random)]].id
                if !participants.contains(where: { $0.actorID == actorID }) {
                    // A string of its own per reference, as the loader decodes each one.
                    participants.append(EventParticipant(actorID: sharedReferences ? actorID : exact(actorID),
                                                         role: roles[participants.count]))
                }
            }
            var placeIDs: [String] = []
            let wantedPlaces = min(placeCount, pick([0.25, 0.55, 0.20], &random))
            while placeIDs.count < wantedPlaces {
                let placeID = places[placeOrder[placeZipf.sample(&random)]].id
                if !placeIDs.contains(placeID) { placeIDs.append(sharedReferences ? placeID : exact(placeID)) }
            }
            let type = typeOrder[typeZipf.sample(&random)]
            let idWords = titleRanks.prefix(3).filter { vocabulary.isASCII[$0] }.map { words[$0] }
            let id = exact((idWords + [String(index, radix: 36)]).joined(separator: "-"))

            if index % probeEvery == 0, probes.count < probeCount, let firstDay, date.precision != .year,
               let participant = participants.randomElement(using: &random) {
                let candidates = (titleRanks + summaryRanks).filter { $0 >= 100 && vocabulary.isASCII[$0] }
                if let rank = candidates.min(by: { abs($0 - 1000) < abs($1 - 1000) }) {
                    let dayText = firstDay.description
                    probes.append(Probe(actorID: participant.actorID, month: String(dayText.prefix(7)),
                                        year: String(dayText.prefix(4)), type: type, word: words[rank]))
                }
            }
            textBytes += title.utf8.count + (summary?.utf8.count ?? 0) + (dateNote?.utf8.count ?? 0)
                + evidence.reduce(0) { $0 + $1.quote.utf8.count }
            idBytes += id.utf8.count
            events.append(TimelineEvent(
                id: id, sourceID: "src-\(String(index / 50, radix: 36))", title: title, summary: summary, type: type,
                date: date, dateNote: dateNote, actors: participants, places: placeIDs, evidence: evidence,
                articleOrder: index % 50 + 1))
        }
        let sources = (0..<sourceCount).map { index in
            Source(id: "src-\(String(index, radix: 36))", title: sentence(5...10, &random, vocabulary),
                   textFile: "src-\(String(index, radix: 36)).txt", timelineFile: "src-\(String(index, radix: 36)).timeline.json")
        }

        // Text queries: ASCII words of rank 200–2000 (each in ~0.2–2% of events); every
        // second query has two of them.
        var textQueries: [String] = []
        while textQueries.count < probeCount {
            func midWord() -> String {
                while true {
                    let rank = random.inRange(200...2000)
                    if vocabulary.isASCII[rank] { return words[rank] }
                }
            }
            textQueries.append(textQueries.count % 2 == 0 ? midWord() : "\(midWord()) \(midWord())")
        }
        let dataset = TimelineDataset(sources: sources, actors: actors, places: places, events: events,
                                      version: "synthetic-\(count)-\(seed)")
        return GeneratedTimeline(dataset: dataset, textBytes: textBytes, idBytes: idBytes, probes: probes,
                                 textQueries: textQueries, vocabulary: vocabulary)
    }

    /// A date in EDTF, and its first day if known. Over 1995–2024, denser in later years
    /// and in bursts; precisions mixed as in the curated timelines.
    static func makeDate(_ random: inout SplitMix64, bursts: [Int32]) -> (EDTFDate, Day?) {
        let span = Double(lastDay - firstDay)
        var dayNumber: Int32
        if random.chance(0.3) {
            let offset = random.inRange(-30...30) + random.inRange(-30...30)
            dayNumber = bursts[random.below(bursts.count)] + Int32(offset)
        } else if random.chance(0.5) {
            dayNumber = firstDay + Int32(random.unit() * span)
        } else {
            dayNumber = firstDay + Int32(random.unit().squareRoot() * span)
        }
        dayNumber = min(max(dayNumber, firstDay), lastDay - 400)
        let day = Day(daysSinceEpoch: dayNumber)
        let dayText = day.description
        let monthText = String(dayText.prefix(7))
        let yearText = String(dayText.prefix(4))
        let text: String
        var known: Day? = day
        switch random.below(1000) {
        case 0..<540: text = dayText
        case 540..<720: text = monthText
        case 720..<790: text = yearText
        case 790..<910:
            let length = random.chance(0.5) ? random.inRange(1...7) : random.chance(0.7) ? random.inRange(8...45) : random.inRange(46...400)
            let end = Day(daysSinceEpoch: dayNumber + Int32(length)).description
            text = dayText + "/" + (random.chance(0.8) ? end : String(end.prefix(7)))
        case 910..<930:
            text = "/" + dayText
            known = nil
        case 930..<950: text = dayText + "/.."
        case 950..<960: text = String(yearText.prefix(3)) + "X"
        default:
            text = (random.chance(0.7) ? dayText : monthText) + (random.chance(0.5) ? "?" : "~")
        }
        let date = try! EDTFDate(exact(text))
        return (date, known.map { _ in date.earliest! })
    }

    /// Words by rank, with a comma now and then and a number now and then.
    static func text(_ ranks: [Int], _ words: [String], capitalize: Bool, period: Bool, _ random: inout SplitMix64) -> String {
        var result = ""
        result.reserveCapacity(ranks.count * 8)
        for (offset, rank) in ranks.enumerated() {
            if offset > 0 { result += random.chance(0.06) ? ", " : " " }
            if random.chance(0.015) { result += "\(random.inRange(2...2024)) " }
            result += offset == 0 && capitalize ? capitalized(words[rank]) : words[rank]
        }
        if period { result += "." }
        return result
    }

    static func sentence(_ length: ClosedRange<Int>, _ random: inout SplitMix64, _ vocabulary: Vocabulary) -> String {
        text((0..<random.inRange(length)).map { _ in vocabulary.sample(&random) }, vocabulary.words,
             capitalize: true, period: true, &random)
    }

    /// A copy in storage of exactly its size, as the JSON loader makes them (strings built by
    /// appending keep spare capacity, which would count against the store).
    static func exact(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }

    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// An index drawn with the given probabilities (they sum to 1).
    static func pick(_ weights: [Double], _ random: inout SplitMix64) -> Int {
        var target = random.unit()
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    static func shuffled(_ count: Int, _ random: inout SplitMix64) -> [Int] {
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) { order.swapAt(index, random.below(index + 1)) }
        return order
    }
}

extension Generator {
    /// The data of Tests/TimelineStoreTests/TimelineSnapshotScaleTests.swift (2000 actors, 500
    /// places, 10 sources, 41 words per event from 5000 short ASCII words, uniform), for
    /// comparing build times with the store's own figures. No query probes: build only.
    static func makeScaleTestShape(events count: Int) -> GeneratedTimeline {
        var random = SplitMix64(seed: 7)
        let words = (0..<5000).map { "w\(String($0, radix: 36))x" }
        func sentence(_ length: Int) -> String {
            (0..<length).map { _ in words[random.below(words.count)] }.joined(separator: " ")
        }
        let actors = (0..<2000).map {
            TimelineActor(id: "actor-\($0)", sourceID: "source-0", name: "Actor \($0)", kind: .state, aliases: ["A\($0)"])
        }
        let places = (0..<500).map { Place(id: "place-\($0)", sourceID: "source-0", name: "Place \($0)", kind: .city, country: "KZ") }
        let types = EventType.allCases
        var events: [TimelineEvent] = []
        events.reserveCapacity(count)
        var textBytes = 0
        var idBytes = 0
        for index in 0..<count {
            let day = Day(daysSinceEpoch: Int32(7300 + random.below(12_000)))
            let month = day.month < 10 ? "0\(day.month)" : "\(day.month)"
            let dayText = day.day < 10 ? "0\(day.day)" : "\(day.day)"
            let date: String
            switch random.below(20) {
            case 0: date = "\(day.year)"
            case 1, 2: date = "\(day.year)-\(month)"
            case 3: date = "\(day)/\(Day(daysSinceEpoch: day.daysSinceEpoch + Int32(random.below(60))))"
            case 4: date = "\(day)/.."
            default: date = "\(day.year)-\(month)-\(dayText)"
            }
            let quote = sentence(15)
            let title = sentence(6)
            let summary = sentence(20)
            textBytes += quote.utf8.count + title.utf8.count + summary.utf8.count
            idBytes += "event-\(index)".utf8.count
            events.append(TimelineEvent(
                id: "event-\(index)", sourceID: "source-\(index % 10)", title: title, summary: summary,
                type: types[random.below(types.count)], date: try! EDTFDate(date),
                actors: (0..<(2 + random.below(2))).map { _ in
                    EventParticipant(actorID: "actor-\(random.below(2000))", role: .participant)
                },
                places: ["place-\(random.below(500))"],
                evidence: [Evidence(quote: quote, paragraph: 1, start: index, end: index + 100)],
                articleOrder: index / 10 + 1))
        }
        let sources = (0..<10).map { Source(id: "source-\($0)", title: "t", textFile: "x", timelineFile: "y") }
        return GeneratedTimeline(
            dataset: TimelineDataset(sources: sources, actors: actors, places: places, events: events, version: "synthetic"),
            textBytes: textBytes, idBytes: idBytes, probes: [], textQueries: [], vocabulary: Vocabulary(seed: 1))
    }
}
