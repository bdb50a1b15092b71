/// "Did you mean" ids for a 404.
///
/// Actors, places and sources (few) are scanned with an edit distance, O(n · L²), which also
/// finds ids the unknown one is a prefix of. Events are too many to scan at scale: up to 4096
/// are scanned too, beyond that every edit-distance-1 variant of the unknown id is looked up
/// directly, O(L · |alphabet|) lookups.
extension TimelineSnapshot {
    public func suggestions(for unknownID: String, among kinds: Set<RecordKind> = Set(RecordKind.allCases),
                            limit: Int = 3) -> [String] {
        var folder = TextFolder()
        let wanted = folder.foldedName(unknownID).replacingSpacesWithHyphens()
        guard !wanted.isEmpty else { return [] }
        var candidates: Set<String> = []
        if kinds.contains(.actor) { candidates.formUnion(actors.map(\.id)) }
        if kinds.contains(.place) { candidates.formUnion(places.map(\.id)) }
        if kinds.contains(.source) { candidates.formUnion(sources.map(\.id)) }
        if kinds.contains(.event) {
            if events.count <= TimelineSnapshot.scanLimit {
                candidates.formUnion(events.map(\.id))
            } else {
                candidates.formUnion(TimelineSnapshot.singleEdits(of: wanted).filter { eventPositionByID[$0] != nil })
            }
        }
        let wantedScalars = Array(wanted.unicodeScalars)
        let scored: [(score: Int, id: String)] = candidates.compactMap { id in
            let distance = TimelineSnapshot.editDistance(wantedScalars, Array(id.unicodeScalars))
            let isPrefix = (wanted.count >= 3 && id.hasPrefix(wanted)) || (id.count >= 3 && wanted.hasPrefix(id))
            let threshold = max(1, min(3, wanted.count / 3))
            if distance <= threshold { return (distance, id) }
            if isPrefix { return (threshold + 1, id) }
            return nil
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }.prefix(limit).map(\.id)
    }

    private static let scanLimit = 4096
    /// Deletions, transpositions, substitutions and insertions over the id alphabet.
    private static func singleEdits(of id: String) -> Set<String> {
        let characters = Array(id)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        var edits: Set<String> = []
        for index in 0...characters.count {
            for letter in alphabet {
                var inserted = characters
                inserted.insert(letter, at: index)
                edits.insert(String(inserted))
            }
            guard index < characters.count else { continue }
            var deleted = characters
            deleted.remove(at: index)
            edits.insert(String(deleted))
            for letter in alphabet where letter != characters[index] {
                var substituted = characters
                substituted[index] = letter
                edits.insert(String(substituted))
            }
            if index + 1 < characters.count {
                var swapped = characters
                swapped.swapAt(index, index + 1)
                edits.insert(String(swapped))
            }
        }
        return edits
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previousPrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[right.count]
    }
}
