/// Builds a term → posting list index from texts added in ascending position order.
///
/// Built for tens of millions of term occurrences (a million events):
/// - ASCII text (the common case) is split and lower-cased in one pass over its UTF-8
///   bytes, exactly as `TextFolder` would split it; words with other bytes go through
///   `TextFolder` one by one.
/// - A term of up to 8 bytes (most words) is packed into a `UInt64` and found in a table of
///   such keys with one integer compare; one of 9 to 16 bytes likewise into two (the rarer
///   words of real text are mostly that long); longer terms go through a `TermTable`.
/// - A table slot holds the key, the term's id and the last position the term was counted
///   at, so finding and counting a known term reads one cache line (with the three in
///   separate arrays, most of the index's time went to waiting for them).
/// - Occurrences are recorded as term ids in one array; `build()` then counts them and fills
///   every posting list in a second pass, at its exact size, as slices of one array
///   (`PostingLists`). No per-occurrence `String`, hashing of bytes, or growing of many
///   small arrays.
struct TermIndexBuilder: Sendable {
    /// Open addressing over terms of up to 8 bytes: the packed term (0 = empty; a packed term
    /// is never 0, as term bytes are never 0), its id, and the last position it was counted at.
    private var shortSlots = TermIndexBuilder.emptyShortSlots(1024)
    private var shortShift: UInt64 = 64 - 10
    private var shortCount = 0
    /// The same for terms of 9 to 16 bytes, packed into two words: the bytes before the last
    /// 8, then the last 8 (0 = empty: a term's bytes are never 0).
    private var mediumSlots = TermIndexBuilder.emptyMediumSlots(1024)
    private var mediumShift: UInt64 = 64 - 10
    private var mediumCount = 0
    private var longTerms = TermTable(foldsCase: false)
    /// Per `longTerms` id: the term id and the last position it was counted at.
    private var longSlots: [(term: Int32, lastPosition: Int32)] = []

    private var termNames: [String] = []
    /// Term ids of every (position, term) pair, grouped by position in runs.
    private var occurrences: [Int32] = []
    private var runPositions: [Int32] = []
    private var runStarts: [Int32] = []
    /// Byte ranges of the current text's terms left to `addTerm`.
    private var deferred: [(start: Int32, end: Int32)] = []
    /// Byte ranges (between ASCII separators) holding non-ASCII bytes, for `TextFolder`.
    private var deferredNonASCII: [(start: Int32, end: Int32)] = []
    private var scratch: [UInt8] = []
    private var folder = TextFolder()

