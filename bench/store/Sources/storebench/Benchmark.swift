import CSQLite
import Foundation
import TimelineStore

/// One benchmark process: generate N events, build the snapshot (timed, RSS measured), load
/// the same data into SQLite, check both return the same pages and totals, then time the
/// four queries on both, alternating engines run by run.
struct Benchmark {
    let eventCount: Int
    let runs: Int
    let seed: UInt64
    let showPlans: Bool
    /// Stop after the build and memory lines (for profiling the build).
    var buildOnly = false
    /// Generate the scale test's data instead (build only).
    var scaleTestShape = false
    /// Events share the actors' and places' id strings (see `Generator.make`).
    var sharedReferences = false

    struct QueryKind {
        let name: String
        let description: String
        let sql: (page: String, count: String)
        /// Per variant: the store's query and SQLite's parameters.
        let variants: [(store: EventQuery, sql: [String: SQLValue], label: String)]
    }

    func run() {
        print("storebench: N=\(eventCount) runs=\(runs) seed=\(seed) pid=\(getpid()) load=\(Measure.loadAverage()) "
              + "SQLite \(String(cString: sqlite3_libversion()))")
        let loadAtStart = Measure.loadAverage()

        // Memory: VmRSS before generating, after generating, after building, and after the
        // dataset is gone (what a server holding the snapshot keeps).
        Measure.trimHeap()
        let rssStart = Measure.residentBytes()
        let generateWindow = Measure.Window()
        var generated: GeneratedTimeline? = scaleTestShape
            ? Generator.makeScaleTestShape(events: eventCount) : Generator.make(events: eventCount, seed: seed, sharedReferences: sharedReferences)
        let generateTime = generateWindow.end()
        let textBytes = generated!.textBytes
        let idBytes = generated!.idBytes
        let probes = generated!.probes
        let textQueries = generated!.textQueries
        let rssGenerated = Measure.residentBytes()
        print(String(format: "generate: %.2f s; %d actors, %d places, %d sources; text %.0f B/event (title+summary+quotes+date note), ids %.1f B/event",
                     generateTime.wall, generated!.dataset.actors.count, generated!.dataset.places.count,
                     generated!.dataset.sources.count, Double(textBytes) / Double(eventCount), Double(idBytes) / Double(eventCount)))

        // The snapshot is handed the dataset's last reference, as `TimelineLoader` hands over
        // the one it loaded: the build frees the event values it packs (and that is timed).
        var dataset: TimelineDataset? = generated!.dataset
        generated = nil
        let buildWindow = Measure.Window()
        let snapshot = TimelineSnapshot(dataset.take()!)
        let build = buildWindow.end()
        let rssBuilt = Measure.residentBytes()
        let rssHeld = Measure.residentBytes()
        Measure.trimHeap()
        let rssTrimmed = Measure.residentBytes()

        let perEvent = { (bytes: Int) in Double(bytes) / Double(eventCount) }
        let textPerEvent = perEvent(textBytes)
        let heldPerEvent = perEvent(rssHeld - rssStart)
        let trimmedPerEvent = perEvent(rssTrimmed - rssStart)
        print(String(format: "build: %.3f s wall, %.3f s CPU; other processes used %.2f cores meanwhile",
                     build.wall, build.cpu, build.others))
        print(String(format: "memory: VmRSS %+.1f MiB for dataset, %+.1f MiB after the build, which frees the dataset's events (%.0f B/event); "
                     + "dataset dropped: %.0f B/event held (%.0f after malloc_trim); text %.0f B/event; "
                     + "beyond text %.0f B/event (%.0f after malloc_trim)",
                     Double(rssGenerated - rssStart) / 1_048_576, Double(rssBuilt - rssGenerated) / 1_048_576,
                     perEvent(rssBuilt - rssGenerated), heldPerEvent, trimmedPerEvent, textPerEvent,
                     heldPerEvent - textPerEvent, trimmedPerEvent - textPerEvent))

        // What the snapshot's packed events take (exact array sizes), and what the same events
        // would take as Swift values (estimated): the rest of the growth is indexes and heap slack.
        let packed = snapshot.events.packedByteCount
        let model = Accounting.events(snapshot.events)
        print(String(format: "model: events packed %.0f B/event (text buffer %.0f incl. ids and date texts); as Swift values they would be ≈ %.0f B/event "
                     + "(structs %.0f, text strings %.0f incl. their %.0f B of text, id/reference strings %.0f, arrays %.0f; %@); "
                     + "so indexes + heap slack ≈ %.0f B/event",
                     perEvent(packed), perEvent(snapshot.events.textByteCount),
                     perEvent(model.total), perEvent(model.eventStructs), perEvent(model.textStrings), textPerEvent,
                     perEvent(model.otherStrings), perEvent(model.arrays), Accounting.strides, heldPerEvent - perEvent(packed)))

        if buildOnly || scaleTestShape { return }

        let loadWindow = Measure.Window()
        let sqlite = SQLiteTimeline(snapshot)
        let load = loadWindow.end()
        print(String(format: "sqlite: loaded in %.2f s (inserts, indexes, FTS5, ANALYZE); sqlite3_memory_used %.0f MiB",
                     load.wall, Double(SQLiteTimeline.memoryUsed) / 1_048_576))

        let kinds = queryKinds(probes: probes, textQueries: textQueries)
        var mismatches = 0
        var results: [String: String] = [:]
        var queryOthers: [Double] = []
        for kind in kinds {
            let statements = SQLQuery(sqlite.database, kind.sql)
            if showPlans {
                print("plan \(kind.name) page:\n" + sqlite.database.queryPlan(kind.sql.page).joined(separator: "\n"))
                print("plan \(kind.name) count:\n" + sqlite.database.queryPlan(kind.sql.count).joined(separator: "\n"))
            }
            let bindings = kind.variants.map { statements.bindings($0.sql) }

            // Same ids, same order, same total (also the warm-up).
            var totals: [Int] = []
            for (index, variant) in kind.variants.enumerated() {
                let page = try! snapshot.events(matching: variant.store)
                let storeIDs = page.items.map(\.id)
                let sql = statements.run(bindings[index])
                totals.append(page.total)
                if storeIDs != sql.ids || page.total != sql.total {
                    mismatches += 1
                    let firstDifference = zip(storeIDs, sql.ids).enumerated().first { $0.element.0 != $0.element.1 }.map { String($0.offset) } ?? "none"
                    print("MISMATCH \(kind.name) [\(variant.label)]: store total \(page.total), \(storeIDs.count) ids; "
                          + "SQLite total \(sql.total), \(sql.ids.count) ids; first differing row \(firstDifference)")
                }
            }

            // Wall and thread-CPU time per run: wall is the latency; CPU time is what it would
            // be with the core to itself (the machine is shared).
            var storeTimes: [UInt64] = []
            var sqlTimes: [UInt64] = []
            var storeCPU: [UInt64] = []
            var sqlCPU: [UInt64] = []
            var sink = 0
            let window = Measure.Window()
            for run in 0..<runs {
                let variant = run % kind.variants.count
                let query = kind.variants[variant].store
                for engine in (run % 2 == 0 ? [0, 1] : [1, 0]) {
                    let cpuStart = Measure.threadCPU()
                    let start = Measure.now()
                    if engine == 0 {
                        let page = try! snapshot.events(matching: query)
                        sink &+= page.total &+ page.items.count
                        storeTimes.append(Measure.now() - start)
                        storeCPU.append(Measure.threadCPU() - cpuStart)
                    } else {
                        let result = statements.run(bindings[variant])
                        sink &+= result.total &+ result.ids.count
                        sqlTimes.append(Measure.now() - start)
                        sqlCPU.append(Measure.threadCPU() - cpuStart)
                    }
                }
            }
            let measured = window.end()
            queryOthers.append(measured.others)
            let store = Measure.percentiles(storeTimes)
            let sql = Measure.percentiles(sqlTimes)
            let storeOnCPU = Measure.percentiles(storeCPU)
            let sqlOnCPU = Measure.percentiles(sqlCPU)
            let meanTotal = Double(totals.reduce(0, +)) / Double(max(1, totals.count))
            print(String(format: "query %@ (%@): mean total %.0f (min %d, max %d); wall ms: store p50 %@ p99 %@, SQLite p50 %@ p99 %@, "
                         + "p50 ratio %.2f; thread CPU ms: store p50 %@ p99 %@, SQLite p50 %@ p99 %@; %.1f s, other processes %.2f cores [sink %d]",
                         kind.name, kind.description, meanTotal, totals.min() ?? 0, totals.max() ?? 0,
                         Report.milliseconds(store.p50), Report.milliseconds(store.p99),
                         Report.milliseconds(sql.p50), Report.milliseconds(sql.p99),
                         Double(sql.p50) / Double(max(1, store.p50)),
                         Report.milliseconds(storeOnCPU.p50), Report.milliseconds(storeOnCPU.p99),
                         Report.milliseconds(sqlOnCPU.p50), Report.milliseconds(sqlOnCPU.p99),
                         measured.wall, measured.others, sink & 1))
            results["\(kind.name)_store_p50"] = String(store.p50)
            results["\(kind.name)_store_p99"] = String(store.p99)
            results["\(kind.name)_sql_p50"] = String(sql.p50)
            results["\(kind.name)_sql_p99"] = String(sql.p99)
            results["\(kind.name)_store_cpu_p50"] = String(storeOnCPU.p50)
            results["\(kind.name)_store_cpu_p99"] = String(storeOnCPU.p99)
            results["\(kind.name)_sql_cpu_p50"] = String(sqlOnCPU.p50)
            results["\(kind.name)_sql_cpu_p99"] = String(sqlOnCPU.p99)
            results["\(kind.name)_total"] = String(format: "%.0f", meanTotal)
        }
        print(mismatches == 0
              ? "verify: store and SQLite agree on ids, order and total for all \(kinds.reduce(0) { $0 + $1.variants.count }) query variants"
              : "verify: MISMATCH in \(mismatches) query variants")

        results["n"] = String(eventCount)
        results["runs"] = String(runs)
        results["build_wall"] = String(format: "%.3f", build.wall)
        results["build_cpu"] = String(format: "%.3f", build.cpu)
        results["build_others"] = String(format: "%.2f", build.others)
        results["query_others"] = String(format: "%.2f", queryOthers.max() ?? 0)
        results["text_per_event"] = String(format: "%.0f", textPerEvent)
        results["held_per_event"] = String(format: "%.0f", heldPerEvent)
        results["beyond_text"] = String(format: "%.0f", heldPerEvent - textPerEvent)
        results["beyond_text_trimmed"] = String(format: "%.0f", trimmedPerEvent - textPerEvent)
        results["snapshot_over_dataset"] = String(format: "%.0f", perEvent(rssBuilt - rssGenerated))
        results["model_per_event"] = String(format: "%.0f", perEvent(packed))
        results["sqlite_load"] = String(format: "%.2f", load.wall)
        results["mismatches"] = String(mismatches)
        results["load_start"] = loadAtStart.replacingOccurrences(of: " ", with: ",")
        print("RESULT\t" + results.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\t"))
    }

    func queryKinds(probes: [Probe], textQueries: [String]) -> [QueryKind] {
        let typeCode = Dictionary(uniqueKeysWithValues: EventType.allCases.enumerated().map { ($1, Int64($0)) })
        func days(_ text: String) -> (from: SQLValue, to: SQLValue, date: PartialDate) {
            let date = try! PartialDate(text)
            return (.integer(Int64(date.first.daysSinceEpoch)), .integer(Int64(date.last.daysSinceEpoch)), date)
        }
        func match(_ words: String) -> SQLValue {
            .text(words.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " "))
        }
        let selective = probes.map { probe in
            let month = days(probe.month)
            return (EventQuery(from: month.date, to: month.date, actors: [probe.actorID], limit: 50),
                    [":actor": SQLValue.text(probe.actorID), ":from": month.from, ":to": month.to],
                    "\(probe.actorID) \(probe.month)")
        }
        let broad = probes.map { probe in
            let year = days(probe.year)
            return (EventQuery(from: year.date, to: year.date, limit: 50), [":from": year.from, ":to": year.to], probe.year)
        }
        let text = textQueries.map { words in
            (EventQuery(text: words, limit: 50), [":match": match(words)], words)
        }
        let combined = probes.map { probe in
            let year = days(probe.year)
            return (EventQuery(from: year.date, to: year.date, actors: [probe.actorID], types: [probe.type],
                               text: probe.word, limit: 50),
                    [":actor": SQLValue.text(probe.actorID), ":from": year.from, ":to": year.to,
                     ":type": .integer(typeCode[probe.type]!), ":match": match(probe.word)],
                    "\(probe.actorID) \(probe.year) \(probe.type.rawValue) \(probe.word)")
        }
        return [
            QueryKind(name: "selective", description: "one actor + one month", sql: SQLiteTimeline.selective, variants: selective),
            QueryKind(name: "broad", description: "one year", sql: SQLiteTimeline.broad, variants: broad),
            QueryKind(name: "text", description: "one or two mid-frequency words", sql: SQLiteTimeline.text, variants: text),
            QueryKind(name: "combined", description: "actor + year + type + word", sql: SQLiteTimeline.combined, variants: combined),
        ]
    }
}
