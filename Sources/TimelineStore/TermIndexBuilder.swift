/// Builds a term → posting list index from texts added in ascending position order.
///
/// Built for tens of millions of term occurrences (a million events):
/// - ASCII text (the common case) is split and lower-cased in one pass over its UTF-8
///   bytes, exactly as `TextFolder` would split it; other text goes through `TextFolder`.
/// - A term of up to 8 bytes (most words) is packed into a `UInt64` and found in a table of
///   such keys with one integer compare; one of 9 to 16 bytes likewise into two (the rarer
///   words of real text are mostly that long); longer terms go through a `TermTable`.
/// - Occurrences are recorded as term ids in one array and counted per term; `build()` then
///   fills every posting list in a second pass, at its exact size. No per-occurrence
///   `String`, hashing of bytes, or growing of many small arrays.
struct TermIndexBuilder: Sendable {
    /// Open addressing: packed key per slot (0 = empty; a packed term is never 0, as term
    /// bytes are never 0) and its term id.
    private var shortKeys = [UInt64](repeating: 0, count: 1024)
    private var shortIDs = [Int32](repeating: 0, count: 1024)
    private var shortShift: UInt64 = 64 - 10
    private var shortCount = 0
    /// The same for terms of 9 to 16 bytes, packed into two words: per slot its high word
    /// (the bytes before the last 8) then its low word (0 = empty: a term's bytes are never 0).
    private var mediumKeys = [UInt64](repeating: 0, count: 2 * 1024)
    private var mediumIDs = [Int32](repeating: 0, count: 1024)
    private var mediumShift: UInt64 = 64 - 10
    private var mediumCount = 0
    private var longTerms = TermTable(foldsCase: false)
    /// Term id per `longTerms` id.
    private var longIDs: [Int32] = []

