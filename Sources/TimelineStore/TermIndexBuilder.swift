/// Builds a term → posting list index from texts added in ascending position order.
///
/// Built for tens of millions of term occurrences (a million events):
/// - ASCII text (the common case) is split and lower-cased in one pass over its UTF-8
///   bytes, exactly as `TextFolder` would split it; other text goes through `TextFolder`.
/// - A term of up to 8 bytes (most words) is packed into a `UInt64` and found in a table of
///   such keys with one integer compare; longer terms go through a `TermTable`.
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
        let byteClasses = TermIndexBuilder.byteClasses
        let handled = byteClasses.withUnsafeBufferPointer { byteClasses in shortKeys.withUnsafeBufferPointer { keys in
            shortIDs.withUnsafeBufferPointer { ids in
                tallies.withUnsafeMutableBufferPointer { tallies in
                    occurrences.withUnsafeMutableBufferPointer { occurrences in
                        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                            let mask = keys.count - 1
                            var start = 0
                            var packed: UInt64 = 0
                            var hasNonASCII = false
                            for index in 0...bytes.count {
                                let folded = index < bytes.count ? byteClasses[Int(bytes[index])] : 0
                                if folded > 0 && folded < 0x80 {
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
                                    hasNonASCII = false
                                }
                                guard index > start else { continue }
                                guard !hasNonASCII else {
                                    deferredNonASCII.append((Int32(start), Int32(index)))
                                    continue
                                }
                                guard index - start <= 8 else {
                                    deferred.append((Int32(start), Int32(index)))
                                    continue
                                }
                                var slot = Int((packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
                                while keys[slot] != packed && keys[slot] != 0 { slot = (slot + 1) & mask }
                                guard keys[slot] == packed else {
                                    deferred.append((Int32(start), Int32(index)))
                                    continue
                                }
                                let term = Int(ids[slot])
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
            }
        } }
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

    /// `packed` holds the (folded) bytes when there are at most 8 of them.
    private mutating func addTerm(_ bytes: UnsafeBufferPointer<UInt8>, packed: UInt64, at position: Int32) {
        let term: Int32
        if bytes.count <= 8 {
            term = shortTerm(packed)
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
        let oldKeys = shortKeys
        let oldIDs = shortIDs
        shortKeys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        shortIDs = [Int32](repeating: 0, count: oldKeys.count * 2)
        shortShift -= 1
        let mask = shortKeys.count - 1
        for (key, id) in zip(oldKeys, oldIDs) where key != 0 {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shortShift)
            while shortKeys[slot] != 0 { slot = (slot + 1) & mask }
            shortKeys[slot] = key
            shortIDs[slot] = id
        }
    }
}
