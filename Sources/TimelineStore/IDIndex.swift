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

    /// `idBytes(index)` gives the UTF-8 of the id of record `index`, valid during the call.
    init(count: Int, idBytes: (Int) -> UnsafeBufferPointer<UInt8>) {
        table = TermTable(foldsCase: false, minimumCapacity: max(count, 16))
        indices.reserveCapacity(count)
        for index in 0..<count where table.intern(idBytes(index)) == indices.count {
            indices.append(Int32(index))
        }
    }

    subscript(_ id: String) -> Int32? {
        table.find(id).map { indices[Int($0)] }
    }
}