    private var termNames: [String] = []
    /// Per term: how many positions it has, and the last one (so a repeat is not counted).
    private var tallies: [(count: Int32, lastPosition: Int32)] = []
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
        // The hot path: known terms of up to 8 bytes, found and tallied inline over unsafe
        // buffers. The arrays are moved out of `self` for that (no copy: they stay unique),
        // and new or long terms are set aside for `addTerm`, which may grow the tables.
        var tallies = self.tallies
        var occurrences = self.occurrences
        var deferred = self.deferred
        var deferredNonASCII = self.deferredNonASCII
        self.tallies = []
        self.occurrences = []
        self.deferred = []
        self.deferredNonASCII = []
        defer {
            self.tallies = tallies
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
        let handled = byteClasses.withUnsafeBufferPointer { byteClasses in shortKeys.withUnsafeBufferPointer { keys in
            shortIDs.withUnsafeBufferPointer { ids in mediumKeys.withUnsafeBufferPointer { mediumKeys in
            mediumIDs.withUnsafeBufferPointer { mediumIDs in
                tallies.withUnsafeMutableBufferPointer { tallies in
                    occurrences.withUnsafeMutableBufferPointer { occurrences in
                        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                            let mask = keys.count - 1
                            let mediumMask = mediumIDs.count - 1
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
                                let term: Int
                                if index - start <= 8 {
                                    var slot = Int((packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
                                    while keys[slot] != packed && keys[slot] != 0 { slot = (slot + 1) & mask }
                                    guard keys[slot] == packed else {
                                        deferred.append((Int32(start), Int32(index)))
                                        continue
                                    }
                                    term = Int(ids[slot])
                                } else if index - start <= 16 {
                                    var slot = TermIndexBuilder.mediumSlot(high, packed, shift: mediumShift)
                                    while mediumKeys[2 * slot + 1] != 0
                                        && (mediumKeys[2 * slot + 1] != packed || mediumKeys[2 * slot] != high) {
                                        slot = (slot + 1) & mediumMask
                                    }
                                    guard mediumKeys[2 * slot + 1] != 0 else {
                                        deferred.append((Int32(start), Int32(index)))
                                        continue
                                    }
                                    term = Int(mediumIDs[slot])
                                } else {
                                    deferred.append((Int32(start), Int32(index)))
                                    continue
                                }
                                if tallies[term].lastPosition != position {
                                    tallies[term] = (tallies[term].count + 1, position)
                                    occurrences[firstNew + added] = Int32(term)
                                    added += 1
                                }
                            }
                            return true
                        }
                    }
                }
            } }
        } } }
        occurrences.removeLast(room - added)
        guard handled == true else {
            // Terms recorded before the first non-ASCII byte come again here; `tallies` make
            // that harmless.
            self.tallies = tallies
            self.occurrences = occurrences
            tallies = []
            occurrences = []
            var terms: [String] = []
            folder.forEachToken(in: text) { term, _ in terms.append(term) }
            for var term in terms {
                term.withUTF8 { bytes in
                    addTerm(bytes, packed: bytes.reduce(0) { $0 << 8 | UInt64($1) }, at: position)
                }
            }
            tallies = self.tallies
            occurrences = self.occurrences
            return
        }
        guard !deferred.isEmpty || !deferredNonASCII.isEmpty else { return }
        self.tallies = tallies
        self.occurrences = occurrences
        tallies = []
        occurrences = []
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            for (start, end) in deferred {
                let term = UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
                addTerm(term, packed: term.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }, at: position)
            }
            // A run between ASCII separators tokenizes alone as it would in the whole text.
            for (start, end) in deferredNonASCII {
                var terms: [String] = []
                folder.forEachToken(in: String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)) { term, _ in
                    terms.append(term)
                }
                for var term in terms {
                    term.withUTF8 { bytes in
                        addTerm(bytes, packed: bytes.reduce(0) { $0 << 8 | UInt64($1) }, at: position)
                    }
                }
            }
        }
        tallies = self.tallies
        occurrences = self.occurrences
    }

    /// The finished index.
    func build() -> [String: [Int32]] {
        var offsets = [Int](repeating: 0, count: tallies.count + 1)
        for term in tallies.indices { offsets[term + 1] = offsets[term] + Int(tallies[term].count) }
        var next = offsets
        var flat = [Int32](repeating: 0, count: offsets[tallies.count])
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
        var index: [String: [Int32]] = [:]
        index.reserveCapacity(tallies.count)
        for term in tallies.indices { index[termNames[term]] = Array(flat[offsets[term]..<offsets[term + 1]]) }
        return index
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
        return TermIndexChunk(termNames: termNames, termCounts: tallies.map(\.count),
                              occurrenceStarts: starts, occurrences: occurrences)
    }

    /// `packed` holds the (folded) bytes when there are at most 8 of them.
    private mutating func addTerm(_ bytes: UnsafeBufferPointer<UInt8>, packed: UInt64, at position: Int32) {
        let term: Int32
        if bytes.count <= 8 {
            term = shortTerm(packed)
        } else if bytes.count <= 16 {
            var high: UInt64 = 0
            var low: UInt64 = 0
            for byte in bytes {
                high = high << 8 | low >> 56
                low = low << 8 | UInt64(TermTable.lowercased(byte))
            }
            term = mediumTerm(high, low)
        } else {
            var folded = scratch
            scratch = []
            folded.removeAll(keepingCapacity: true)
            for byte in bytes { folded.append(TermTable.lowercased(byte)) }
            let longID = folded.withUnsafeBufferPointer { longTerms.intern($0) }
            if longID == longIDs.count {
                longIDs.append(newTerm(String(decoding: folded, as: UTF8.self)))
            }
            scratch = folded
            term = longIDs[Int(longID)]
        }
        if tallies[Int(term)].lastPosition != position {
            tallies[Int(term)] = (tallies[Int(term)].count + 1, position)
            occurrences.append(term)
        }
    }

    private mutating func shortTerm(_ packed: UInt64) -> Int32 {
        let mask = shortKeys.count - 1
        var slot = Int((packed &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
        while true {
            let key = shortKeys[slot]
            if key == packed { return shortIDs[slot] }
            if key == 0 { break }
            slot = (slot + 1) & mask
        }
        var bytes: [UInt8] = []
        var remaining = packed
        while remaining != 0 {
            bytes.append(UInt8(remaining & 0xFF))
            remaining >>= 8
        }
        let term = newTerm(String(decoding: bytes.reversed(), as: UTF8.self))
        shortKeys[slot] = packed
        shortIDs[slot] = term
        shortCount += 1
        if shortCount * 2 > shortKeys.count { growShortTable() }
        return term
    }

    /// The home slot of a 9-to-16-byte term.
    private static func mediumSlot(_ high: UInt64, _ low: UInt64, shift: UInt64) -> Int {
        Int(((low ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func mediumTerm(_ high: UInt64, _ low: UInt64) -> Int32 {
        let mask = mediumIDs.count - 1
        var slot = TermIndexBuilder.mediumSlot(high, low, shift: mediumShift)
        while mediumKeys[2 * slot + 1] != 0 {
            if mediumKeys[2 * slot + 1] == low && mediumKeys[2 * slot] == high { return mediumIDs[slot] }
            slot = (slot + 1) & mask
        }
        var bytes: [UInt8] = []
        for word in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) where word >> UInt64(shift) & 0xFF != 0 {
                bytes.append(UInt8(word >> UInt64(shift) & 0xFF))
            }
        }
        let term = newTerm(String(decoding: bytes, as: UTF8.self))
        mediumKeys[2 * slot] = high
        mediumKeys[2 * slot + 1] = low
        mediumIDs[slot] = term
        mediumCount += 1
        if mediumCount * 2 > mediumIDs.count { growMediumTable() }
        return term
    }

    private mutating func growMediumTable() {
        mediumShift -= 1
        (mediumKeys, mediumIDs) = TermIndexBuilder.doubled(mediumKeys, mediumIDs, width: 2, shift: mediumShift)
    }

    private mutating func newTerm(_ name: String) -> Int32 {
        termNames.append(name)
        tallies.append((0, -1))
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

    private mutating func growShortTable() {
        shortShift -= 1
        (shortKeys, shortIDs) = TermIndexBuilder.doubled(shortKeys, shortIDs, width: 1, shift: shortShift)
    }

    /// An open-addressing table of `width`-word keys (a slot is empty when its last word is 0)
    /// rehashed into one of twice the slots, whose hash shift is `shift`.
    private static func doubled(_ keys: [UInt64], _ ids: [Int32], width: Int, shift: UInt64) -> ([UInt64], [Int32]) {
        var newKeys = [UInt64](repeating: 0, count: keys.count * 2)
        var newIDs = [Int32](repeating: 0, count: ids.count * 2)
        let mask = newIDs.count - 1
        for (oldSlot, id) in ids.enumerated() where keys[width * oldSlot + width - 1] != 0 {
            let key = keys[width * oldSlot..<width * (oldSlot + 1)]
            var slot = width == 1
                ? Int((key[key.startIndex] &* 0x9E37_79B9_7F4A_7C15) >> shift)
                : mediumSlot(key[key.startIndex], key[key.startIndex + 1], shift: shift)
            while newKeys[width * slot + width - 1] != 0 { slot = (slot + 1) & mask }
            newKeys.replaceSubrange(width * slot..<width * (slot + 1), with: key)
            newIDs[slot] = id
        }
        return (newKeys, newIDs)
    }
}
