/// Record id → index, for millions of ids: a `TermTable` (byte hashing, one arena) rather
/// than a `[String: Int32]`, which costs a SipHash and more memory per id. Of duplicate ids,
/// the first wins (the loader refuses duplicates anyway).
struct IDIndex: Sendable {
    private var table: TermTable
    /// Record index per table id.
    private var indices: [Int32] = []

    /// `id(index)` gives the id of record `index`, for `index` in `0..<count`.
    init(count: Int, id: (Int) -> String) {
        table = TermTable(foldsCase: false, minimumCapacity: max(count, 16))
        indices.reserveCapacity(count)
        for index in 0..<count {
            var recordID = id(index)
            let tableID = recordID.withUTF8 { table.intern($0) }
            if tableID == indices.count { indices.append(Int32(index)) }
        }
    }

    /// `idBytes(index)` gives the UTF-8 of the id of the `index`-th record in some order
    /// (valid during the call) and `recordIndex(index)` that record's index. Of duplicate
    /// ids the smallest record index wins, whatever order they come in.
    init(count: Int, idBytes: (Int) -> UnsafeBufferPointer<UInt8>, recordIndex: (Int) -> Int32) {
        table = TermTable(foldsCase: false, minimumCapacity: max(count, 16))
        indices.reserveCapacity(count)
        for index in 0..<count {
            let tableID = Int(table.intern(idBytes(index)))
            let record = recordIndex(index)
            if tableID == indices.count {
                indices.append(record)
            } else {
                indices[tableID] = min(indices[tableID], record)
            }
        }
    }

    subscript(_ id: String) -> Int32? {
        table.find(id).map { indices[Int($0)] }
    }
}
