extension EventTable {
    /// Bytes the table's arrays hold (elements, not counting the rare fields kept as Swift
    /// values or the shared id strings), for memory accounting.
    public var packedByteCount: Int {
        records.count * MemoryLayout<EventRecord>.stride + text.count + evidence.count * MemoryLayout<EvidenceRecord>.stride
            + participantActors.count * 5 + placeReferences.count * 4
    }

    /// UTF-8 bytes of the event strings in the text buffer (ids and date texts included).
    public var textByteCount: Int { text.count }
}