    mutating func add(_ text: String, at position: Int32) {
        if runPositions.last != position {
            runPositions.append(position)
            runStarts.append(Int32(occurrences.count))
        }
        // The hot path: known terms of up to 16 bytes, found and counted inline over unsafe
        // buffers. The arrays are moved out of `self` for that (no copy: they stay unique),
        // and new or long terms are set aside for `addTerm`, which may grow the tables.
        var shortSlots = self.shortSlots
        var mediumSlots = self.mediumSlots
        var occurrences = self.occurrences
        var deferred = self.deferred
        var deferredNonASCII = self.deferredNonASCII
        self.shortSlots = []
        self.mediumSlots = []
        self.occurrences = []
        self.deferred = []
        self.deferredNonASCII = []
        defer {
            self.shortSlots = shortSlots
            self.mediumSlots = mediumSlots
            self.occurrences = occurrences
            self.deferred = deferred
            self.deferredNonASCII = deferredNonASCII
        }
        deferred.removeAll(keepingCapacity: true)
        deferredNonASCII.removeAll(keepingCapacity: true)
        // Room for every term the text can hold (a term and a separator take 2 bytes), so
        // the loop writes through a pointer; the unused tail is dropped after.
        let firstNew = occurrences.count
        let room = text.utf8.count / 2 + 1
        occurrences.append(contentsOf: repeatElement(0, count: room))
        var added = 0
        let shift = shortShift
        let mediumShift = self.mediumShift
        let byteClasses = TermIndexBuilder.byteClasses
        let handled = byteClasses.withUnsafeBufferPointer { byteClasses in
            shortSlots.withUnsafeMutableBufferPointer { shortSlots in
                mediumSlots.withUnsafeMutableBufferPointer { mediumSlots in
                    occurrences.withUnsafeMutableBufferPointer { occurrences in
                        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                            let mask = shortSlots.count - 1
                            let mediumMask = mediumSlots.count - 1
                            var start = 0
                            var packed: UInt64 = 0
                            var high: UInt64 = 0
                            var hasNonASCII = false
                            for index in 0...bytes.count {
                                let folded = index < bytes.count ? byteClasses[Int(bytes[index])] : 0
                                if folded > 0 && folded < 0x80 {
                                    high = high << 8 | packed >> 56
                                    packed = packed << 8 | UInt64(folded)
                                    continue
                                }
                                if folded == TermIndexBuilder.nonASCII {
                                    hasNonASCII = true
                                    continue
                                }
                                defer {
                                    start = index + 1
                                    packed = 0
                                    high = 0
                                    hasNonASCII = false
                                }
                                guard index > start else { continue }
                                guard !hasNonASCII else {
                                    deferredNonASCII.append((Int32(start), Int32(index)))
                                    continue
                                }
                                let term: Int32
                                if index - start <= 8 {
                                    var slot = Int((packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
                                    while shortSlots[slot].key != packed && shortSlots[slot].key != 0 { slot = (slot + 1) & mask }
                                    guard shortSlots[slot].key == packed else {
                                        deferred.append((Int32(start), Int32(index)))
                                        continue
                                    }
                                    guard shortSlots[slot].lastPosition != position else { continue }
                                    shortSlots[slot].lastPosition = position
                                    term = shortSlots[slot].term
                                } else if index - start <= 16 {
                                    var slot = TermIndexBuilder.mediumSlot(high, packed, shift: mediumShift)
                                    while mediumSlots[slot].low != 0
                                        && (mediumSlots[slot].low != packed || mediumSlots[slot].high != high) {
                                        slot = (slot + 1) & mediumMask
                                    }
                                    guard mediumSlots[slot].low != 0 else {
                                        deferred.append((Int32(start), Int32(index)))
                                        continue
                                    }
                                    guard mediumSlots[slot].lastPosition != position else { continue }
                                    mediumSlots[slot].lastPosition = position
                                    term = mediumSlots[slot].term
                                } else {
                                    deferred.append((Int32(start), Int32(index)))
                                    continue
                                }
                                occurrences[firstNew + added] = term
                                added += 1
                            }
                            return true
                        }
                    }
                }
            }
        }
        occurrences.removeLast(room - added)
        guard handled == true else {
            // Not contiguous UTF-8: the whole text through `TextFolder`. Terms recorded before
            // are not recorded twice (`addTerm` checks the last position).
            self.shortSlots = shortSlots
            self.mediumSlots = mediumSlots
            self.occurrences = occurrences
            shortSlots = []
            mediumSlots = []
            occurrences = []
            addFolded(text, at: position)
            shortSlots = self.shortSlots
            mediumSlots = self.mediumSlots
            occurrences = self.occurrences
            return
        }
        guard !deferred.isEmpty || !deferredNonASCII.isEmpty else { return }
        self.shortSlots = shortSlots
        self.mediumSlots = mediumSlots
        self.occurrences = occurrences
        shortSlots = []
        mediumSlots = []
        occurrences = []
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            for (start, end) in deferred {
                let term = UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
                addTerm(term, packed: term.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }, at: position)
            }
            // A run between ASCII separators tokenizes alone as it would in the whole text.
            for (start, end) in deferredNonASCII {
                addFolded(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self),
                          at: position)
            }
        }
        shortSlots = self.shortSlots
        mediumSlots = self.mediumSlots
        occurrences = self.occurrences
    }

    /// The terms `TextFolder` finds in `text`.
    private mutating func addFolded(_ text: String, at position: Int32) {
        var terms: [String] = []
        folder.forEachToken(in: text) { term, _ in terms.append(term) }
        for var term in terms {
            term.withUTF8 { bytes in
                addTerm(bytes, packed: bytes.reduce(0) { $0 << 8 | UInt64($1) }, at: position)
            }
        }
    }

    /// The finished index.
    func build() -> PostingLists {
        let counts = termCounts()
        var offsets = [Int](repeating: 0, count: counts.count + 1)
        for term in counts.indices { offsets[term + 1] = offsets[term] + Int(counts[term]) }
        var next = offsets
        var flat = [Int32](repeating: 0, count: offsets[counts.count])
        flat.withUnsafeMutableBufferPointer { flat in
            for run in runPositions.indices {
                let end = run + 1 < runStarts.count ? Int(runStarts[run + 1]) : occurrences.count
                for occurrence in Int(runStarts[run])..<end {
                    let term = Int(occurrences[occurrence])
                    flat[next[term]] = runPositions[run]
                    next[term] += 1
                }
            }
        }
        var listByTerm: [String: Int32] = [:]
        listByTerm.reserveCapacity(termNames.count)
        for term in termNames.indices { listByTerm[termNames[term]] = Int32(term) }
        return PostingLists(listByTerm: listByTerm, listStarts: offsets, positions: flat)
    }

    /// Per term id: at how many positions it occurs (each position records a term once).
    private func termCounts() -> [Int32] {
        var counts = [Int32](repeating: 0, count: termNames.count)
        counts.withUnsafeMutableBufferPointer { counts in
            for term in occurrences { counts[Int(term)] += 1 }
        }
        return counts
    }

    /// What was added as one chunk of a bigger index (see `TermIndexChunk`), for texts added
    /// at positions in `positions`, which become the chunk's events 0, 1, ….
    consuming func chunk(positions: Range<Int32>) -> TermIndexChunk {
        var starts = [Int32](repeating: 0, count: positions.count + 1)
        var run = 0
        for event in 0...positions.count {
            // Events without terms have no run: theirs is empty, at the next run's start.
            let position = positions.lowerBound + Int32(event)
            while run < runPositions.count && runPositions[run] < position { run += 1 }
            starts[event] = run < runStarts.count ? runStarts[run] : Int32(occurrences.count)
        }
        return TermIndexChunk(termNames: termNames, termCounts: termCounts(),
                              occurrenceStarts: starts, occurrences: occurrences)
    }

    /// `packed` holds the (folded) bytes when there are at most 8 of them.
    private mutating func addTerm(_ bytes: UnsafeBufferPointer<UInt8>, packed: UInt64, at position: Int32) {
        let term: Int32
        if bytes.count <= 8 {
            let slot = shortSlot(packed)
            guard shortSlots[slot].lastPosition != position else { return }
            shortSlots[slot].lastPosition = position
            term = shortSlots[slot].term
        } else if bytes.count <= 16 {
            var high: UInt64 = 0
            var low: UInt64 = 0
            for byte in bytes {
                high = high << 8 | low >> 56
                low = low << 8 | UInt64(TermTable.lowercased(byte))
            }
            let slot = mediumSlot(high, low)
            guard mediumSlots[slot].lastPosition != position else { return }
            mediumSlots[slot].lastPosition = position
            term = mediumSlots[slot].term
        } else {
            var folded = scratch
            scratch = []
            folded.removeAll(keepingCapacity: true)
            for byte in bytes { folded.append(TermTable.lowercased(byte)) }
            let longID = Int(folded.withUnsafeBufferPointer { longTerms.intern($0) })
            if longID == longSlots.count {
                longSlots.append((newTerm(String(decoding: folded, as: UTF8.self)), -1))
            }
            scratch = folded
            guard longSlots[longID].lastPosition != position else { return }
            longSlots[longID].lastPosition = position
            term = longSlots[longID].term
        }
        occurrences.append(term)
    }

    /// The slot of a term of up to 8 bytes, made (with a new term id) when the term is new.
    /// The table grows before it is half full, so the slot returned stays valid until the
    /// next new term.
    private mutating func shortSlot(_ packed: UInt64) -> Int {
        if shortCount * 2 >= shortSlots.count { growShortTable() }
        let mask = shortSlots.count - 1
        var slot = Int((packed &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
        while shortSlots[slot].key != 0 {
            if shortSlots[slot].key == packed { return slot }
            slot = (slot + 1) & mask
        }
        var bytes: [UInt8] = []
        var remaining = packed
        while remaining != 0 {
            bytes.append(UInt8(remaining & 0xFF))
            remaining >>= 8
        }
        shortSlots[slot] = (packed, newTerm(String(decoding: bytes.reversed(), as: UTF8.self)), -1)
        shortCount += 1
        return slot
    }

    /// The home slot of a 9-to-16-byte term.
    private static func mediumSlot(_ high: UInt64, _ low: UInt64, shift: UInt64) -> Int {
        Int(((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Like `shortSlot`, for a term of 9 to 16 bytes.
    private mutating func mediumSlot(_ high: UInt64, _ low: UInt64) -> Int {
        if mediumCount * 2 >= mediumSlots.count { growMediumTable() }
        let mask = mediumSlots.count - 1
        var slot = TermIndexBuilder.mediumSlot(high, low, shift: mediumShift)
        while mediumSlots[slot].low != 0 {
            if mediumSlots[slot].low == low && mediumSlots[slot].high == high { return slot }
            slot = (slot + 1) & mask
        }
        var bytes: [UInt8] = []
        for word in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) where word >> UInt64(shift) & 0xFF != 0 {
                bytes.append(UInt8(word >> UInt64(shift) & 0xFF))
            }
        }
        mediumSlots[slot] = (high, low, newTerm(String(decoding: bytes, as: UTF8.self)), -1)
        mediumCount += 1
        return slot
    }

    private mutating func newTerm(_ name: String) -> Int32 {
        termNames.append(name)
        return Int32(termNames.count - 1)
    }

    private static let nonASCII: UInt8 = 0xFF

    /// Per byte: its lower-case form if it belongs in a term, 0 for a separator, `nonASCII`.
    private static let byteClasses: [UInt8] = (0...255).map { value in
        switch value {
        case 0x30...0x39, 0x61...0x7A: UInt8(value)
        case 0x41...0x5A: UInt8(value) | 0x20
        case 0x80...0xFF: nonASCII
        default: 0
        }
    }

    private static func emptyShortSlots(_ count: Int) -> [(key: UInt64, term: Int32, lastPosition: Int32)] {
        Array(repeating: (0, 0, 0), count: count)
    }

    private static func emptyMediumSlots(_ count: Int) -> [(high: UInt64, low: UInt64, term: Int32, lastPosition: Int32)] {
        Array(repeating: (0, 0, 0, 0), count: count)
    }

    /// Twice the slots, rehashed.
    private mutating func growShortTable() {
        shortShift -= 1
        var slots = TermIndexBuilder.emptyShortSlots(shortSlots.count * 2)
        let mask = slots.count - 1
        for old in shortSlots where old.key != 0 {
            var slot = Int((old.key &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = old
        }
        shortSlots = slots
    }

    private mutating func growMediumTable() {
        mediumShift -= 1
        var slots = TermIndexBuilder.emptyMediumSlots(mediumSlots.count * 2)
        let mask = slots.count - 1
        for old in mediumSlots where old.low != 0 {
            var slot = TermIndexBuilder.mediumSlot(old.high, old.low, shift: mediumShift)
            while slots[slot].low != 0 { slot = (slot + 1) & mask }
            slots[slot] = old
        }
        mediumSlots = slots
    }
}
